package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a config shares. */
final class ConfigOption {

  /** Where the Debian package puts the config: an installed secondcall needs no option. */
  static final String DEFAULT_FILE = "/etc/secondcall/config.yaml";

  @Option(names = "--config", paramLabel = "FILE", defaultValue = DEFAULT_FILE,
      description = "The config file (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--verbose", description = "Show stack traces and debug logs.")
  boolean verbose;

  Config load() {
    Logging.configure(verbose);
    return ConfigLoader.load(file);
  }
}
