/**
 * How the connector authenticates to Asana: a personal access token, OAuth 2 with automatic refresh,
 * or tokens the application manages itself. Start at {@link dev.asanaconnector.auth.Credentials}.
 *
 * <p>No type in this package reveals a token, refresh token or client secret in {@code toString},
 * an exception message or a log line.
 */
package dev.asanaconnector.auth;
