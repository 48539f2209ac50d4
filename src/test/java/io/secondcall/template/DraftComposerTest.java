package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Subjects;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DraftComposerTest {

  static final EmailAddress DANA = new EmailAddress("dana@smith-consulting.example", "Dana Smith");
  static final EmailAddress ALICE = new EmailAddress("alice@acme.example", "Alice Martin");
  static final Instant DATE = Instant.parse("2026-11-20T08:00:00Z");

  final DraftComposer composer = new DraftComposer();

  static Draft draft(EmailAddress to, String subject, String inReplyTo, List<String> refs, String body) {
    return new Draft("c0123456789abcdef.2", DANA, List.of(to), List.of(), subject, inReplyTo, refs, body, DATE);
  }

  /** Writes the message out and parses the bytes back, as a mail server would. */
  static byte[] bytes(MimeMessage m) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  static MimeMessage parse(byte[] raw) throws MessagingException {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }

  static String headerSection(byte[] raw) {
    String text = new String(raw, StandardCharsets.US_ASCII);
    return text.substring(0, text.indexOf("\r\n\r\n") + 2);
  }

  @Test
  void replyIsThreadedAndIdentifiable() throws Exception {
    MimeMessage m = parse(bytes(composer.compose(draft(ALICE, "Re: RE: AW: Proposal", "m2@acme.example",
        List.of("m0@smith-consulting.example", "m1@smith-consulting.example"), "Hi Alice,\n\nA short nudge.\n"))));

    assertThat(m.getHeader("Subject")).containsExactly("Re: Proposal");
    assertThat(m.getSubject()).isEqualTo("Re: Proposal");
    assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<m2@acme.example>");
    assertThat(MimeUtility.unfold(m.getHeader("References", null)).split("\\s+")).containsExactly(
        "<m0@smith-consulting.example>", "<m1@smith-consulting.example>", "<m2@acme.example>");
    assertThat(m.getHeader("X-Secondcall-Id")).containsExactly("c0123456789abcdef.2");
    assertThat(m.getHeader("Message-ID", null))
        .matches("<secondcall\\.c0123456789abcdef\\.2\\.[0-9a-f]{16}@smith-consulting\\.example>");
    assertThat(m.getHeader("Auto-Submitted")).isNull();
    assertThat(m.getFrom()).containsExactly(new InternetAddress("dana@smith-consulting.example", "Dana Smith"));
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("alice@acme.example");
    assertThat(m.getSentDate().toInstant()).isEqualTo(DATE);
    assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(m.getContent()).isEqualTo("Hi Alice,\r\n\r\nA short nudge.\r\n");
  }

  @Test
  void eachDraftGetsAFreshMessageId() throws Exception {
    Draft d = draft(ALICE, "Proposal", "m2@acme.example", List.of(), "x");
    assertThat(composer.compose(d).getMessageID()).isNotEqualTo(composer.compose(d).getMessageID());
  }

  @Test
  void ccAndForwardPrefixesAreHandled() throws Exception {
    Draft d = new Draft("c1.1", DANA, List.of(ALICE), List.of(EmailAddress.of("bob@acme.example")),
        "Fwd: Sv: Re[2]: Workshop dates", null, List.of(), "Hello", DATE);
    MimeMessage m = parse(bytes(composer.compose(d)));

    assertThat(m.getSubject()).isEqualTo("Re: Workshop dates");
    assertThat(m.getRecipients(Message.RecipientType.CC)).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("bob@acme.example");
    assertThat(m.getHeader("In-Reply-To")).isNull();
    assertThat(m.getHeader("References")).isNull();
  }

  /** The conversation stores Subjects.strip of the sent subject; its draft must say "Re: " and exactly that. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"R: Offerta", "RIF: Offerta", "RES: Proposta", "Antwort: Angebot", "Re^2: Proposal",
      "RE: AW: Re[3]: Enc: Proposal", "Proposal"})
  void theDraftSubjectIsReAndTheStoredSubject(String sentSubject) throws Exception {
    String stored = Subjects.strip(sentSubject);

    for (String original : List.of(sentSubject, stored)) {
      MimeMessage m = parse(bytes(composer.compose(draft(ALICE, original, "m2@acme.example", List.of(), "x"))));
      assertThat(m.getSubject()).isEqualTo("Re: " + stored);
    }
  }

  @Test
  void nonAsciiSubjectNameAndBodyAreEncodedSoTheRawHeadersAreAscii() throws Exception {
    EmailAddress juergen = new EmailAddress("j.mueller@firma.example", "Jürgen Müller");
    String body = "Hallo Jürgen,\n\nkurze Nachfrage zu unserem Angebot – grüße!\n";
    byte[] raw = bytes(composer.compose(draft(juergen, "AW: Angebot für Müller GmbH", "m1@firma.example", List.of(), body)));

    for (byte b : raw) {
      assertThat(b & 0xff).as("every byte of the message is ASCII").isLessThan(0x80);
    }
    String headers = headerSection(raw);
    assertThat(headers).contains("=?UTF-8?").contains("Content-Transfer-Encoding: quoted-printable");
    MimeMessage m = parse(raw);
    assertThat(m.getSubject()).isEqualTo("Re: Angebot für Müller GmbH");
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Jürgen Müller");
    assertThat(m.getContent()).isEqualTo(body.replace("\n", "\r\n"));
  }

  @Test
  void encodedCrLfInNameAndSubjectDoesNotInjectHeaders() throws Exception {
    String evil = MimeUtility.decodeText("=?UTF-8?Q?Alice=0D=0ABcc:_evil@x.example?=");
    assertThat(evil).isEqualTo("Alice\r\nBcc: evil@x.example");
    EmailAddress to = new EmailAddress("alice@acme.example", evil);

    byte[] raw = bytes(composer.compose(draft(to, "Proposal " + evil + "\nX-Injected: 1", "m2@acme.example", List.of(), "Hi")));

    MimeMessage m = parse(raw);
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("X-Injected")).isNull();
    assertThat(m.getHeader("Subject")).hasSize(1);
    assertThat(m.getSubject()).isEqualTo("Re: Proposal Alice Bcc: evil@x.example X-Injected: 1");
    assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
        .isEqualTo("Alice Bcc: evil@x.example");
    assertThat(headerSection(raw).lines()).noneMatch(l -> l.regionMatches(true, 0, "Bcc:", 0, 4));
  }

  /** A subject that decoded to another encoded word reaches the reader as that text, not as what it encodes. */
  @Test
  void aSubjectThatDecodedToAnEncodedWordIsNotDecodedAgainByTheClient() throws Exception {
    String nested = "=?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=";

    byte[] raw = bytes(composer.compose(draft(ALICE, nested, "m2@acme.example", List.of(), "Hi")));

    assertThat(headerSection(raw)).doesNotContain("=?utf-8?q?");
    MimeMessage m = parse(raw);
    assertThat(m.getSubject()).isEqualTo("Re: = ?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=");
    assertThat(m.getHeader("Bcc")).isNull();
  }

  @Test
  void theBodyKeepsNoControlCharacterButNewlinesAndTabs() throws Exception {
    String body = "Hi J\u00fcrgen\u001B[2J,\r\nyou wrote: \"Invoice \u202Efdp.exe\u0085ok\"\n\tBest\u0000\n";

    MimeMessage m = parse(bytes(composer.compose(draft(ALICE, "Proposal", null, List.of(), body))));

    assertThat(m.getContent()).isEqualTo("Hi J\u00fcrgen[2J,\r\nyou wrote: \"Invoice fdp.exe\r\nok\"\r\n\tBest\r\n");
  }

  @Test
  void secondcallIdCannotCarryAHeaderEither() throws Exception {
    Draft d = new Draft("c1.2\r\nBcc: evil@x.example", DANA, List.of(ALICE), List.of(), "Proposal", null,
        List.of(), "Hi", DATE);

    MimeMessage m = parse(bytes(composer.compose(d)));

    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("X-Secondcall-Id")).containsExactly("c1.2 Bcc: evil@x.example");
  }

  @Test
  void messageIdsWithLineBreaksOrBracketsAreDropped() throws Exception {
    byte[] raw = bytes(composer.compose(draft(ALICE, "Proposal", "m2@acme.example\r\nBcc: evil@x.example",
        List.of("ok@acme.example", "bad <x>@acme.example", "also\nbad@acme.example", "<bracketed@acme.example>"), "Hi")));

    MimeMessage m = parse(raw);
    assertThat(m.getHeader("In-Reply-To")).isNull();
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("References", null)).isEqualTo("<ok@acme.example> <bracketed@acme.example>");
  }

  @Test
  void referencesAreDedupedAndCappedKeepingRootAndNewest() {
    List<String> many = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "m" + i + "@x.example").toList());
    many.add("m29@x.example");

    List<String> refs = DraftComposer.references(many, "m5@x.example");

    assertThat(refs).hasSize(DraftComposer.MAX_REFERENCES).doesNotHaveDuplicates();
    assertThat(refs.get(0)).isEqualTo("<m0@x.example>");
    assertThat(refs.get(refs.size() - 1)).isEqualTo("<m5@x.example>");
    assertThat(refs.get(refs.size() - 2)).isEqualTo("<m29@x.example>");
  }
}
