package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.google.FakeGoogleOAuth;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secondcall auth google} with the real google-oauth-client against a local fake of
 * Google's OAuth endpoints; the test plays the user's browser.
 */
class AuthGoogleIT {

  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern SSH = Pattern.compile("ssh -L (\\d+):127\\.0\\.0\\.1:(\\d+) \\S+@\\S+");

  @TempDir Path dir;
  FakeGoogleOAuth google;
  CommandInBackground command;

  @BeforeEach
  void start() throws Exception {
    google = FakeGoogleOAuth.start(GoogleScopes.CALENDAR_EVENTS);
  }

  @AfterEach
  void stop() throws Exception {
    if (command != null && command.isRunning()) {
      // A test that failed half-way: give the waiting command its answer so that it ends.
      Matcher ssh = SSH.matcher(command.out());
      if (ssh.find()) {
        visit("http://127.0.0.1:" + ssh.group(1) + "/callback?error=test_ended");
      }
    }
    google.close();
  }

  /** A config whose calendar (and, with {@code gmail}, mail) is at the fake Google. */
  static Path config(Path dir, FakeGoogleOAuth google, boolean gmail) throws Exception {
    FakeGoogleOAuth.writeClientFile(dir.resolve("google-client.json"));
    Path password = Files.writeString(dir.resolve("imap-password"), "secret\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    List<String> lines = new ArrayList<>(List.of(
        "me:", "  name: Dana Weber", "  addresses: [dana@northwind.example]", "  timezone: Europe/Berlin"));
    lines.addAll(gmail
        ? List.of("mail:", "  provider: gmail")
        : List.of("mail:", "  imap:", "    host: 127.0.0.1", "    security: none", "    username: dana",
            "    password_file: imap-password"));
    lines.addAll(List.of("calendar:", "  provider: google",
        "google:", "  credentials_file: google-client.json",
        "  endpoints:", "    auth: " + google.authEndpoint(), "    token: " + google.tokenEndpoint(),
        "    api: http://127.0.0.1:" + google.port() + "/",
        "state_dir: state", ""));
    return Files.writeString(dir.resolve("config.yaml"), String.join("\n", lines));
  }

  /** The consent URL the command printed (indented, on a line of its own). */
  static String consentUrl(CommandInBackground command, FakeGoogleOAuth google) throws InterruptedException {
    return command.awaitLine(l -> l.startsWith("  " + google.authEndpoint() + "?")).strip();
  }

  /** What a browser does with the consent URL: Google's consent page answers with a redirect. */
  static String consent(String url) throws Exception {
    HttpResponse<String> answer = visit(url);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElseThrow();
  }

  static HttpResponse<String> visit(String url) throws Exception {
    return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void theBrowserComesBackOverTheLoopbackRedirectAndTheGrantIsKeptOwnerOnly() throws Exception {
    Path config = config(dir, google, false);
    Path tokenFile = GoogleTokens.fileIn(dir.resolve("state"));
    new GoogleTokens("ya29.old", "1//old-grant", null, GoogleScopes.CALENDAR_EVENTS).write(tokenFile);
    command = CommandInBackground.start(InputStream.nullInputStream(), "auth", "google", "--config", config.toString());

    String url = consentUrl(command, google);
    Matcher ssh = SSH.matcher(command.awaitLine(l -> l.contains("ssh -L")));
    assertThat(ssh.find()).isTrue();
    String port = ssh.group(1);
    assertThat(ssh.group(2)).isEqualTo(port);
    String redirect = consent(url);
    assertThat(redirect).startsWith("http://127.0.0.1:" + port + "/callback?code=");
    HttpResponse<String> page = visit(redirect);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("secondcall has Google's answer");
    assertThat(command.exitCode()).as(command.out() + command.err()).isZero();
    assertThat(google.lastConsentRequest()).containsEntry("access_type", "offline").containsEntry("prompt", "consent")
        .containsEntry("code_challenge_method", "S256").containsEntry("scope", GoogleScopes.CALENDAR_EVENTS)
        .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/callback")
        .containsEntry("client_id", FakeGoogleOAuth.CLIENT_ID);
    assertThat(google.codeExchanges()).as("the code was redeemed with the matching PKCE verifier").isEqualTo(1);
    GoogleTokens saved = GoogleTokens.read(tokenFile);
    assertThat(saved.refreshToken()).isNotEqualTo("1//old-grant").isIn(google.validRefreshTokens());
    assertThat(saved.scope()).isEqualTo(GoogleScopes.CALENDAR_EVENTS);
    assertThat(mode(tokenFile)).isEqualTo("rw-------");
    assertThat(mode(tokenFile.getParent())).isEqualTo("rwx------");
    assertThat(command.out()).contains("Google granted calendar.events", tokenFile.toString())
        .doesNotContain(saved.refreshToken(), saved.accessToken());
    assertThat(command.err()).isEmpty();
  }

  @Test
  void withPasteTheRedirectedAddressIsReadFromStandardInput() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    command = pasting(config(dir, google, true), keyboard);

    String redirect = consent(consentUrl(command, google));
    assertThat(redirect).startsWith("http://127.0.0.1:8399/callback?code=");
    command.awaitLine(l -> l.contains("paste it here"));
    type(keyboard, redirect);

    assertThat(command.exitCode()).as(command.out() + command.err()).isZero();
    List<String> all = List.of(GoogleScopes.GMAIL_READONLY, GoogleScopes.GMAIL_COMPOSE, GoogleScopes.GMAIL_INSERT,
        GoogleScopes.GMAIL_LABELS, GoogleScopes.CALENDAR_EVENTS);
    assertThat(google.lastConsentRequest().get("scope").split(" ")).containsExactlyElementsOf(all);
    GoogleTokens saved = GoogleTokens.read(GoogleTokens.fileIn(dir.resolve("state")));
    assertThat(GoogleScopes.missing(saved.scope(), all)).isEmpty();
    assertThat(command.out()).doesNotContain("ssh -L");
  }

  @Test
  void withPasteTheBareCodeAsCopiedFromTheAddressBarIsEnough() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    command = pasting(config(dir, google, false), keyboard);

    String redirect = consent(consentUrl(command, google));
    Matcher code = Pattern.compile("code=([^&]+)").matcher(redirect);
    assertThat(code.find()).isTrue();
    assertThat(code.group(1)).as("still percent-encoded").contains("%2F");
    type(keyboard, code.group(1));

    assertThat(command.exitCode()).as(command.out() + command.err()).isZero();
    assertThat(google.codeExchanges()).isEqualTo(1);
  }

  @Test
  void helpNeedsNoConfig() {
    CliIT.Result result = CliIT.run("auth", "google", "--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("--paste", "--config");
  }

  /** {@code auth google --paste}, reading what the test types on {@code keyboard}. */
  static CommandInBackground pasting(Path config, PipedOutputStream keyboard) throws Exception {
    return CommandInBackground.start(new PipedInputStream(keyboard), "auth", "google", "--config", config.toString(),
        "--paste");
  }

  static void type(OutputStream keyboard, String line) throws Exception {
    keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }
}
