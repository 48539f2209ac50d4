package io.secondcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.config.Secret;
import io.secondcall.config.WebSettings;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.WorkingHours;
import io.secondcall.engine.EngineSettings;
import io.secondcall.engine.PipelineView;
import io.secondcall.store.InMemoryStateStore;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules of the page, without a socket: escaping, hosts, passwords, CSRF, actions. */
class SiteTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  static final String HOSTILE_NAME = "<script>alert(1)</script> \"onmouseover=alert(2) \u202Eevil";
  static final String HOSTILE_SUBJECT = "Offer\r\nX-Injected: 1 <img src=x onerror=alert(3)> 'quoted'";

  final InMemoryStateStore store = new InMemoryStateStore();
  final Clock clock = Clock.fixed(NOW, ZONE);

  SiteTest() {
    store.save(new Conversation("c1", List.of(new EmailAddress("eve@evil.example", HOSTILE_NAME)), HOSTILE_SUBJECT,
        "<m1@northwind.example>", null, NOW.minusSeconds(86_400), NOW.minusSeconds(86_400), "<m1@northwind.example>",
        List.of(), "Hi", 1, 0, 0, null, Conversation.Status.ACTIVE, null, null));
  }

  Site site(WebSettings web) {
    return site(web, false);
  }

  Site site(WebSettings web, boolean gmail) {
    EngineSettings settings = new EngineSettings(
        new Identity("Dana Weber", Set.of("dana@northwind.example"), Set.of(), Set.of(), Set.of()),
        new EmailAddress("dana@northwind.example", "Dana Weber"), FollowUpRules.defaults(),
        new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false), "Dana", Map.of());
    return new Site(new Gate(web, new SecureRandom(), clock), store, store, new PipelineView(store, settings, clock), ZONE,
        clock, gmail, null);
  }

  static Request get(String pathAndQuery, Map<String, String> headers) {
    String[] parts = pathAndQuery.split("\\?", 2);
    return request("GET", parts[0], Request.parseForm(parts.length == 2 ? parts[1] : ""), headers, LOOPBACK);
  }

  static Request request(String method, String path, Map<String, String> form, Map<String, String> headers,
      InetAddress peer) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new Request(method, path, form, h, peer);
  }

  @Test
  void everyValueFromMailIsEscapedAndBidiOverridesAreGone() {
    String page = site(WebSettings.DEFAULTS).handle(get("/", Map.of("Host", "127.0.0.1:8377"))).text();

    assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
        .doesNotContain("\"onmouseover").doesNotContain("\u202E").doesNotContain("\r")
        .doesNotContain("'quoted'")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2) evil")
        .contains("&lt;img src=x onerror=alert(3)&gt; &#39;quoted&#39;");
  }

  @Test
  void theThreadOpensInTheMailAppByMessageIdOrInGmailByThread() {
    assertThat(site(WebSettings.DEFAULTS).handle(get("/", Map.of("Host", "127.0.0.1:8377"))).text())
        .contains("href=\"message:%3Cm1@northwind.example%3E\"");

    Conversation c = store.conversation("c1").orElseThrow();
    store.save(new Conversation(c.id(), c.contacts(), c.subject(), c.rootMessageId(), "18c2f0a1b2c3d4e5",
        c.startedAt(), c.lastTouchAt(), c.lastMessageId(), c.lastReferences(), c.lastText(), c.touches(),
        c.stepsDone(), c.firstStepDays(), c.pausedUntil(), c.status(), c.endReason(), c.endedAt(), c.me(),
        c.version()));
    assertThat(site(WebSettings.DEFAULTS, true).handle(get("/", Map.of("Host", "127.0.0.1:8377"))).text())
        .contains("href=\"https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5\"");
  }

  @Test
  void onLoopbackOnlyALoopbackHostNameIsServed() {
    Site site = site(WebSettings.DEFAULTS);

    assertThat(site.handle(get("/", Map.of("Host", "localhost:8377"))).status()).isEqualTo(200);
    assertThat(site.handle(get("/", Map.of("Host", "[::1]:8377"))).status()).isEqualTo(200);
    // A site that rebinds its name to 127.0.0.1 must not read the page.
    assertThat(site.handle(get("/", Map.of("Host", "attacker.example:8377"))).status()).isEqualTo(403);
    assertThat(site.handle(get("/", Map.of())).status()).isEqualTo(403);
  }

  @Test
  void anActionNeedsTheSessionTokenAndTheSameOrigin() {
    Site site = site(WebSettings.DEFAULTS);
    Response page = site.handle(get("/", Map.of("Host", "127.0.0.1:8377")));
    String cookie = page.headers().get("Set-Cookie");
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
    String session = cookie.substring(0, cookie.indexOf(';'));
    String token = csrf(page.text());
    Map<String, String> sameOrigin = Map.of("Host", "127.0.0.1:8377", "Origin", "http://127.0.0.1:8377",
        "Cookie", session);

    assertThat(site.handle(post("/stop", Map.of("id", "c1", "csrf", token),
        Map.of("Host", "127.0.0.1:8377", "Cookie", session))).status()).as("no Origin").isEqualTo(403);
    assertThat(site.handle(post("/stop", Map.of("id", "c1", "csrf", token),
        Map.of("Host", "127.0.0.1:8377", "Origin", "http://evil.example", "Cookie", session))).status())
        .as("other origin").isEqualTo(403);
    assertThat(site.handle(post("/stop", Map.of("id", "c1", "csrf", "forged"), sameOrigin)).status())
        .as("wrong token").isEqualTo(403);
    assertThat(site.handle(post("/stop", Map.of("id", "c1", "csrf", token),
        Map.of("Host", "127.0.0.1:8377", "Origin", "http://127.0.0.1:8377"))).status()).as("no cookie").isEqualTo(403);
    assertThat(store.conversation("c1").orElseThrow().status()).isEqualTo(Conversation.Status.ACTIVE);

    Response stopped = site.handle(post("/stop", Map.of("id", "c1", "csrf", token), sameOrigin));
    assertThat(stopped.status()).isEqualTo(303);
    assertThat(stopped.headers().get("Location")).isEqualTo("/#c-c1");
    assertThat(store.conversation("c1").orElseThrow().status()).isEqualTo(Conversation.Status.STOPPED);
    assertThat(site.handle(get("/?show=ended", Map.of("Host", "127.0.0.1:8377", "Cookie", session))).text())
        .contains("stopped by you");

    site.handle(post("/resume", Map.of("id", "c1", "csrf", token), sameOrigin));
    assertThat(store.conversation("c1").orElseThrow().status()).isEqualTo(Conversation.Status.ACTIVE);

    site.handle(post("/snooze", Map.of("id", "c1", "csrf", token, "until", "2026-12-14"), sameOrigin));
    assertThat(store.conversation("c1").orElseThrow().pausedUntil()).isEqualTo(LocalDate.of(2026, 12, 13));
    assertThat(site.handle(get("/", Map.of("Host", "127.0.0.1:8377"))).text()).contains("snoozed until Mon 14 Dec 2026");
    assertThat(site.handle(post("/snooze", Map.of("id", "c1", "csrf", token, "until", "soon"), sameOrigin)).status())
        .isEqualTo(400);
  }

  @Test
  void offLoopbackOnlyHttpsThroughALocalProxyWithThePassword() throws Exception {
    Site site = site(new WebSettings("0.0.0.0", 8377, Secret.of("test", "s3cret")));
    String basic = "Basic " + Base64.getEncoder().encodeToString("any:s3cret".getBytes(StandardCharsets.UTF_8));
    String wrong = "Basic " + Base64.getEncoder().encodeToString("any:guess".getBytes(StandardCharsets.UTF_8));
    InetAddress remote = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 20});

    assertThat(site.handle(request("GET", "/", Map.of(), Map.of("Host", "box:8377", "Authorization", basic), LOOPBACK))
        .status()).as("plain HTTP").isEqualTo(403);
    assertThat(site.handle(request("GET", "/", Map.of(), Map.of("Host", "box", "X-Forwarded-Proto", "https",
        "Authorization", basic), remote)).status()).as("forged header from another machine").isEqualTo(403);
    Response noPassword = site.handle(request("GET", "/", Map.of(), Map.of("Host", "box",
        "X-Forwarded-Proto", "https"), LOOPBACK));
    assertThat(noPassword.status()).isEqualTo(401);
    assertThat(noPassword.headers().get("WWW-Authenticate")).startsWith("Basic realm=\"secondcall\"");
    assertThat(site.handle(request("GET", "/", Map.of(), Map.of("Host", "box", "X-Forwarded-Proto", "https",
        "Authorization", wrong), LOOPBACK)).status()).isEqualTo(401);
    Response page = site.handle(request("GET", "/", Map.of(), Map.of("Host", "box", "X-Forwarded-Proto", "https",
        "Authorization", basic), LOOPBACK));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().get("Set-Cookie")).contains("; Secure");
    assertThat(page.text()).doesNotContain("s3cret").doesNotContain("Basic ");
  }

  @Test
  void throughAProxyOnLoopbackThePasswordIsNeeded() {
    Map<String, String> proxied = Map.of("Host", "secondcall.example.com", "X-Forwarded-Proto", "https");

    assertThat(site(WebSettings.DEFAULTS).handle(get("/", proxied)).status()).isEqualTo(403);
    assertThat(site(new WebSettings("127.0.0.1", 8377, Secret.of("test", "s3cret"))).handle(get("/", proxied))
        .status()).isEqualTo(401);
  }

  @Test
  void afterTwentyWrongPasswordsNobodyGetsInForTenMinutes() {
    Site site = site(new WebSettings("127.0.0.1", 8377, Secret.of("test", "s3cret")));
    Map<String, String> wrong = Map.of("Host", "127.0.0.1:8377", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString("any:guess".getBytes(StandardCharsets.UTF_8)));
    Map<String, String> right = Map.of("Host", "127.0.0.1:8377", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString("any:s3cret".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < Guesses.MAX; i++) {
      assertThat(site.handle(get("/", wrong)).status()).isEqualTo(401);
    }

    assertThat(site.handle(get("/", right)).status()).isEqualTo(429);
  }

  @Test
  void wrongPasswordsAreForgottenAfterTheWindow() {
    Guesses guesses = new Guesses();
    for (int i = 0; i < Guesses.MAX; i++) {
      guesses.wrong(NOW.plusSeconds(i));
    }

    assertThat(guesses.tooMany(NOW.plusSeconds(60))).isTrue();
    assertThat(guesses.tooMany(NOW.plus(Guesses.WINDOW).plusSeconds(Guesses.MAX))).isFalse();
  }

  @Test
  void theReportHasAChartAndTheNumbersBehindIt() {
    Site site = site(WebSettings.DEFAULTS);

    Response report = site.handle(get("/report", Map.of("Host", "127.0.0.1:8377")));
    Response csv = site.handle(get("/report/by-touch.csv", Map.of("Host", "127.0.0.1:8377")));

    assertThat(report.text()).contains("<svg").contains("href=\"/report/by-touch.csv\"");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text()).startsWith("touch,sent,answered,answer_rate_percent\r\n");
    assertThat(site.handle(get("/report/secrets.csv", Map.of("Host", "127.0.0.1:8377"))).status()).isEqualTo(404);
  }

  static Request post(String path, Map<String, String> form, Map<String, String> headers) {
    return request("POST", path, form, headers, LOOPBACK);
  }

  static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
