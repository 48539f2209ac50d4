package io.secondcall.cli;

import static io.secondcall.cli.AuthGoogleIT.config;
import static io.secondcall.cli.AuthGoogleIT.consent;
import static io.secondcall.cli.AuthGoogleIT.consentUrl;
import static io.secondcall.cli.AuthGoogleIT.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.google.FakeGoogleOAuth;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import java.io.ByteArrayInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth google} when the consent goes wrong: one line on stderr, the right exit code, nothing saved. */
class AuthGoogleFailuresIT {

  @TempDir Path dir;
  FakeGoogleOAuth google;
  Path config;
  PipedOutputStream keyboard;
  CommandInBackground command;

  @BeforeEach
  void start() throws Exception {
    google = FakeGoogleOAuth.start(GoogleScopes.CALENDAR_EVENTS);
    config = config(dir, google, true);
  }

  @AfterEach
  void stop() throws Exception {
    if (keyboard != null) {
      keyboard.close();
    }
    google.close();
  }

  private void startPasting() throws Exception {
    keyboard = new PipedOutputStream();
    command = AuthGoogleIT.pasting(config, keyboard);
  }

  private void assertOneLineAndNothingSaved(int exit, String... said) throws Exception {
    assertThat(command.exitCode()).as(command.out() + command.err()).isEqualTo(exit);
    assertThat(command.err().strip()).startsWith("secondcall: ").contains(said).doesNotContain("\n", "Exception");
    assertThat(GoogleTokens.fileIn(dir.resolve("state"))).doesNotExist();
  }

  @Test
  void aCodeIssuedForAnotherVerifierIsRefusedByTheTokenEndpoint() throws Exception {
    startPasting();
    String url = consentUrl(command, google);
    // Someone else's consent (an attacker's challenge) yields a code this command cannot redeem.
    String foreign = url.replaceFirst("code_challenge=[^&]+", "code_challenge=" + "A".repeat(43));

    type(keyboard, consent(foreign));

    assertOneLineAndNothingSaved(ExitCodes.UNREACHABLE, "refused the authorisation code", "Invalid code verifier");
    assertThat(google.codeExchanges()).isZero();
  }

  @Test
  void aDeclinedConsentSaysSoAndExitsThree() throws Exception {
    google.declineConsent();
    startPasting();

    type(keyboard, consent(consentUrl(command, google)));

    assertOneLineAndNothingSaved(ExitCodes.UNREACHABLE, "access_denied", "secondcall auth google");
  }

  @Test
  void aPartialConsentNamesWhatIsMissingAndSavesNothing() throws Exception {
    google.grantOnly(GoogleScopes.GMAIL_READONLY, GoogleScopes.CALENDAR_EVENTS);
    startPasting();

    type(keyboard, consent(consentUrl(command, google)));

    assertOneLineAndNothingSaved(ExitCodes.UNREACHABLE, "granted only gmail.readonly, calendar.events",
        "gmail.compose, gmail.insert, gmail.labels");
  }

  @Test
  void pastingSomethingElseIsABadArgument() throws Exception {
    startPasting();
    consentUrl(command, google);

    type(keyboard, "I clicked allow, what now?");

    assertOneLineAndNothingSaved(ExitCodes.BAD_CONFIG, "neither the address the browser went to nor a code");
  }

  @Test
  void anUnreachableTokenEndpointIsExitThree() throws Exception {
    google.tokenEndpointAnswers(503);
    startPasting();

    type(keyboard, consent(consentUrl(command, google)));

    assertOneLineAndNothingSaved(ExitCodes.UNREACHABLE, "503");
  }

  @Test
  void aConfigThatUsesNoGoogleIsABadConfig() throws Exception {
    Files.writeString(config, Files.readString(config).replace("  provider: gmail", "  provider: imap\n  imap: "
        + "{host: 127.0.0.1, security: none, username: dana, password_file: imap-password}")
        .replace("  provider: google", "  provider: none"));
    command = CommandInBackground.start(new ByteArrayInputStream(new byte[0]), "auth", "google", "--config",
        config.toString());

    assertOneLineAndNothingSaved(ExitCodes.BAD_CONFIG, "mail.provider", "nothing to authorise");
  }

  @Test
  void nothingPastedIsABadArgument() throws Exception {
    command = CommandInBackground.start(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), "auth",
        "google", "--config", config.toString(), "--paste");

    assertOneLineAndNothingSaved(ExitCodes.BAD_CONFIG, "nothing was pasted");
  }
}
