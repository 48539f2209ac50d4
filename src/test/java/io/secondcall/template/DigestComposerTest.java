package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestComposerTest {

  static final EmailAddress DANA = new EmailAddress("dana@smith-consulting.example", "Dana Smith");

  @Test
  void subjectCountsEachKindAndBodyGroupsTheLines() throws Exception {
    Digest digest = new Digest("digest-20261120-0900", DANA, List.of(
        new DigestLine(DigestLine.DRAFT, "Alice Martin <alice@acme.example>: \"Proposal\", step 2, due Fri 20 Nov 09:00"),
        new DigestLine(DigestLine.BOUNCE, "carol@gone.example: \"Intro\" bounced, sequence ended"),
        new DigestLine(DigestLine.DRAFT, "Bob Stone <bob@beta.example>: \"Workshop\", step 1, due Fri 20 Nov 09:00"),
        new DigestLine(DigestLine.CALLBACK, "Call Alice Martin: Proposal, Mon 23 Nov 10:00-10:15"),
        new DigestLine(DigestLine.DRAFT, "Eve Long <eve@gamma.example>: \"Offer\", closing, due Fri 20 Nov 09:00")),
        Instant.parse("2026-11-20T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    MimeMessage m = DraftComposerTest.parse(DraftComposerTest.bytes(new DigestComposer().compose(digest)));

    assertThat(m.getSubject()).isEqualTo("secondcall: 3 follow-ups drafted, 1 callback booked, 1 bounce");
    assertThat(m.getHeader("X-Secondcall-Id")).containsExactly("digest-20261120-0900");
    InternetAddress dana = new InternetAddress("dana@smith-consulting.example", "Dana Smith");
    assertThat(m.getFrom()).containsExactly(dana);
    assertThat(m.getAllRecipients()).containsExactly(dana);
    String body = ((String) m.getContent()).replace("\r\n", "\n");
    assertThat(body).startsWith("secondcall, Friday, 20 November 2026 at 09:00 (Europe/Berlin)\n")
        .contains("Follow-up drafts, in your Drafts folder to review and send (3):\n"
            + "  - Alice Martin <alice@acme.example>: \"Proposal\", step 2, due Fri 20 Nov 09:00\n"
            + "  - Bob Stone <bob@beta.example>: \"Workshop\", step 1, due Fri 20 Nov 09:00\n"
            + "  - Eve Long <eve@gamma.example>: \"Offer\", closing, due Fri 20 Nov 09:00\n")
        .contains("Callback blocks in your calendar (1):\n  - Call Alice Martin: Proposal, Mon 23 Nov 10:00-10:15\n")
        .contains("(1):\n  - carol@gone.example: \"Intro\" bounced, sequence ended\n")
        .contains("Nothing was sent to anyone");
    assertThat(body.indexOf("Follow-up drafts")).isLessThan(body.indexOf("Callback blocks"));
    assertThat(body.indexOf("Callback blocks")).isLessThan(body.indexOf("Bounces"));
  }

  @Test
  void singleProblemDigestReadsNaturally() throws Exception {
    Digest digest = new Digest("d2", DANA, List.of(
        new DigestLine(DigestLine.LOGIN, "IMAP login to mail.example failed\r\nsince 08:00"),
        new DigestLine("note", "Alice Martin: a kind this version does not know")),
        Instant.parse("2026-11-20T08:00:00Z"), ZoneId.of("UTC"));

    MimeMessage m = new DigestComposer().compose(digest);

    assertThat(m.getSubject()).isEqualTo("secondcall: 1 login problem, 1 note");
    String body = (String) m.getContent();
    assertThat(body).contains("Needs your attention (1):\r\n  - IMAP login to mail.example failed since 08:00\r\n")
        .contains("Other (note) (1):\r\n  - Alice Martin: a kind this version does not know")
        .doesNotContain("Nothing was sent");
  }

  @Test
  void noLineBreakOfAnyKindForgesADigestLine() throws Exception {
    List<DigestLine> lines = List.of("\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029").stream()
        .map(br -> new DigestLine(DigestLine.DRAFT, "J\u00fcrgen <j@x.example>: \"Offer" + br + "  - forged line\u202E\""))
        .toList();
    Digest digest = new Digest("d3", DANA, lines, Instant.parse("2026-11-20T08:00:00Z"), ZoneId.of("UTC"));

    String body = (String) DraftComposerTest.parse(DraftComposerTest.bytes(new DigestComposer().compose(digest))).getContent();

    assertThat(body.split("\r\n")).filteredOn(l -> l.contains("forged")).hasSize(6)
        .allMatch(l -> l.equals("  - J\u00fcrgen <j@x.example>: \"Offer   - forged line\""));
    assertThat(body).doesNotContain("\u0085", "\u2028", "\u2029", "\u202E");
  }
}
