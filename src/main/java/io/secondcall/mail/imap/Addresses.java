package io.secondcall.mail.imap;

import io.secondcall.core.EmailAddress;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** The addresses of an address header, keeping every one that parses and dropping the rest one by one. */
final class Addresses {

  private Addresses() {}

  /** Addresses of one header (From when {@code type} is null); a garbage address is skipped alone. */
  static List<EmailAddress> of(Message m, Message.RecipientType type) {
    Address[] raw;
    try {
      raw = type == null ? m.getFrom() : m.getRecipients(type);
    } catch (MessagingException | RuntimeException e) {
      raw = m instanceof IMAPMessage ? null : lenient(m, type == null ? "From" : type.toString());
    }
    List<EmailAddress> out = new ArrayList<>();
    if (raw != null) {
      for (Address a : raw) {
        if (a instanceof InternetAddress ia) {
          addAddress(out, ia);
        }
      }
    }
    return out;
  }

  /** Parses a header's addresses one comma-separated piece at a time, dropping the pieces that fail. */
  private static Address[] lenient(Message m, String headerName) {
    String value;
    try {
      String[] values = m.getHeader(headerName);
      value = values == null ? null : String.join(",", values);
    } catch (MessagingException e) {
      return null;
    }
    if (value == null) {
      return null;
    }
    List<Address> parsed = new ArrayList<>();
    for (String piece : MimeUtility.unfold(value).split(",")) {
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
      out.add(new EmailAddress(ia.getAddress(), ia.getPersonal()));
    } catch (AddressException | IllegalArgumentException e) {
      // Not an address anyone can be followed up at.
    }
  }
}
