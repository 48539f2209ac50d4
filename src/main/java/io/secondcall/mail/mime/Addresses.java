package io.secondcall.mail.mime;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of an address header, read from the header's raw text rather than the server's
 * ENVELOPE: only the raw bytes can be read as UTF-8 (GreenMail's envelope has already replaced
 * them, Dovecot's passes them one char per byte). Every address that parses is kept; a garbage
 * one is dropped alone.
 */
public final class Addresses {

  private Addresses() {}

  /** Addresses of every occurrence of the header {@code name} ("From", "To", "Cc", "Bcc"), raw bytes read as text. */
  public static List<EmailAddress> of(Message m, String name) {
    String value;
    try {
      String[] values = m.getHeader(name);
      value = values == null ? null : String.join(",", values);
    } catch (MessagingException | RuntimeException e) {
      return List.of();
    }
    return value == null ? new ArrayList<>() : parse(HeaderText.octets(MimeUtility.unfold(value)));
  }

  /**
   * The addresses of a header value that is text already (not raw bytes), such as the Gmail
   * API hands over. Encoded words in display names are decoded after parsing, so a decoded
   * comma or bracket can never change where one address ends.
   */
  public static List<EmailAddress> parse(String text) {
    List<EmailAddress> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (Address a : addresses(MimeUtility.unfold(text))) {
      if (a instanceof InternetAddress ia) {
        addAddress(out, ia);
      }
    }
    return out;
  }

  private static Address[] addresses(String text) {
    try {
      return InternetAddress.parseHeader(text, false);
    } catch (AddressException e) {
      return lenient(text);
    }
  }

  /** Parses one comma-separated piece at a time, dropping the pieces that fail. */
  private static Address[] lenient(String text) {
    List<Address> parsed = new ArrayList<>();
    for (String piece : text.split(",")) {
      try {
        parsed.addAll(List.of(InternetAddress.parseHeader(piece, false)));
      } catch (AddressException e) {
        // This piece is garbage; the others may not be.
      }
    }
    return parsed.toArray(new Address[0]);
  }

  private static void addAddress(List<EmailAddress> out, InternetAddress ia) {
    try {
      if (ia.isGroup()) {
        for (InternetAddress member : ia.getGroup(false)) {
          addAddress(out, member);
        }
        return;
      }
      ia.validate();
      out.add(new EmailAddress(ia.getAddress(), personal(ia)));
    } catch (AddressException | IllegalArgumentException e) {
      // Not an address anyone can be followed up at.
    }
  }

  /**
   * The display name, decoded once by {@link HeaderText} and made one clean line. Angus decodes
   * {@code getPersonal()} itself, leaving a word in an unknown charset raw, so the phrase is
   * taken as written: {@code toString()} gives it, quoted and escaped only when it had to be.
   */
  public static String personal(InternetAddress ia) {
    String written = ia.toString();
    String suffix = " <" + ia.getAddress() + ">";
    if (!written.endsWith(suffix)) {
      return null;
    }
    String phrase = written.substring(0, written.length() - suffix.length());
    String name = SafeText.header(HeaderText.decodeWords(unquote(phrase)));
    return name.isEmpty() ? null : name;
  }

  private static String unquote(String phrase) {
    if (phrase.length() < 2 || !phrase.startsWith("\"") || !phrase.endsWith("\"")) {
      return phrase;
    }
    StringBuilder sb = new StringBuilder(phrase.length());
    for (int i = 1; i < phrase.length() - 1; i++) {
      char c = phrase.charAt(i);
      if (c == '\\' && i + 1 < phrase.length() - 1) {
        c = phrase.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
