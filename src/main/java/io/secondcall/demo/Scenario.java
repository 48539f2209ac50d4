package io.secondcall.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample story: Dana's outreach in the week before Christmas, the answers that arrive, and
 * what Dana does with each draft.
 */
final class Scenario {

  private static final String DANA = Demo.USER;
  private static final String ALICE = "Alice Martin <alice@acme.example>";
  private static final String BOB = "Bob Chen <bob@globex.example>";
  private static final String CARLA = "Carla Rossi <carla@initech.example>";
  private static final String DAVID = "David Okafor <david@umbrella.example>";
  private static final String EVA = "Eva Schmidt <eva@hooli.example>";
  private static final String GRACE = "Grace Lee <grace@stark.example>";
  private static final String HIRO = "Hiro Tanaka <hiro@wayne.example>";
  private static final String IVAN = "Ivan Petrov <ivan@oscorp.example>";
  private static final String KIM = "Kim Novak <kim@tyrell.example>";

  private final SampleMailbox mailbox;
  private final ZoneId zone;
  /** The Message-ID of Dana's latest message to each contact, so that answers thread. */
  private final Map<String, String> lastSent = new HashMap<>();
  /** The first draft of each kind, to show in full at the end. */
  private final Map<String, MimeMessage> samples = new java.util.LinkedHashMap<>();

  Scenario(SampleMailbox mailbox, ZoneId zone) {
    this.mailbox = mailbox;
    this.zone = zone;
  }

  /** Everything that happened before secondcall's first cycle. */
  void before(LocalDate firstDay) throws MessagingException {
    sent("alice-1", at(2026, 12, 14, 10, 12), List.of(ALICE), "Workshop on pricing strategy",
        "Hi Alice,\n\nthanks for the good conversation last week. As promised, here is the outline of a one-day"
        + " workshop on pricing strategy for your product team, with two dates in January.\n\nBest,\nDana");
    sent("bob-1", at(2026, 12, 14, 11, 40), List.of(BOB), "Proposal: supply-chain review",
        "Hi Bob,\n\nattached is our proposal for the supply-chain review, fixed price as discussed.\n\nBest,\nDana");
    inbox("bob-2", at(2026, 12, 16, 15, 2), BOB, "Re: Proposal: supply-chain review", "bob-1",
        "Hi Dana, looks good. Let's talk about the start date after the holidays. Bob", Map.of());
    sent("carla-1", at(2026, 12, 15, 9, 5), List.of(CARLA), "Our conversation at the trade fair",
        "Dear Carla,\n\nit was a pleasure to meet you at the trade fair. Would a short call in January suit you to"
        + " see whether our audit approach fits Initech?\n\nKind regards,\nDana");
    inbox("carla-ooo", at(2026, 12, 15, 9, 6), CARLA, "Automatic reply: Our conversation at the trade fair", "carla-1",
        "Thank you for your message. I am out of the office until 6 January 2027 with no access to email.\n"
        + "For urgent matters please contact office@initech.example.\n\n-- \nCarla Rossi\nHead of Audit, Initech\n"
        + "Tel. +39 02 7634 5100\n", Map.of("Auto-Submitted", "auto-replied"));
    sent("david-1", at(2026, 12, 15, 14, 20), List.of(DAVID), "Introduction: Northwind x Umbrella",
        "Hello David,\n\nMaria Lopez suggested I get in touch about your data migration.\n\nBest regards,\nDana");
    MimeMessage bounce = mailbox.bounce("bounce-david@mx." + SampleMailbox.DOMAIN, at(2026, 12, 15, 14, 21), DANA,
        "david@umbrella.example", "david-1@" + SampleMailbox.DOMAIN, "Introduction: Northwind x Umbrella");
    mailbox.appendTo("INBOX", bounce, false);
    List<String> readers = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      readers.add("reader" + i + "@list" + (i % 5) + ".example");
    }
    MimeMessage newsletter = mailbox.message("news-dec@" + SampleMailbox.DOMAIN, at(2026, 12, 16, 8, 30), DANA, readers,
        "December insights from Northwind", "Our December newsletter.");
    newsletter.setHeader("List-Unsubscribe", "<mailto:unsubscribe@" + SampleMailbox.DOMAIN + ">");
    mailbox.appendTo("Sent", newsletter, true);
    sent("frank-1", at(2026, 12, 16, 10, 0), List.of("Frank Bauer <frank@" + SampleMailbox.DOMAIN + ">"),
        "Draft for the Acme workshop", "Frank, could you look at the workshop outline before Friday? Dana");
    sent("eva-1", at(2026, 12, 16, 16, 45), List.of(EVA), "Data platform assessment",
        "Hi Eva,\n\nfollowing up on your question at the meetup: our data platform assessment takes two weeks"
        + " and ends with a roadmap your team can run with.\n\nBest,\nDana");
    sent("grace-1", at(2026, 12, 17, 9, 15), List.of(GRACE), "Interim CFO support",
        "Dear Grace,\n\nI heard Stark is looking for interim CFO support from February. I have done this twice for"
        + " scale-ups of your size and would be glad to tell you more. I'll call you on Tuesday afternoon to see"
        + " whether it fits.\n\nBest regards,\nDana");
    sent("hiro-1", at(2026, 12, 17, 11, 0), List.of(HIRO), "Board workshop in Q1",
        "Hi Hiro,\n\nas discussed, here are three formats for the board workshop in Q1.\n\nBest,\nDana");
    sent("ivan-1", at(2026, 11, 2, 10, 0), List.of(IVAN), "Catching up",
        "Hi Ivan, it has been a while. Coffee in November? Dana");
    sent("kim-1", at(2026, 12, 18, 8, 0), List.of(KIM), "Retail analytics pilot",
        "Hallo Kim,\n\nvielen Dank für das nette Gespräch in Hamburg. Anbei der Einseiter zum Pilotprojekt Retail"
        + " Analytics, über das wir gesprochen haben. Hätten Sie im Januar Zeit für ein kurzes Telefonat?\n\n"
        + "Viele Grüße\nDana Weber\nNorthwind Consulting");
    sent("offsite-1", at(2026, 12, 18, 9, 0), List.of("a@initrode.example", "b@initrode.example",
        "c@initrode.example", "d@initrode.example", "e@initrode.example"), "Team offsite in March",
        "Hello all, here is the agenda for the offsite. Dana");
  }

  /** What arrives after the day's cycle, seen by the next one. */
  void arrivals(LocalDate day) throws MessagingException {
    if (day.equals(LocalDate.of(2026, 12, 21))) {
      inbox("eva-2", at(2026, 12, 21, 14, 30), EVA, "Question about your assessment offer", null,
          "Hi Dana, sorry for the slow answer. Could you send me two references? Eva", Map.of());
    } else if (day.equals(LocalDate.of(2026, 12, 22))) {
      inbox("tyrell-news", at(2026, 12, 22, 7, 0), "Tyrell News <news@tyrell.example>", "Tyrell News: December", null,
          "This month at Tyrell...", Map.of("List-Id", "<news.tyrell.example>", "List-Unsubscribe",
              "<mailto:leave@tyrell.example>"));
    } else if (day.equals(LocalDate.of(2026, 12, 30))) {
      inbox("hiro-2", at(2026, 12, 30, 16, 20), HIRO, "Re: Board workshop in Q1", lastSent.get("hiro@wayne.example"),
          "Dana, sorry, busy weeks. Format two is what we need. Can you call me on 5 January? Hiro", Map.of());
    }
  }

  /**
   * What Dana does with the drafts after the day's cycle: sends them at 10:15, except that she
   * deletes the first one to Grace (she will call instead) and keeps Hiro's second one for later.
   */
  List<String> after(LocalDate day, List<MimeMessage> drafts) throws MessagingException {
    List<String> done = new ArrayList<>();
    for (MimeMessage draft : drafts) {
      String id = draft.getHeader("X-Secondcall-Id", null);
      String to = ((InternetAddress) draft.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
      String step = id.substring(id.lastIndexOf('.') + 1);
      if (to.startsWith("alice@")) {
        samples.putIfAbsent(step, new MimeMessage(draft));
      } else if (to.startsWith("maria@")) {
        samples.putIfAbsent("recap", new MimeMessage(draft));
      } else if (to.startsWith("kim@")) {
        samples.putIfAbsent("kim-" + step, new MimeMessage(draft));
      }
      if (to.startsWith("grace@") && step.equals("1")) {
        mailbox.delete(id);
        done.add("deleted the draft to " + to + " unsent (she will call instead)");
      } else if (to.startsWith("hiro@") && step.equals("2")) {
        done.add("keeps the draft to " + to + " for after lunch");
      } else if (!day.isAfter(Demo.LAST_DAY)) {
        mailbox.send(draft, ZonedDateTime.of(day, LocalTime.of(10, 15), zone));
        lastSent.put(to, draft.getMessageID().replaceAll("[<>]", ""));
        done.add("sent the draft to " + to + " (step " + step + ")");
      }
    }
    return done;
  }

  /**
   * Alice's first follow-up and her closing note, the recap after the call with Maria, and Kim's
   * first follow-up, in German as Dana wrote to her, in full.
   */
  List<MimeMessage> samples() {
    List<MimeMessage> shown = new ArrayList<>();
    for (String step : List.of("1", "4", "recap", "kim-1")) {
      if (samples.containsKey(step)) {
        shown.add(samples.get(step));
      }
    }
    return shown;
  }

  private void sent(String local, ZonedDateTime at, List<String> to, String subject, String body)
      throws MessagingException {
    String id = local + "@" + SampleMailbox.DOMAIN;
    mailbox.appendTo("Sent", mailbox.message(id, at, "Dana Weber <" + DANA + ">", to, subject, body), true);
    for (String t : to) {
      lastSent.put(new InternetAddress(t).getAddress(), id);
    }
  }

  private void inbox(String local, ZonedDateTime at, String from, String subject, String inReplyTo, String body,
      Map<String, String> headers) throws MessagingException {
    String domain = new InternetAddress(from).getAddress().replaceAll(".*@", "");
    MimeMessage m = mailbox.message(local + "@" + domain, at, from, List.of(DANA), subject, body);
    if (inReplyTo != null) {
      String ref = inReplyTo.contains("@") ? inReplyTo : inReplyTo + "@" + SampleMailbox.DOMAIN;
      m.setHeader("In-Reply-To", "<" + ref + ">");
      m.setHeader("References", "<" + ref + ">");
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      m.setHeader(h.getKey(), h.getValue());
    }
    mailbox.appendTo("INBOX", m, false);
  }

  private ZonedDateTime at(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, zone);
  }
}
