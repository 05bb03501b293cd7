/**
 * The connector: {@link dev.asanaconnector.AsanaClient}, its entity accessors, {@code execute} and
 * {@code describe()}, the records' pages and iterations, and the exceptions under
 * {@link dev.asanaconnector.AsanaException}.
 *
 * <h2>The path of one list call</h2>
 * {@code asana.projectTasks().list("1204", Params.builder().limit(50).build())}, top to bottom; every
 * other call (a get, an iteration's pages, {@code execute}, a direct call of a generated API through
 * {@code asana.call}) takes the same path from step 3 on.
 * <ol>
 *   <li>{@code ProjectTasks.list}, through {@code EntityCalls} (which every accessor shares), adds the
 *       parent gid to the params and hands the catalog's {@code ActionSpec} for {@code project_tasks list}
 *       to {@code Dispatcher}.
 *   <li>{@code Dispatcher.validate} checks every parameter against the spec (names, types, gids, enums,
 *       ranges) and throws {@link dev.asanaconnector.InvalidParameterException} before anything is
 *       sent; {@code Dispatcher.request} builds the request with the generated Retrofit method
 *       ({@code ProjectsApi}/{@code TasksApi}...), joins list parameters such as {@code opt_fields} once
 *       ({@code CommaSeparatedQueryInterceptor.joinLists}) and adds the {@code Asana-Enable} headers and
 *       per-call options. (A direct call arrives here already built; {@code GeneratedCalls} joins its
 *       lists and takes the body type from the generated method.)
 *   <li>{@code Transport.exchange} runs the request on the client that
 *       {@link dev.asanaconnector.http.HttpStack} built, whose interceptors, outermost first, are:
 *       {@code PerCallTimeouts}, {@code UserAgentInterceptor}, {@code RetryInterceptor} (the one retry
 *       loop: statuses, connection failures and bodies cut mid-read, one budget of attempts and time;
 *       it reads each answer into memory with {@link dev.asanaconnector.http.ResponseBodies}, bounded),
 *       {@code BearerAuthInterceptor} (the token, for the base URL's origin only; one renewal after a
 *       401), {@code RateLimiter} (pause after a 429, pacing, an in-flight permit, then the
 *       send log: no more than the limit actually sent in any window),
 *       {@code AsanaChangeWarnings} and {@code RequestLogging}.
 *   <li>Back in {@code Transport}: an error status goes to {@code ApiErrors}, the one mapper to
 *       {@link dev.asanaconnector.AsanaApiException} and its subclasses (status, Asana's messages,
 *       request id, method, path, a redacted excerpt); a body that is not JSON, or not the expected JSON,
 *       to {@link dev.asanaconnector.InvalidResponseException}; an I/O failure to
 *       {@link dev.asanaconnector.NetworkException}. Otherwise the body reader the dispatcher gave
 *       parses the page with the generated models' Moshi adapters into a {@link dev.asanaconnector.Page}.
 * </ol>
 * Iterations ({@link dev.asanaconnector.PagedIterable}, {@code AsanaClient.executePages}) build the
 * request once and walk {@code next_page} offsets with {@code PageWalker}, the one pager, which stops
 * rather than loops when a server repeats an offset. Downloads take step 3 on the download client
 * (no credentials, no rate limits, bodies streamed) and map their errors with the same
 * {@code ApiErrors}.
 *
 * <h2>Following changes</h2>
 * {@link dev.asanaconnector.Events} builds {@code GET /events} with the generated {@code EventsApi} and
 * sends it from step 3 on; {@code ApiErrors} maps a 412 carrying a {@code sync} token to
 * {@link dev.asanaconnector.SyncTokenExpiredException} (the one mechanism: on every path, direct calls
 * too), which {@code Events} turns into a start from now only when no token was given.
 * {@link dev.asanaconnector.EventPoller} repeats {@code Events.fetch} on a thread of its own.
 * {@link dev.asanaconnector.WatermarkCrawl} lists {@code tasks} through {@code executePages}.
 * {@link dev.asanaconnector.Webhooks} sends {@code POST /webhooks} as a direct generated call while its
 * {@link dev.asanaconnector.WebhookReceiver} expects the handshake; the receiver (and
 * {@link dev.asanaconnector.WebhookServer} around it) takes no part in the client's pipeline.
 */
package dev.asanaconnector;
