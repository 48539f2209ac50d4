package io.secondcall.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback proxy in front of an IMAP server that tells a test which commands the client sent
 * ({@code IDLE}, {@code DONE}, {@code EXAMINE} ...) and can hold the first command of a kind
 * until the test releases it: a way to catch a client in a given state, or in the middle of a
 * cycle, without timing guesses. Plain text only (the test servers run without TLS).
 */
public final class ImapTap implements AutoCloseable {

  /** The longest a held command waits for {@link #release()}: a safety net for a failed test. */
  private static final Duration MAX_HOLD = Duration.ofSeconds(60);

  private final ServerSocket listener;
  private final int target;
  private final String holdCommand;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final Set<String> seen = new HashSet<>();
  /** Every command line a client sent, without its tag, in order. */
  private final List<String> lines = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private boolean holding;

  private ImapTap(ServerSocket listener, int target, String holdCommand) {
    this.listener = listener;
    this.target = target;
    this.holdCommand = holdCommand == null ? null : holdCommand.toUpperCase(Locale.ROOT);
  }

  /** A tap in front of {@code 127.0.0.1:targetPort} that holds nothing. */
  public static ImapTap start(int targetPort) throws IOException {
    return start(targetPort, null);
  }

  /** A tap that holds the first command named {@code holdCommand} (e.g. EXAMINE) until {@link #release()}. */
  public static ImapTap start(int targetPort, String holdCommand) throws IOException {
    ImapTap tap = new ImapTap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort, holdCommand);
    Thread accept = new Thread(tap::accept, "imap-tap-accept");
    accept.setDaemon(true);
    accept.start();
    return tap;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Waits until a client sent a command named {@code command}; false when it did not within {@code max}. */
  public boolean awaitCommand(String command, Duration max) throws InterruptedException {
    String name = command.toUpperCase(Locale.ROOT);
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (seen) {
      while (!seen.contains(name)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(seen, left);
      }
      return true;
    }
  }

  /** Waits until clients sent {@code count} commands named {@code command}; false when they did not within {@code max}. */
  public boolean awaitCount(String command, int count, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (seen) {
      while (lines(command).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(seen, left);
      }
      return true;
    }
  }

  /** Whether a client sent a command named {@code command} so far. */
  public boolean sawCommand(String command) {
    synchronized (seen) {
      return seen.contains(command.toUpperCase(Locale.ROOT));
    }
  }

  /** The command lines named {@code command} sent so far, without their tags, e.g. {@code LIST "" "*"}. */
  public List<String> lines(String command) {
    String name = command.toUpperCase(Locale.ROOT);
    synchronized (lines) {
      return lines.stream().filter(l -> {
        String upper = l.toUpperCase(Locale.ROOT);
        return upper.equals(name) || upper.startsWith(name + " ");
      }).toList();
    }
  }

  /** Waits until the command to hold arrived and is being held. */
  public boolean awaitHeld(Duration max) throws InterruptedException {
    return held.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the held command (and everything after it) through. */
  public void release() {
    released.countDown();
  }

  @Override
  public void close() throws IOException {
    release();
    listener.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        daemon(() -> commands(client, server), "imap-tap-client");
        daemon(() -> copy(server, client), "imap-tap-server");
      }
    } catch (IOException e) {
      // The listener was closed.
    }
  }

  /** Client to server, one line at a time: each line is looked at (and maybe held) before it goes on. */
  private void commands(Socket client, Socket server) {
    try (InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = server.getOutputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        line.write(b);
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          line.reset();
          String command = commandOf(bytes);
          if (!command.isEmpty()) {
            synchronized (lines) {
              String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
              lines.add(text.substring(text.indexOf(' ') + 1));
            }
          }
          noteAndMaybeHold(command);
          out.write(bytes);
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // One side closed the connection, or the test ended.
    } finally {
      closeQuietly(server);
    }
  }

  private void noteAndMaybeHold(String command) throws InterruptedException {
    if (command.isEmpty()) {
      return;
    }
    synchronized (seen) {
      seen.add(command);
      seen.notifyAll();
    }
    boolean hold;
    synchronized (this) {
      hold = command.equals(holdCommand) && !holding;
      holding |= hold;
    }
    if (hold) {
      held.countDown();
      released.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** "A7 EXAMINE ..." is EXAMINE; an untagged "DONE" (ending an IDLE) is DONE. */
  static String commandOf(byte[] line) {
    String text = new String(line, StandardCharsets.ISO_8859_1).strip();
    String[] words = text.split(" ", 3);
    String command = words.length >= 2 ? words[1] : words[0];
    return command.chars().allMatch(Character::isLetter) ? command.toUpperCase(Locale.ROOT) : "";
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side closed the connection.
    } finally {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Nothing left to do with it.
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }
}
