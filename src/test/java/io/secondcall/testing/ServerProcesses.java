package io.secondcall.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the throwaway test servers (Dovecot, Radicale) share: a free loopback port, start-up, stop. */
final class ServerProcesses {

  private ServerProcesses() {}

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Polls the port until it accepts connections; waits on the process between polls, so a crash
   * ends the wait at once instead of at the deadline.
   */
  static void awaitListening(String name, Process process, int port, Duration startup, Supplier<String> log)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(startup);
    while (Instant.now().isBefore(deadline)) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException notYet) {
        if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
          throw new IOException(name + " exited with " + process.exitValue() + ":\n" + log.get());
        }
      }
    }
    throw new IOException(name + " did not listen on port " + port + " within " + startup + ":\n" + log.get());
  }

  /** Stops the process (politely first); a master process takes its children with it. */
  static void stop(Process process) {
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
}
