package io.secondcall.calendar.caldav;

import io.secondcall.port.ServerAccessException;
import io.secondcall.tls.CertificatePin;
import io.secondcall.tls.ServerTrust;
import io.secondcall.tls.UntrustedCertificateException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebDAV requests with Basic authentication and a bounded wait, failures turned into
 * {@link ServerAccessException}: no connection, no answer in time and 5xx are transient;
 * 401 and 403 mean the login was refused, which a retry will not fix.
 */
final class DavClient {

  /** A response the caller has to judge: anything but 401, 403 and 5xx. */
  record Response(int status, byte[] body) {}

  /** The first element that is neither the XML declaration nor a comment: the root, without its prefix. */
  private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");

  /** Where the user configures this server: the certificate error names the key to set. */
  private static final String CONFIG_SECTION = "calendar.caldav";

  private final Map<String, Integer> requests = new ConcurrentHashMap<>();
  private final URI collection;
  private final HttpClient http;
  private final String host;
  private final int port;
  private final String username;
  private final String authorization;
  private final Duration timeout;

  DavClient(URI collection, String username, String password, Duration timeout, CertificatePin tlsFingerprint) {
    this.collection = collection;
    this.host = collection.getHost();
    this.port = port(collection);
    this.username = username;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    // HTTP/1.1 because the JDK would otherwise offer an h2c upgrade that small DAV servers mishandle.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        // The JDK trust store, or only the pinned certificate; either way a refusal names the fingerprint.
        .sslContext(ServerTrust.sslContext(tlsFingerprint))
        .build();
  }

  /** How many requests of each kind were sent so far, e.g. {@code "REPORT sync-collection depth 0" -> 2}. */
  Map<String, Integer> requestCounts() {
    return Map.copyOf(requests);
  }

  /** Method, the request body's root element and the Depth header: enough to tell the DAV requests apart. */
  private static String requestKind(String method, String body, Map<String, String> headers) {
    StringBuilder kind = new StringBuilder(method);
    Matcher root = body == null ? null : ROOT.matcher(body);
    if (root != null && root.find()) {
      kind.append(' ').append(root.group(1));
    }
    String depth = headers.get("Depth");
    if (depth != null) {
      kind.append(" depth ").append(depth);
    }
    return kind.toString();
  }

  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  String where() {
    return "caldav " + host + ":" + port;
  }

  /** Sends one request and waits for the whole response, at most twice the timeout. */
  Response send(String method, URI uri, String body, Map<String, String> headers) {
    return send(method, uri, body, headers, Set.of());
  }

  /**
   * Like {@link #send(String, URI, String, Map)}, but returns the statuses in {@code ownStatuses}
   * to the caller instead of throwing, for requests where e.g. 403 or 501 says "not supported here".
   */
  Response send(String method, URI uri, String body, Map<String, String> headers, Set<Integer> ownStatuses) {
    requests.merge(requestKind(method, body, headers), 1, Integer::sum);
    HttpRequest.Builder request = request(method, uri, body, headers).header("Authorization", authorization);
    HttpResponse<byte[]> response = exchange(method, uri, request.build());
    int status = response.statusCode();
    if (ownStatuses.contains(status)) {
      return new Response(status, response.body());
    }
    if (status == 401 || status == 403) {
      throw new ServerAccessException(where() + ": login refused for " + username, host, port, false, null);
    }
    if (status / 100 == 5 || status == 429) {
      throw failure(method, uri, "answered " + status, true, null);
    }
    return new Response(status, response.body());
  }

  /**
   * Sends without the login and returns whatever the server answers: for telling whether the
   * server checks passwords at all (a server that answers without one accepts any).
   */
  Response sendWithoutLogin(String method, URI uri, String body, Map<String, String> headers) {
    HttpResponse<byte[]> response = exchange(method, uri, request(method, uri, body, headers).build());
    return new Response(response.statusCode(), response.body());
  }

  private HttpRequest.Builder request(String method, URI uri, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", "secondcall")
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return request;
  }

  /** A status the caller did not expect, e.g. 404 for a collection URL that names nothing. */
  ServerAccessException unexpected(String method, URI uri, Response response) {
    if (response.status() == 404 && uri.equals(collection)) {
      // The usual first-run mistake: the URL of the account or of a calendar not made yet.
      return failure(method, uri, "answered 404: there is no calendar at " + collection
          + "; create it in your calendar app (or: curl -u " + username + " -X MKCALENDAR " + collection
          + ") or set calendar.caldav.url to the URL of an existing calendar", false, null);
    }
    return failure(method, uri, "answered " + response.status(), false, null);
  }

  /** An answer that cannot be read; the server may do better next time. */
  ServerAccessException unreadable(String method, URI uri, Exception cause) {
    return failure(method, uri, "unreadable answer: " + ServerAccessException.reason(cause), true, cause);
  }

  /**
   * A server may close a kept-alive connection just as the client reuses it (Radicale does); the
   * request then fails before the server saw it, so it is sent once more on a fresh connection.
   */
  private HttpResponse<byte[]> exchange(String method, URI uri, HttpRequest request) {
    try {
      return exchangeOnce(method, uri, request);
    } catch (ServerAccessException e) {
      if (!staleConnection(e.getCause())) {
        throw e;
      }
      return exchangeOnce(method, uri, request);
    }
  }

  private static boolean staleConnection(Throwable cause) {
    if (!(cause instanceof IOException) || cause instanceof ConnectException
        || cause instanceof HttpTimeoutException) {
      return false;
    }
    String message = String.valueOf(cause.getMessage());
    return message.contains("EOF reached") || message.contains("received no bytes")
        || message.contains("Connection reset");
  }

  private HttpResponse<byte[]> exchangeOnce(String method, URI uri, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      // The request timeout covers the wait for the headers; this bound covers a stalled body too.
      return future.get(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(method, uri, "interrupted", true, e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw failure(method, uri, "no answer within " + seconds(), true, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        throw failure(null, uri, "cannot connect: timed out after " + seconds(), true, cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw failure(method, uri, "no answer within " + seconds(), true, cause);
      }
      if (cause instanceof ConnectException) {
        throw failure(null, uri, "cannot connect: " + connectReason(cause), true, cause);
      }
      UntrustedCertificateException untrusted = UntrustedCertificateException.in(cause);
      if (untrusted != null) {
        // Not transient: the certificate will not change by itself; the user has to decide.
        throw new ServerAccessException(untrusted.explain(CONFIG_SECTION, host), host, port, false, cause);
      }
      if (cause instanceof IOException) {
        throw failure(method, uri, ServerAccessException.reason(cause), true, cause);
      }
      throw new IllegalStateException(where() + ": " + method + " " + uri.getRawPath() + " failed", cause);
    }
  }

  private ServerAccessException failure(String method, URI uri, String what, boolean transientFailure, Throwable e) {
    String action = method == null ? "" : method + " " + uri.getRawPath() + " ";
    return new ServerAccessException(where() + ": " + action + what, host, port, transientFailure, e);
  }

  private String seconds() {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }

  /**
   * The JDK client reports connection failures as a ConnectException without a message around
   * a channel exception whose class name would only confuse a reader.
   */
  private static String connectReason(Throwable e) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return ServerAccessException.reason(e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnresolvedAddressException) {
      return "unknown host";
    }
    if (cause == null || cause instanceof ClosedChannelException) {
      return "connection refused";
    }
    return ServerAccessException.reason(cause);
  }
}
