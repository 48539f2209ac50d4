package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Friday 20 November 2026, 09:00 in Berlin.
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), BERLIN);
  // Tuesday 17 November 2026, 15:30 in Berlin.
  static final Instant LAST_TOUCH = Instant.parse("2026-11-17T14:30:00Z");

  static DraftContext alice(int step) {
    return DraftContext.of(new EmailAddress("alice.martin@acme.example", "Alice Martin"),
            "Re: RE: Proposal for the Q1 workshop", LAST_TOUCH,
            "Hi Alice,\n\nAs promised, here is the proposal for the Q1 workshop. It covers two days on site.\n\n"
                + "Best,\nDana\n-- \nDana Smith\n",
            step, "Dana Smith", "Dana Smith\nSmith Consulting\n+49 30 1234567")
        .withContactInfo(null, "Acme");
  }

  @Test
  void builtInTemplatesRenderEveryKindWithRealisticValuesAndDifferentBodies() {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    List<String> bodies = List.of(
        t.render(StepKind.FOLLOW_UP, 1, alice(1)),
        t.render(StepKind.FOLLOW_UP, 2, alice(2)),
        t.render(StepKind.FOLLOW_UP, 3, alice(3)),
        t.render(StepKind.CLOSING, 4, alice(4)),
        t.render(StepKind.NURTURE, 5, alice(5)));

    Set<String> distinct = new HashSet<>(bodies);
    assertThat(distinct).hasSize(5);
    for (String body : bodies) {
      assertThat(body).startsWith("Hi Alice,\n\n")
          .contains("Proposal for the Q1 workshop")
          .doesNotContain("Re:", "RE:", "{{", "}}", "\n\n\n", "&#", "&amp;")
          .endsWith("Dana Smith\nSmith Consulting\n+49 30 1234567\n");
    }
    assertThat(bodies.get(0))
        .contains("my note of Tuesday, 17 November")
        .contains("\n> As promised, here is the proposal for the Q1 workshop.\n\n");
    assertThat(bodies.get(1)).contains("3 days ago (Tuesday, 17 November)", "Acme's priorities")
        .contains("As a reminder: \"It covers two days on site.\"");
    assertThat(bodies.get(3)).contains("close the file", "reply to this email");
    assertThat(bodies.get(4)).contains("the team at Acme");
  }

  @Test
  void optionalVariablesFillSectionsWhenPresent() {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    DraftContext ctx = alice(1)
        .withMeeting("Intro call", Instant.parse("2026-11-16T10:00:00Z"))
        .withCallback(Instant.parse("2026-11-26T09:30:00Z"));

    String body = t.render(StepKind.FOLLOW_UP, 1, ctx);

    assertThat(body).contains("\"Intro call\" on Monday, 16 November")
        .contains("by phone on Thursday, 26 November at 10:30")
        .doesNotContain("my note of");
  }

  @Test
  void greetingFallsBackWhenFirstNameIsUnknown() {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    DraftContext ctx = DraftContext.of(EmailAddress.of("info@acme.example"), "Proposal", LAST_TOUCH,
        null, 1, "Dana Smith", null);

    for (StepKind kind : StepKind.values()) {
      String body = t.render(kind, 1, ctx);
      assertThat(body).startsWith("Hello,\n").doesNotContain("Hi ,", "Hi  ", "\n\n\n")
          .endsWith("\nDana Smith\n");
      // Nothing to quote; a recap leaves the user a marked gap to fill.
      assertThat(body.lines().filter(l -> l.startsWith("> ")).toList())
          .isEqualTo(kind == StepKind.RECAP ? List.of("> [what we agreed]") : List.of());
    }
  }

  @Test
  void cadenceLongerThanTheTemplatesUsesTheHighestStepBelow() {
    Templates builtIn = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    assertThat(builtIn.render(StepKind.FOLLOW_UP, 5, alice(5)))
        .isEqualTo(builtIn.render(StepKind.FOLLOW_UP, 3, alice(5)));
  }

  @Test
  void fileInTemplatesDirOverridesTheBuiltInOfTheSameNameOnly(@TempDir Path dir) throws IOException {
    write(dir, "step2.mustache", "Custom {{step}} for {{contact_name}} <{{subject}}> & co\n");
    write(dir, "step5.mustache", "Fifth: {{subject}}\n");
    Templates t = Templates.load(dir, BERLIN, NOW, Locale.ENGLISH);
    Templates builtIn = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);

    assertThat(t.render(StepKind.FOLLOW_UP, 2, alice(2)))
        .isEqualTo("Custom 2 for Alice Martin <Proposal for the Q1 workshop> & co\n");
    assertThat(t.render(StepKind.FOLLOW_UP, 1, alice(1))).isEqualTo(builtIn.render(StepKind.FOLLOW_UP, 1, alice(1)));
    assertThat(t.render(StepKind.FOLLOW_UP, 4, alice(4))).isEqualTo(builtIn.render(StepKind.FOLLOW_UP, 3, alice(4)));
    assertThat(t.render(StepKind.FOLLOW_UP, 6, alice(6))).isEqualTo("Fifth: Proposal for the Q1 workshop\n");
    assertThat(t.render(StepKind.CLOSING, 4, alice(4))).isEqualTo(builtIn.render(StepKind.CLOSING, 4, alice(4)));
  }

  @Test
  void unknownVariableIsAOneLineErrorNamingFileAndVariable(@TempDir Path dir) throws IOException {
    Path file = write(dir, "step2.mustache", "Hi {{contact_firstname}},\n\nmore text\n");

    assertThatThrownBy(() -> Templates.load(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessage(file + ": unknown variable \"contact_firstname\" (known: greeting, contact_first_name,"
            + " contact_name, company, subject, last_touch_date, last_touch_ago, quote, recap, step, my_name,"
            + " sign_off, signature, meeting_title, meeting_date, callback_time)");
  }

  @Test
  void unknownVariableInsideASectionIsFoundToo(@TempDir Path dir) throws IOException {
    Path file = write(dir, "closing.mustache", "{{#quote}}{{^company}}{{sender}}{{/company}}{{/quote}}\n");

    assertThatThrownBy(() -> Templates.load(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": unknown variable \"sender\"");
  }

  @Test
  void unknownSectionNameIsAnError(@TempDir Path dir) throws IOException {
    Path file = write(dir, "nurture.mustache", "{{#has_phone}}call me{{/has_phone}}\n");

    assertThatThrownBy(() -> Templates.load(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": unknown variable \"has_phone\"");
  }

  @Test
  void syntaxErrorIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = write(dir, "step1.mustache", "Hi {{#contact_first_name}}{{contact_first_name}},\n\nbye\n");

    assertThatThrownBy(() -> Templates.load(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": template syntax error: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
  }

  @Test
  void partialsAreRefused(@TempDir Path dir) throws IOException {
    Path file = write(dir, "step3.mustache", "{{> footer}}\n");

    assertThatThrownBy(() -> Templates.load(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": partials are not supported");
  }

  @Test
  void missingTemplatesDirIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> Templates.load(missing))
        .isInstanceOf(TemplateException.class)
        .hasMessage(missing + ": templates_dir is not a directory");
  }

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
