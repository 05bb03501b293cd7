package dev.asanaconnector.auth;

/**
 * Told about each new set of OAuth tokens, so the application can store them (the refresh token may
 * have been rotated). Called on the thread that renewed the tokens, before any request uses them: keep
 * it quick. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface TokenListener {
  void onTokens(OAuthTokens tokens);
}
