package io.secondcall.corpus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The owner's recent mail of the last two weeks before the first scan, made up but shaped like
 * real mail: outreach to prospects (most unanswered, so they must get drafts; some answered in
 * the ways SPEC section 4 lists), new threads he started on each mailing list the corpus shows
 * him on (nobody answered those either, and they must get no draft), and answers to no-reply
 * senders.
 */
final class Outreach {

  static final String PROSPECT = "outreach to a prospect";
  static final String PROSPECT_ANSWER = "prospect's answer";
  static final String LIST_POST = "new thread on a mailing list";
  static final String TO_NO_REPLY = "recent mail to a no-reply address";

  /** How a prospect reacted. */
  enum Fate { SILENT, ANSWERS_AFTER_SECOND_SCAN, ANSWERS_THROUGH_A_CRM, OUT_OF_OFFICE, BOUNCES, ANSWERS_IN_A_NEW_THREAD }

  record Prospect(String name, String address, String subject, int daysBefore, String phone, Fate fate) {}

  static final List<Prospect> PROSPECTS = List.of(
      new Prospect("Siobhan Walsh", "siobhan.walsh@harbourlights.ie", "Spam filtering for Harbour Lights", 7,
          "+353 1 555 0101", Fate.SILENT),
      new Prospect("Declan Byrne", "dbyrne@byrne-logistics.ie", "Mail server audit", 6, "+353 21 555 0199",
          Fate.SILENT),
      new Prospect("Anke Vogel", "a.vogel@vogel-druck.de", "SpamAssassin rollout at Vogel Druck", 5, null, Fate.SILENT),
      new Prospect("Marc Dubois", "marc.dubois@atelier-lumiere.fr", "Filtrage anti-spam pour l'atelier", 4, null,
          Fate.SILENT),
      new Prospect("Priya Raman", "priya@raman-analytics.co.uk", "Quote for the Bayes training project", 3, null,
          Fate.SILENT),
      new Prospect("Tom Keane", "tom.keane@keane-pharmacy.ie", "Following our call about the mail filters", 7,
          "+353 61 555 0142", Fate.SILENT),
      new Prospect("Laura Gomez", "laura.gomez@gomez-asesores.es", "Propuesta: filtrado de correo", 6, null,
          Fate.SILENT),
      new Prospect("Niamh O'Connor", "niamh@oconnor-architects.ie", "Proposal: mail hygiene for O'Connor Architects",
          5, null, Fate.SILENT),
      new Prospect("Ken Murphy", "ken@murphyandsons.ie", "Your mail server is on two blocklists", 4, null, Fate.SILENT),
      new Prospect("Aoife Kelly", "aoife.kelly@kellyfoods.ie", "Meeting notes and next steps", 7, null,
          Fate.ANSWERS_AFTER_SECOND_SCAN),
      new Prospect("Brian Doyle", "brian.doyle@doylemedia.ie", "Newsletter filtering proposal", 7, null,
          Fate.ANSWERS_THROUGH_A_CRM),
      new Prospect("Ciara Nolan", "ciara.nolan@nolan-law.ie", "Spam training workshop dates", 6, null,
          Fate.OUT_OF_OFFICE),
      new Prospect("Eamon Ryan", "eamon@ryan-builders.ie", "Proposal for Ryan Builders", 5, null, Fate.BOUNCES),
      new Prospect("Fiona Burke", "fiona.burke@burke-dental.ie", "Quick question about your mail setup", 6, null,
          Fate.ANSWERS_IN_A_NEW_THREAD));

  private static final List<String> LIST_SUBJECTS = List.of(
      "Anyone else seeing this with 2.41?", "Call for testers: new Bayes code in CVS",
      "Re-running the mass-check this weekend", "Mirror for the rule updates is back",
      "Slides from the Dublin meetup", "Question about procmail recipe ordering");
  private static final int[] LIST_DAYS = {3, 4, 5, 6, 7, 10, 11};

  private final Instant firstScan;
  private final RandomGenerator random;

  Outreach(Instant firstScan, RandomGenerator random) {
    this.firstScan = firstScan;
    this.random = random;
  }

  void addTo(MailboxPlan plan, List<String> lists) {
    for (int i = 0; i < PROSPECTS.size(); i++) {
      prospect(plan, PROSPECTS.get(i), i);
    }
    for (int i = 0; i < lists.size(); i++) {
      Instant at = workTime(LIST_DAYS[i % LIST_DAYS.length], 9 + i % 8, i * 7 % 60);
      plan.add(new Letter(Letter.SENT, sent(at, lists.get(i), LIST_SUBJECTS.get(i % LIST_SUBJECTS.size()), null,
          "Hi all,\n\ndetails below; replies to the list please.\n\n--j.\n"), at, LIST_POST));
    }
    String[][] noReply = {
        {"SourceForge.net <noreply@sourceforge.net>", "Re: [SF.net] Your file release is ready"},
        {"no-reply@billing.hostingco.ie", "Re: Invoice 2026-1143"},
        {"Eircom <donotreply@notifications.eircom.net>", "Re: Your broadband order"},
        {"postmaster@linux.ie", "Re: Delivery problem"},
        {"MAILER-DAEMON@listman.spamassassin.taint.org", "Re: Undeliverable: exmh patch"}};
    for (int i = 0; i < noReply.length; i++) {
      Instant at = workTime(3 + i % 4, 14, 5 * i);
      plan.add(new Letter(Letter.SENT, sent(at, noReply[i][0], noReply[i][1], null,
          "Hello,\n\ncould a person look at this please?\n\n--j.\n"), at, TO_NO_REPLY));
    }
  }

  private void prospect(MailboxPlan plan, Prospect p, int i) {
    Instant at = workTime(p.daysBefore(), 10 + i % 6, 10 + i);
    String to = p.name() + " <" + p.address() + ">";
    RawMessage out = sent(at, quoteName(to), p.subject(), null,
        "Hi " + p.name().split(" ")[0] + ",\n\nas promised, here is a short proposal for " + p.subject().toLowerCase()
            + ". Would a call this week suit you?\n\nBest regards,\nJustin Mason\n");
    plan.add(new Letter(Letter.SENT, out, at, PROSPECT));
    if (p.phone() != null) {
      plan.phones.put(p.address(), p.phone());
    }
    String id = out.first("Message-ID").orElseThrow();
    switch (p.fate()) {
      case SILENT, OUT_OF_OFFICE -> plan.expectedDrafts.put(p.address(), p.subject());
      default -> { }
    }
    switch (p.fate()) {
      case SILENT -> { }
      case ANSWERS_AFTER_SECOND_SCAN -> plan.late.add(answer(p, id, firstScan.plus(Duration.ofHours(29)), ""));
      case ANSWERS_THROUGH_A_CRM -> plan.add(answer(p, id, at.plus(Duration.ofHours(26)),
          "List-Unsubscribe: <mailto:unsubscribe@mail.doylemedia.ie?subject=unsubscribe>\n"
              + "Precedence: bulk\nX-Mailer: HubSpot\n"));
      case OUT_OF_OFFICE -> plan.add(outOfOffice(p, id, at.plus(Duration.ofMinutes(3))));
      case BOUNCES -> plan.add(bounce(p, id, at.plus(Duration.ofMinutes(2))));
      case ANSWERS_IN_A_NEW_THREAD -> plan.add(new Letter(Letter.INBOX, RawMessage.parse(bytes(
          "Date: " + date(at.plus(Duration.ofHours(22))) + "\n"
              + "From: " + to + "\nTo: " + CorpusOwner.FROM + "\nSubject: mail setup\n"
              + "Message-ID: <fb" + random.nextInt(1_000_000) + "@burke-dental.ie>\n\n"
              + "Justin, got your note. Yes, let's talk on Thursday.\nFiona\n")),
          at.plus(Duration.ofHours(22)), PROSPECT_ANSWER));
    }
  }

  private Letter answer(Prospect p, String inReplyTo, Instant at, String extraHeaders) {
    String text = "Date: " + date(at) + "\nFrom: " + quoteName(p.name() + " <" + p.address() + ">") + "\n"
        + "To: " + CorpusOwner.FROM + "\nSubject: Re: " + p.subject() + "\n"
        + "Message-ID: <answer." + random.nextInt(1_000_000) + "@" + ListEvidence.domain(p.address()) + ">\n"
        + "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n" + extraHeaders
        + "\nThanks Justin, we'll go ahead. I'll call you.\n";
    return new Letter(Letter.INBOX, RawMessage.parse(bytes(text)), at, PROSPECT_ANSWER);
  }

  private Letter outOfOffice(Prospect p, String inReplyTo, Instant at) {
    String text = "Date: " + date(at) + "\nFrom: " + p.name() + " <" + p.address() + ">\n"
        + "To: " + CorpusOwner.PRIMARY + "\nSubject: Automatic reply: " + p.subject() + "\n"
        + "Auto-Submitted: auto-replied\nX-Autoreply: yes\n"
        + "Message-ID: <ooo." + random.nextInt(1_000_000) + "@" + ListEvidence.domain(p.address()) + ">\n"
        + "In-Reply-To: " + inReplyTo + "\n\n"
        + "I am out of the office and back on 19 November. For urgent matters call reception.\n";
    return new Letter(Letter.INBOX, RawMessage.parse(bytes(text)), at, PROSPECT_ANSWER);
  }

  private Letter bounce(Prospect p, String inReplyTo, Instant at) {
    String domain = ListEvidence.domain(p.address());
    String text = "Date: " + date(at) + "\nFrom: Mail Delivery System <MAILER-DAEMON@mail." + domain + ">\n"
        + "To: " + CorpusOwner.PRIMARY + "\nSubject: Undelivered Mail Returned to Sender\n"
        + "Auto-Submitted: auto-replied\nMessage-ID: <dsn." + random.nextInt(1_000_000) + "@mail." + domain + ">\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n"
        + "--b1\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
        + "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail." + domain + "\n\n"
        + "Final-Recipient: rfc822; " + p.address() + "\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
        + "--b1\nContent-Type: text/rfc822-headers\n\nMessage-ID: " + inReplyTo + "\nSubject: " + p.subject()
        + "\n\n--b1--\n";
    return new Letter(Letter.INBOX, RawMessage.parse(bytes(text)), at, PROSPECT_ANSWER);
  }

  /** A plain message from the owner, as his client stores it in Sent. */
  RawMessage sent(Instant at, String to, String subject, String inReplyTo, String body) {
    return RawMessage.build(body,
        "Date", date(at),
        "From", CorpusOwner.FROM,
        "To", to,
        "Subject", subject,
        "Message-ID", CorpusOwner.messageId(at, random),
        "In-Reply-To", inReplyTo,
        "MIME-Version", "1.0",
        "Content-Type", "text/plain; charset=us-ascii",
        "User-Agent", "exmh version 2.5 07/13/2001");
  }

  /** {@code days} calendar days before the first scan, at that hour and minute in the owner's zone. */
  Instant workTime(int days, int hour, int minute) {
    ZonedDateTime day = firstScan.atZone(CorpusOwner.ZONE).minusDays(days);
    return day.withHour(hour).withMinute(minute).withSecond(0).withNano(0).toInstant();
  }

  static String date(Instant at) {
    return CorpusDates.format(at, CorpusOwner.ZONE.getRules().getOffset(at));
  }

  /** A display name with an apostrophe or comma must be quoted to stay one mailbox. */
  private static String quoteName(String mailbox) {
    int lt = mailbox.indexOf(" <");
    String name = mailbox.substring(0, lt);
    return name.matches("[A-Za-z0-9 ]*") ? mailbox : "\"" + name + "\"" + mailbox.substring(lt);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
