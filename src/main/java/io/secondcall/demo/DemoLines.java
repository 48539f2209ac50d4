package io.secondcall.demo;

import io.secondcall.core.SafeText;
import io.secondcall.engine.Action;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.util.List;

/** How the demo shows actions and messages: every value through {@link SafeText#terminal}. */
final class DemoLines {

  private static final List<String> SHOWN_HEADERS =
      List.of("From", "To", "Subject", "Date", "In-Reply-To", "X-Secondcall-Id");

  private DemoLines() {}

  static String line(Action a) {
    String who = a.contact().isEmpty() ? "" : SafeText.terminal(a.contact()) + " ";
    String about = a.subject().isEmpty() ? "" : "\"" + SafeText.terminal(a.subject()) + "\" ";
    String what = switch (a.kind()) {
      case TRACKED -> "tracking    ";
      case IGNORED -> "not outreach";
      case DRAFTED -> "drafted     ";
      case DEFERRED -> "deferred    ";
      case TOUCHED -> "touch       ";
      case STEP_SKIPPED -> "step skipped";
      case REPLIED -> "answered    ";
      case PAUSED -> "paused      ";
      case BOUNCED -> "bounced     ";
      case STOPPED -> "stopped     ";
      case EXHAUSTED -> "file closed ";
      case BOOKED -> "call booked ";
      case CLEANED_UP -> "cleaned up  ";
      case DIGEST -> "digest      ";
    };
    return what + "  " + who + about + "- " + SafeText.terminal(a.detail());
  }

  static String show(MimeMessage m) throws MessagingException, IOException {
    StringBuilder sb = new StringBuilder();
    for (String name : SHOWN_HEADERS) {
      String value = m.getHeader(name, ", ");
      if (value != null) {
        sb.append(name).append(": ").append(SafeText.terminal(MimeUtility.decodeText(value))).append('\n');
      }
    }
    sb.append('\n').append(SafeText.terminalText(m.getContent().toString()).strip());
    return sb.toString();
  }

  static String indent(String text) {
    return "  | " + text.replace("\r\n", "\n").replace("\n", "\n  | ") + "\n";
  }
}
