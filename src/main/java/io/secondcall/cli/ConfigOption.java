package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a config shares. */
final class ConfigOption {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML config file.")
  Path file;

  @Option(names = "--verbose", description = "Show stack traces and debug logs.")
  boolean verbose;

  Config load() {
    Logging.configure(verbose);
    return ConfigLoader.load(file);
  }
}
