package io.secondcall.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of the IMAP server that counts the commands a client sends and adds
 * up the time each one is outstanding (from its tagged line to the server's tagged answer):
 * the "IMAP phase" of a scan, measured the same way for secondcall and for the floor client,
 * without the client's own work between commands. IDLE is counted but not timed (it waits by
 * design). Literals in both directions are passed through unread.
 */
final class CommandMeter implements AutoCloseable {

  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}\r?\n$");

  private final ServerSocket listener;
  private final int target;
  private final List<String> commands = new ArrayList<>();
  /** Busy time by command name, in the order the names first came. */
  private final Map<String, AtomicLong> busyByCommand = new LinkedHashMap<>();
  private final List<Socket> sockets = new ArrayList<>();

  private CommandMeter(ServerSocket listener, int target) {
    this.listener = listener;
    this.target = target;
  }

  static CommandMeter start(int targetPort) throws IOException {
    CommandMeter meter = new CommandMeter(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    daemon(meter::accept, "meter-accept");
    return meter;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Forgets what was counted so far. */
  synchronized void reset() {
    commands.clear();
    busyByCommand.clear();
  }

  /** Milliseconds of {@link #busyMillis} by command name since the last reset, e.g. "UID FETCH" -> 412. */
  synchronized Map<String, Double> busyMillisByCommand() {
    Map<String, Double> out = new LinkedHashMap<>();
    busyByCommand.forEach((name, nanos) -> out.put(name, nanos.get() / 1e6));
    return out;
  }

  private synchronized void addBusy(String name, long nanos) {
    busyByCommand.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(nanos);
  }

  /** The commands sent since the last reset, e.g. "LOGIN", "EXAMINE", "UID FETCH". */
  synchronized List<String> commands() {
    return List.copyOf(commands);
  }

  /** Milliseconds during which a command (other than IDLE) waited for its tagged answer. */
  synchronized double busyMillis() {
    return busyByCommand.values().stream().mapToLong(AtomicLong::get).sum() / 1e6;
  }

  boolean saw(String command) {
    synchronized (this) {
      return commands.contains(command);
    }
  }

  private synchronized void note(String command) {
    commands.add(command);
  }

  @Override
  public void close() throws IOException {
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
        // Without these, Nagle's algorithm against the peer's delayed ACK holds small writes
        // (a command line, a tagged answer) for up to 40 ms at the proxy: latency the real
        // connection, client to server, would not have.
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        daemon(() -> clientSide(client, server, pending), "meter-client");
        daemon(() -> serverSide(server, client, pending), "meter-server");
      }
    } catch (IOException e) {
      // Closed.
    }
  }

  private void clientSide(Socket client, Socket server, Map<String, Pending> pending) {
    try (InputStream in = new BufferedInputStream(client.getInputStream(), 65536);
        OutputStream out = server.getOutputStream()) {
      for (byte[] line = forward(in, out); line != null; line = forward(in, out)) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        String[] words = text.strip().split(" ", 4);
        if (words.length < 2) {
          continue; // DONE ends an IDLE; untagged
        }
        String name = words[1].toUpperCase(Locale.ROOT);
        if (name.equals("UID") && words.length > 2) {
          name = "UID " + words[2].toUpperCase(Locale.ROOT);
        }
        note(name);
        if (!name.equals("IDLE")) {
          pending.put(words[0], new Pending(name, System.nanoTime()));
        }
      }
    } catch (IOException e) {
      // One side closed.
    } finally {
      closeQuietly(server);
    }
  }

  private void serverSide(Socket server, Socket client, Map<String, Pending> pending) {
    try (InputStream in = new BufferedInputStream(server.getInputStream(), 65536);
        OutputStream out = client.getOutputStream()) {
      for (byte[] line = forward(in, out); line != null; line = forward(in, out)) {
        int space = indexOf(line, (byte) ' ');
        if (space > 0 && line[0] != '*' && line[0] != '+') {
          Pending command = pending.remove(new String(line, 0, space, StandardCharsets.ISO_8859_1));
          if (command != null) {
            addBusy(command.name(), System.nanoTime() - command.startNanos());
          }
        }
      }
    } catch (IOException e) {
      // One side closed.
    } finally {
      closeQuietly(client);
    }
  }

  /**
   * Copies one logical line (with any literals inside it) and returns its first physical line,
   * or null at the end of the stream. The line is forwarded before it is looked at, so that the
   * clock starts after the bytes went out.
   */
  private static byte[] forward(InputStream in, OutputStream out) throws IOException {
    byte[] first = null;
    while (true) {
      byte[] line = readLine(in);
      if (line == null) {
        return first;
      }
      out.write(line);
      if (first == null) {
        first = line;
      }
      Matcher m = LITERAL.matcher(new String(line, Math.max(0, line.length - 24), Math.min(24, line.length),
          StandardCharsets.ISO_8859_1));
      if (!m.find()) {
        out.flush();
        return first;
      }
      out.flush();
      long left = Long.parseLong(m.group(1));
      byte[] buffer = new byte[8192];
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return first;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      if (b == '\n') {
        return line.toByteArray();
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
  }

  /** A command sent and not answered yet. */
  private record Pending(String name, long startNanos) {}

  private static int indexOf(byte[] line, byte b) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Nothing left to do.
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }
}
