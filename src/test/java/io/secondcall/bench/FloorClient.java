package io.secondcall.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor of the issue: the least an IMAP client must do to read the look-back window of a
 * folder. Per folder: EXAMINE, one {@code UID SEARCH SINCE}, one {@code UID FETCH} of the same
 * items secondcall reads (envelope, internal date, size and its header fields), nothing else.
 * A raw socket, so that no library adds commands of its own.
 */
final class FloorClient {

  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}\r\n$");
  private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

  private FloorClient() {}

  /** Logs in, reads the window of each folder, logs out; returns the messages fetched. */
  static int read(int port, String user, String password, List<String> folders, LocalDate since, String headers)
      throws IOException {
    return read(port, user, password, folders, since, headers, false);
  }

  /** The same, after listing the folders first when {@code listFirst}, as secondcall must to find them. */
  static int read(int port, String user, String password, List<String> folders, LocalDate since, String headers,
      boolean listFirst) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(120_000);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      OutputStream out = socket.getOutputStream();
      readLine(in); // greeting
      Session s = new Session(in, out);
      s.command("LOGIN " + user + " " + password);
      if (listFirst) {
        s.command("LIST \"\" \"*\"");
      }
      int fetched = 0;
      for (String folder : folders) {
        s.command("EXAMINE \"" + folder + "\"");
        List<Long> uids = new ArrayList<>();
        for (String line : s.command("UID SEARCH SINCE " + IMAP_DATE.format(since))) {
          if (line.startsWith("* SEARCH")) {
            for (String word : line.substring("* SEARCH".length()).trim().split("\\s+")) {
              if (!word.isEmpty()) {
                uids.add(Long.parseLong(word));
              }
            }
          }
        }
        if (!uids.isEmpty()) {
          List<String> answer = s.command("UID FETCH " + ranges(uids)
              + " (UID INTERNALDATE RFC822.SIZE ENVELOPE BODY.PEEK[HEADER.FIELDS (" + headers + ")])");
          fetched += (int) answer.stream().filter(l -> l.startsWith("* ")).count();
        }
      }
      s.command("LOGOUT");
      return fetched;
    }
  }

  /**
   * Logs in, asks STATUS (MESSAGES UIDNEXT UIDVALIDITY) of each folder, logs out: the least any
   * client can do to learn that nothing changed, one command per folder.
   */
  static void status(int port, String user, String password, List<String> folders) throws IOException {
    loggedIn(port, user, password, s -> {
      for (String folder : folders) {
        s.command("STATUS \"" + folder + "\" (MESSAGES UIDNEXT UIDVALIDITY)");
      }
    });
  }

  /** Commands of one session. */
  private interface Commands {
    void send(Session s) throws IOException;
  }

  /** Connects, logs in, sends the commands, logs out. */
  private static void loggedIn(int port, String user, String password, Commands commands) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(120_000);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      readLine(in); // greeting
      Session s = new Session(in, socket.getOutputStream());
      s.command("LOGIN " + user + " " + password);
      commands.send(s);
      s.command("LOGOUT");
    }
  }

  static String ranges(List<Long> sorted) {
    StringBuilder set = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      set.append(set.length() == 0 ? "" : ",").append(sorted.get(i));
      if (j > i) {
        set.append(':').append(sorted.get(j));
      }
      i = j + 1;
    }
    return set.toString();
  }

  private static final class Session {
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    Session(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    /** Sends one command and returns the first physical line of each response up to the tagged one. */
    List<String> command(String command) throws IOException {
      String t = "f" + (++tag);
      out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      List<String> lines = new ArrayList<>();
      while (true) {
        String line = readLogical(in);
        if (line == null) {
          throw new IOException("connection closed during " + command);
        }
        if (line.startsWith(t + " ")) {
          if (!line.startsWith(t + " OK")) {
            throw new IOException(command + ": " + line.strip());
          }
          return lines;
        }
        lines.add(line);
      }
    }
  }

  private static String readLogical(InputStream in) throws IOException {
    String first = null;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return first;
      }
      first = first == null ? line : first;
      Matcher m = LITERAL.matcher(line);
      if (!m.find()) {
        return first;
      }
      long left = Long.parseLong(m.group(1));
      while (left > 0) {
        long n = in.skip(left);
        if (n <= 0) {
          if (in.read() < 0) {
            return first;
          }
          n = 1;
        }
        left -= n;
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
