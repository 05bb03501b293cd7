package dev.asanaconnector.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A client whose TLS is set up on its first {@code https} request rather than when it is built.
 *
 * <p>Building an {@link OkHttpClient} with TLS loads the platform's trust store and initializes JSSE:
 * about a quarter of a fresh JVM's time to its first page (BENCHMARKS.md, cold start), spent even by a
 * connector that only ever talks {@code http} to a sandbox or a local proxy. So the stack builds its
 * clients without TLS and derives the TLS form, sharing interceptors, connection pool and dispatcher,
 * on the first {@code https} request; against {@code https://app.asana.com} that is the first request.
 * The trust material is the platform default, set up once per JVM. A client supplied through
 * {@link HttpSettings.Builder#baseClient} is used as it is for both forms.
 *
 * <p>A redirect from an {@code http} URL to an {@code https} one is followed only once the TLS form
 * exists; before that OkHttp refuses it ("CLEARTEXT-only client").
 */
public final class TlsOnDemand implements Call.Factory {
  /** OkHttp's default connection specs: what the TLS form gets. */
  private static final List<ConnectionSpec> DEFAULT_SPECS = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
  static final List<ConnectionSpec> CLEARTEXT_ONLY = List.of(ConnectionSpec.CLEARTEXT);

  private final OkHttpClient cleartext;
  private volatile OkHttpClient secure;

  private TlsOnDemand(OkHttpClient cleartext, OkHttpClient secure) {
    this.cleartext = Objects.requireNonNull(cleartext, "cleartext");
    this.secure = secure;
  }

  /** {@code client} for every request: its TLS, if any, is already set up. */
  static TlsOnDemand ready(OkHttpClient client) {
    return new TlsOnDemand(client, client);
  }

  /** {@code cleartext} (built with {@link #CLEARTEXT_ONLY}) for http, and its TLS form once needed. */
  static TlsOnDemand deferred(OkHttpClient cleartext) {
    return new TlsOnDemand(cleartext, null);
  }

  @Override
  public Call newCall(Request request) {
    return (request.isHttps() ? secure() : cleartext).newCall(request);
  }

  /** The client for any URL, {@code https} included; its TLS is set up now if it was not yet. */
  public OkHttpClient secure() {
    OkHttpClient client = secure;
    if (client == null) {
      synchronized (this) {
        client = secure;
        if (client == null) {
          PlatformTls platformTls = PlatformTls.get();
          client = cleartext.newBuilder()
              .connectionSpecs(DEFAULT_SPECS)
              .sslSocketFactory(platformTls.socketFactory(), platformTls.trustManager())
              .build();
          secure = client;
        }
      }
    }
    return client;
  }

  /** The form for {@code http} requests (tests). */
  OkHttpClient cleartext() {
    return cleartext;
  }

  /** Whether the TLS form exists (tests: nothing set it up before an https request). */
  boolean tlsReady() {
    return secure != null;
  }

  /** Sets the platform's TLS up ahead of the first {@code https} request ({@link StartupWarmup}). */
  static void warmUp() {
    PlatformTls.get();
  }

  /**
   * The platform's default trust manager and socket factory, set up once per JVM, on first use. Not a
   * holder class: a failure (no trust store, say) must reach each caller as its own exception, not as a
   * class that failed to initialize.
   */
  private record PlatformTls(X509TrustManager trustManager, SSLSocketFactory socketFactory) {
    private static PlatformTls instance;

    static synchronized PlatformTls get() {
      if (instance == null) {
        X509TrustManager trustManager = loadTrustManager();
        instance = new PlatformTls(trustManager, newSocketFactory(trustManager));
      }
      return instance;
    }

    private static X509TrustManager loadTrustManager() {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
          if (manager instanceof X509TrustManager x509) {
            return x509;
          }
        }
        throw new IllegalStateException("the platform has no X509TrustManager");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the platform's trust store could not be loaded", e);
      }
    }

    private static SSLSocketFactory newSocketFactory(X509TrustManager trustManager) {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, null);
        return context.getSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the platform's TLS could not be initialized", e);
      }
    }
  }
}
