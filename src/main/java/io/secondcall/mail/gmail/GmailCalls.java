package io.secondcall.mail.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClientRequest;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.Sleeper;
import com.google.api.services.gmail.Gmail;
import io.secondcall.core.Backoff;
import io.secondcall.google.GoogleFailures;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Gmail API call goes through here: counted in the cycle's {@link Quota}, retried on 429,
 * 5xx and rate-limit 403s with exponential backoff and jitter (or as long as Retry-After says),
 * and mapped to {@link ServerAccessException} when it fails for good. A write that creates
 * something (a draft, the digest) is retried only when Gmail refused it unseen (429, rate
 * limits): after a 5xx it may have landed, and the engine's next cycle looks before it writes
 * again, as after a crash. Many reads go out as
 * batches of at most 50 calls; the parts that fail transiently are sent again in a later batch.
 * A 401 renews the access token once: the credential of {@code GoogleConnection} does that,
 * for single calls and batch parts alike.
 */
final class GmailCalls {

  private static final Logger log = LoggerFactory.getLogger(GmailCalls.class);

  /** Google's advice for Gmail batches: more than 50 calls in one gets rate-limited. */
  static final int BATCH_SIZE = 50;
  static final int ATTEMPTS = 5;
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofSeconds(32);
  /** A longer Retry-After is left to the daemon's own backoff rather than held inside a cycle. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

  private final Gmail client;
  private final String label;
  private final GoogleFailures failures;
  private final Quota quota = new Quota();
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final GenericUrl batchUrl;
  private boolean reached;

  /**
   * @param label the account, as log lines start with it
   * @param sleeper waits between attempts; tests pass one that only records
   * @param random the jitter of the backoff, values in [0, 1)
   */
  GmailCalls(Gmail client, String label, GoogleFailures failures, Sleeper sleeper, DoubleSupplier random) {
    this.client = Objects.requireNonNull(client, "client");
    this.label = Objects.requireNonNull(label, "label");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    // The client's own batch path ("batch") is Google's retired global endpoint on www.googleapis.com.
    this.batchUrl = new GenericUrl(client.getRootUrl() + "batch/gmail/v1");
  }

  /** One call, built on the user's resource ({@code users -> users.labels().list("me")}). */
  interface Request<T> {
    AbstractGoogleJsonClientRequest<T> on(Gmail.Users users) throws IOException;
  }

  /** One call of a batch, for one key. */
  interface Keyed<K, T> {
    AbstractGoogleJsonClientRequest<T> on(Gmail.Users users, K key) throws IOException;
  }

  Quota quota() {
    return quota;
  }

  /** One call; a 404 fails it like any other permanent error. */
  <T> T call(Method method, Request<T> request) {
    return execute(method, request, false);
  }

  /** One call whose 404 means "not there": empty then. */
  <T> Optional<T> find(Method method, Request<T> request) {
    return Optional.ofNullable(execute(method, request, true));
  }

  private <T> T execute(Method method, Request<T> request, boolean notFoundIsEmpty) {
    Backoff backoff = new Backoff(FIRST_WAIT, MAX_WAIT, random);
    for (int attempt = 1; ; attempt++) {
      quota.spend(method);
      try {
        T result = request.on(client.users()).execute();
        reached();
        return result;
      } catch (HttpResponseException e) {
        if (notFoundIsEmpty && e.getStatusCode() == 404) {
          reached();
          return null;
        }
        pauseOrFail(method, e, attempt, backoff);
      } catch (IOException e) {
        throw failures.of("Gmail " + method.apiName, e);
      }
    }
  }

  /**
   * Many calls of one method, in batches; the results by key. Calls answered 404 (a message
   * deleted meanwhile) are absent from the result.
   */
  <K, T> Map<K, T> batch(Method method, Collection<K> keys, Keyed<K, T> request) {
    Map<K, T> done = new LinkedHashMap<>();
    List<K> all = new ArrayList<>(new LinkedHashSet<>(keys));
    for (int from = 0; from < all.size(); from += BATCH_SIZE) {
      List<K> chunk = all.subList(from, Math.min(all.size(), from + BATCH_SIZE));
      if (chunk.size() == 1) {
        K key = chunk.get(0);
        find(method, users -> request.on(users, key)).ifPresent(result -> done.put(key, result));
      } else {
        runBatch(method, chunk, request, done);
      }
    }
    return done;
  }

  private <K, T> void runBatch(Method method, List<K> chunk, Keyed<K, T> request, Map<K, T> done) {
    Backoff backoff = new Backoff(FIRST_WAIT, MAX_WAIT, random);
    List<K> pending = new ArrayList<>(chunk);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      Map<K, HttpResponseException> failed = new LinkedHashMap<>();
      try {
        // With the connection's initializer: its timeouts, its single retry after a token renewal.
        BatchRequest batch = client.batch(client.getRequestFactory().getInitializer()).setBatchUrl(batchUrl);
        for (K key : pending) {
          quota.spend(method);
          request.on(client.users(), key).queue(batch, callback(key, done, failed));
        }
        batch.execute();
        reached();
      } catch (HttpResponseException e) {
        pauseOrFail(method, e, attempt, backoff);
        continue;
      } catch (IOException e) {
        throw failures.of("Gmail " + method.apiName + " (batch)", e);
      }
      failed.values().removeIf(e -> e.getStatusCode() == 404);
      pending = new ArrayList<>(failed.keySet());
      if (!pending.isEmpty()) {
        // One wait for the whole batch: the longest any part asked for.
        HttpResponseException worst = failed.values().stream()
            .max((a, b) -> retryAfter(a).orElse(Duration.ZERO).compareTo(retryAfter(b).orElse(Duration.ZERO)))
            .orElseThrow();
        pauseOrFail(method, worst, attempt, backoff);
      }
    }
  }

  private <K, T> JsonBatchCallback<T> callback(K key, Map<K, T> done, Map<K, HttpResponseException> failed) {
    return new JsonBatchCallback<>() {
      @Override
      public void onSuccess(T result, HttpHeaders headers) {
        done.put(key, result);
      }

      @Override
      public void onFailure(GoogleJsonError error, HttpHeaders headers) {
        failed.put(key, new GoogleJsonResponseException(
            new HttpResponseException.Builder(error.getCode(), error.getMessage(), headers), error));
      }
    };
  }

  /** Waits before the next attempt when one may help, else throws the failure. */
  private void pauseOrFail(Method method, HttpResponseException e, int attempt, Backoff backoff) {
    String action = "Gmail " + method.apiName;
    Optional<Duration> asked = retryAfter(e);
    boolean mayHaveLanded = e.getStatusCode() >= 500 && !method.idempotent;
    boolean retry = GoogleFailures.isTransient(e.getStatusCode(), GoogleFailures.reasons(e)) && attempt < ATTEMPTS
        && !mayHaveLanded && asked.map(d -> d.compareTo(LONGEST_RETRY_AFTER) <= 0).orElse(true);
    if (!retry) {
      throw failures.of(action, e);
    }
    Duration wait = asked.orElseGet(backoff::next);
    log.debug("{} {} answered HTTP {}; attempt {} in {} ms", label, action, e.getStatusCode(), attempt + 1,
        wait.toMillis());
    try {
      sleeper.sleep(wait.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failures.of(action + " (interrupted while waiting to retry)", e);
    }
  }

  private static Optional<Duration> retryAfter(HttpResponseException e) {
    return RetryAfter.parse(e.getHeaders() == null ? null : e.getHeaders().getFirstHeaderStringValue("Retry-After"));
  }

  /** The first answer of the process: the token was taken. A debug line tests can wait for. */
  private void reached() {
    if (!reached) {
      reached = true;
      log.debug("{} signed in to Gmail", label);
    }
  }
}
