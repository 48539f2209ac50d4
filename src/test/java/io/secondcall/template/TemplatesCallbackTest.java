package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callback section of a template: talking points for the call block, never part of the draft. */
class TemplatesCallbackTest {

  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;

  static DraftContext context() {
    return DraftContext.of(new EmailAddress("alice@acme.example", "Alice Martin"), "Proposal",
        Instant.parse("2026-11-30T10:00:00Z"), "Here is the proposal.", 1, "Dana Weber", "Dana");
  }

  Templates templates(Path dirOrNull) {
    return Templates.load(dirOrNull, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC), Locale.ENGLISH);
  }

  @Test
  void builtInTemplatesHaveTalkingPointsThatStayOutOfTheDraft() {
    Templates t = templates(null);
    for (StepKind kind : StepKind.values()) {
      String body = t.render(kind, 1, context());
      String points = t.renderCallback(kind, 1, context());
      assertThat(body).doesNotContain(Templates.CALLBACK_MARKER).doesNotContain("- ");
      assertThat(points).as(kind.name()).isNotBlank().startsWith("- ").doesNotContain(Templates.CALLBACK_MARKER);
    }
    assertThat(t.renderCallback(StepKind.FOLLOW_UP, 1, context())).contains("Proposal").contains("Alice");
  }

  @Test
  void aTemplateWithoutTheMarkerHasNoTalkingPoints() throws Exception {
    Files.writeString(dir.resolve("step1.mustache"), "Hi {{contact_first_name}}, any news?\n");
    Templates t = templates(dir);
    assertThat(t.render(StepKind.FOLLOW_UP, 1, context())).isEqualTo("Hi Alice, any news?\n");
    assertThat(t.renderCallback(StepKind.FOLLOW_UP, 1, context())).isEmpty();
  }

  @Test
  void anUnknownVariableInTheCallbackPartIsRefusedAtLoad() throws Exception {
    Files.writeString(dir.resolve("step2.mustache"), "Hello\n--- callback ---\n- ask {{contact_nick}}\n");
    assertThatThrownBy(() -> templates(dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("step2.mustache").hasMessageContaining("contact_nick");
  }
}
