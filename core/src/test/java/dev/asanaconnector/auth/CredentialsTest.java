package dev.asanaconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static OAuth2Credentials.Builder complete() {
    return OAuth2Credentials.builder().clientId("1201").clientSecret("cs-SECRET").refreshToken("rt-SECRET");
  }

  @Test
  void oauthBuilderNamesTheMissingOrBlankField() {
    assertField("clientId", b -> b.clientId(null));
    assertField("clientId", b -> b.clientId("  "));
    assertField("clientSecret", b -> b.clientSecret(""));
    assertField("refreshToken", b -> b.refreshToken(null));
    assertField("accessToken", b -> b.accessToken(" \t"));
    assertField("tokenEndpoint", b -> b.tokenEndpoint("http://auth.example.com/token"));
    assertField("tokenEndpoint", b -> b.tokenEndpoint("not a url"));
  }

  private static void assertField(String field, UnaryOperator<OAuth2Credentials.Builder> change) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> change.apply(complete()).build());
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }

  @Test
  void oauthDefaultsToAsanasTokenEndpointAndAllowsLoopback() {
    assertEquals("https://app.asana.com/-/oauth_token", complete().build().tokenEndpoint().toString());
    assertEquals("http://127.0.0.1:8080/token",
        complete().tokenEndpoint("http://127.0.0.1:8080/token").build().tokenEndpoint().toString());
  }

  @Test
  void toStringRedactsEverySecret() {
    OAuth2Credentials oauth = complete().accessToken("at-SECRET", Instant.now()).build();
    for (Object value : new Object[] {oauth, Credentials.oauth2(oauth), Credentials.personalAccessToken("pat-SECRET"),
        new OAuthTokens("at-SECRET", Instant.now(), "rt-SECRET"), Credentials.tokenSupplier(() -> "at-SECRET")}) {
      String text = value.toString();
      assertFalse(text.contains("SECRET"), text);
    }
    assertEquals("OAuth2Credentials{clientId=1201, clientSecret=<redacted>, refreshToken=<redacted>, "
        + "accessToken=<redacted>, tokenEndpoint=https://app.asana.com/-/oauth_token}", oauth.toString());
    assertEquals("Credentials.personalAccessToken(<redacted>)",
        Credentials.personalAccessToken("pat-SECRET").toString());
  }

  @Test
  void personalAccessTokenMustNotBeBlank() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.personalAccessToken(" "));
    assertTrue(e.getMessage().startsWith("token "), e.getMessage());
  }
}
