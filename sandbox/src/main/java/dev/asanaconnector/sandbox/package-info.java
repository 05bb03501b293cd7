/**
 * An in-process Asana stand-in for tests, demos and benchmarks: {@link dev.asanaconnector.sandbox.AsanaSandbox}.
 *
 * <p>Public surface: {@link dev.asanaconnector.sandbox.AsanaSandbox} (lifecycle, URLs, token, counters) and
 * its builder, {@link dev.asanaconnector.sandbox.SandboxData} (the seeded gids and attachment bytes),
 * {@link dev.asanaconnector.sandbox.SandboxFaults} (429s, 5xx, cut connections, rate and concurrency
 * limits, slow responses, offset and download-URL expiry), {@link dev.asanaconnector.sandbox.SandboxOAuth}
 * (the token endpoint), {@link dev.asanaconnector.sandbox.SandboxEvents} (GET /events and sync-token
 * expiry), {@link dev.asanaconnector.sandbox.SandboxWebhooks} (webhook retry timing, heartbeats) and
 * {@link dev.asanaconnector.sandbox.SandboxMain} (manual use).
 *
 * <p>Writes: POST/PUT/DELETE on tasks (and subtasks, stories, tags, followers, dependencies, projects),
 * projects, sections (and addTask), tags, workspace users, multipart attachments and webhooks, with
 * bodies {@code {"data": {...}}} (or form fields); answers {@code {"data": record}} (201 for creates
 * Asana answers so) or {@code {"data": {}}}. A field sent as null clears it. Each write is validated as
 * a whole before anything changes (400 naming the field, 404 {@code Unknown object} for a gid in the
 * path, 400 {@code Not a recognized ID} for one in the body), then applied atomically under one lock
 * that reads share; it records events ({@code GET /events}, webhooks). The big project stays read-only.
 *
 * <p>How it behaves like Asana: bearer auth on /api/1.0 (401 {@code Not Authorized}); every answer is
 * {@code {"data": ...}} with {@code Content-Type: application/json; charset=UTF-8} and a unique
 * {@code X-Request-Id}; lists are compact records, gets are full records, {@code opt_fields} selects
 * fields (dotted sub-fields too); {@code limit} must be 1..100; lists with limit or offset are paged with
 * {@code next_page {offset, path, uri}} (null on the last page), offsets are opaque, bound to their query
 * and expire; lists without limit are whole (400 "The result is too large..." beyond 1,000); errors are
 * {@code {"errors":[{"message", "help"[, "phrase"]}]}}; unknown gids are 404 "Unknown object", unknown
 * routes 404 "No matching route for request". Search is premium-only (402), never paged, default and max
 * limit 100. Unknown {@code opt_fields} names are ignored.
 *
 * <p>Speed: JSON is written by hand into byte arrays, compact records are cached, big-project pages are
 * rendered straight from the task index. MockWebServer (3, of OkHttp 5) does not set TCP_NODELAY on accepted
 * sockets, and a body it streams cannot cut the connection after a chosen byte count; the sandbox's own server socket fixes both (see {@code Wire}): every
 * accepted socket gets TCP_NODELAY, and response bodies are streamed from their generators right after
 * MockWebServer writes the headers (headers and small bodies leave in one write).
 */
package dev.asanaconnector.sandbox;
