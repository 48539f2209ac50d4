package io.secondcall.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway server process on 127.0.0.1 for integration tests (Dovecot, Radicale): the check
 * that its program is installed, a free port, the process started with its output in a file of
 * its directory, the wait until the port accepts connections, its log for failure messages, and
 * the stop. What is particular to one server (its config, its users) stays with the class for it.
 */
final class LoopbackServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";

  private static final Duration STARTUP = Duration.ofSeconds(20);

  /**
   * An installed server program.
   *
   * @param name how messages name the server, e.g. {@code Dovecot}; {@code SECONDCALL_SKIP_} and
   *     its upper case name the variable that skips its tests when the program is missing
   * @param binary where the Debian package puts the program
   * @param aptPackage the Debian package that installs it
   */
  record Program(String name, Path binary, String aptPackage) {

    /**
     * Fails with a message saying how to install the program when it is missing, unless the
     * skip variable is {@code 1}: then the calling test is skipped.
     */
    void require() {
      if (Files.isExecutable(binary)) {
        return;
      }
      String skip = "SECONDCALL_SKIP_" + name.toUpperCase(Locale.ROOT);
      if ("1".equals(System.getenv(skip))) {
        Assumptions.abort(name + " tests skipped: " + skip + "=1 and " + binary + " is missing");
      }
      throw new IllegalStateException(binary + " is missing: install it with "
          + "'apt-get install -y --no-install-recommends " + aptPackage + "' "
          + "(or set " + skip + "=1 to skip the " + name + " tests)");
    }
  }

  private final String name;
  private final int port;
  private final Process process;
  private final List<Path> logs;

  private LoopbackServer(String name, int port, Process process, List<Path> logs) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.logs = logs;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * The {@code mail:} section of a secondcall config that logs in as {@code user} on an IMAP
   * server here, as YAML lines, after writing the password file {@code imap-password} (mode
   * 0600) into {@code dir}, beside the config that names it.
   */
  static List<String> imapSection(String host, int port, String user, String password, Path dir) throws IOException {
    Path file = dir.resolve("imap-password");
    Files.writeString(file, password + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return List.of(
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: " + host,
        "    port: " + port,
        "    security: none",
        "    username: " + user,
        "    password_file: imap-password");
  }

  /** Writes a config file (UTF-8) and returns its path. */
  static Path writeConfig(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Starts {@code program} with {@code arguments}, its output and errors in {@code output}, and
   * returns once it accepts connections on {@code port}. When it does not, it is stopped and the
   * exception carries its log.
   *
   * @param ownLogs log files the server writes itself, shown before its output in {@link #log()}
   */
  static LoopbackServer start(Program program, int port, List<String> arguments, Path output, List<Path> ownLogs)
      throws IOException, InterruptedException {
    return start(program, port, arguments, Map.of(), output, ownLogs);
  }

  /** Like the other start, with {@code environment} added to the process's environment. */
  static LoopbackServer start(Program program, int port, List<String> arguments, Map<String, String> environment,
      Path output, List<Path> ownLogs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(program.binary().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    List<Path> logs = new ArrayList<>(ownLogs);
    logs.add(output);
    LoopbackServer server = new LoopbackServer(program.binary().getFileName().toString(), port, process,
        List.copyOf(logs));
    try {
      server.awaitListening();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  int port() {
    return port;
  }

  /** The server's log files and output, for failure messages. */
  String log() {
    StringBuilder text = new StringBuilder();
    try {
      for (Path log : logs) {
        if (Files.exists(log)) {
          text.append(Files.readString(log));
        }
      }
      return text.toString();
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the process (politely first); a master process takes its children with it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Polls the port until it accepts connections; waits on the process between polls, so a crash
   * ends the wait at once instead of at the deadline.
   */
  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException notYet) {
        if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
          throw new IOException(name + " exited with " + process.exitValue() + ":\n" + log());
        }
      }
    }
    throw new IOException(name + " did not listen on port " + port + " within " + STARTUP + ":\n" + log());
  }
}
