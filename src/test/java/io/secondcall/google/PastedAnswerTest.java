package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** What a user may paste after the consent, and what each gives. */
class PastedAnswerTest {

  static String paste(String text) throws Exception {
    return new PastedAnswer(new BufferedReader(new StringReader(text))).waitForCode();
  }

  @Test
  void theWholeAddressFromTheAddressBar() throws Exception {
    assertThat(paste("http://127.0.0.1:8399/callback?code=4%2F0AbCd-ef_gh&scope=https%3A%2F%2Fwww.googleapis.com%2F"
        + "auth%2Fcalendar.events\n")).isEqualTo("4/0AbCd-ef_gh");
  }

  @Test
  void surroundingBlanksAndAStrayIssAreIgnored() throws Exception {
    assertThat(paste("   http://127.0.0.1:8399/callback?iss=https://accounts.google.com&code=4/0Ab&scope=x  \n"))
        .isEqualTo("4/0Ab");
  }

  @Test
  void theQueryAloneOrTheBareCode() throws Exception {
    assertThat(paste("?code=4%2F0Ab&scope=x")).isEqualTo("4/0Ab");
    assertThat(paste("code=4/0Ab")).isEqualTo("4/0Ab");
    assertThat(paste("4%2F0AbCd")).isEqualTo("4/0AbCd");
    assertThat(paste("4/0AbCd")).isEqualTo("4/0AbCd");
  }

  @Test
  void anErrorInTheAddressIsADeclinedConsent() {
    assertThatThrownBy(() -> paste("http://127.0.0.1:8399/callback?error=access_denied"))
        .isInstanceOf(ConsentDeclinedException.class).hasMessageContaining("access_denied");
  }

  @Test
  void somethingElseIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> paste("my password is hunter2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither the address").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> paste("http://127.0.0.1:8399/callback?state=x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no code=");
    assertThatThrownBy(() -> paste("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing was pasted");
  }
}
