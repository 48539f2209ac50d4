package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.config.ConfigException;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleSignIn;
import io.secondcall.google.GoogleTokens;
import io.secondcall.google.OAuthClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secondcall auth google}: asks the user's consent for the Gmail and Calendar access the
 * config needs, and keeps the grant under {@code state_dir} (SPEC section 8).
 */
@Command(name = "google", mixinStandardHelpOptions = true,
    description = {"Ask Google for the access the config needs (Gmail, Calendar) and keep the grant under state_dir.",
        "Prints an address to open in a browser; Google's answer comes back over a loopback redirect "
            + "(forward the port with `ssh -L` on a headless server), or pasted by hand with --paste."})
final class AuthGoogleCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Option(names = "--paste", description = "Read the address the browser went to after the consent (or the bare "
      + "code) from standard input instead of waiting for the redirect.")
  boolean paste;

  @Spec CommandSpec spec;

  private final InputStream in;

  AuthGoogleCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() {
    Config c = config.load();
    List<String> scopes = GoogleScopes.needed(c);
    if (scopes.isEmpty()) {
      throw new ConfigException(c.source(), "mail.provider",
          "neither mail.provider gmail nor calendar.provider google is set: nothing to authorise at Google");
    }
    Path tokenFile = GoogleTokens.fileIn(c.stateDir());
    PrintWriter out = spec.commandLine().getOut();
    GoogleSignIn signIn = new GoogleSignIn(client(c), c.google(), scopes, tokenFile, out, Clock.systemUTC());
    GoogleTokens granted;
    if (paste) {
      try {
        granted = signIn.byPaste(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        // What was pasted is a bad argument (exit 2), but the usage text would say nothing about it.
        Cli.report(e, spec.commandLine().getErr(), config.verbose);
        return ExitCodes.BAD_CONFIG;
      }
    } else {
      granted = signIn.overLoopback();
    }
    out.println();
    out.println("Google granted " + GoogleScopes.names(granted.scope()) + ".");
    out.println("The grant is kept in " + tokenFile + " (readable by this user only).");
    out.println("Check it with: secondcall check --config " + config.file);
    return ExitCodes.OK;
  }

  private static OAuthClient client(Config c) {
    try {
      return OAuthClient.read(c.google().credentialsFile());
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(c.source(), "google.credentials_file", "cannot use the OAuth client "
          + c.google().credentialsFile() + ": " + e.getMessage(), e);
    }
  }
}
