package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the scopes a config needs a grant lacks, named for people. */
class GoogleScopesTest {

  @Test
  void whatAGrantLacksInTheOrderItIsNeeded() {
    List<String> needed = List.of(GoogleScopes.GMAIL_READONLY, GoogleScopes.GMAIL_COMPOSE, GoogleScopes.CALENDAR_EVENTS);

    assertThat(GoogleScopes.missing(GoogleScopes.CALENDAR_EVENTS + "  " + GoogleScopes.GMAIL_READONLY, needed))
        .containsExactly(GoogleScopes.GMAIL_COMPOSE);
    assertThat(GoogleScopes.missing(null, needed)).isEqualTo(needed);
    assertThat(GoogleScopes.missing(String.join(" ", needed), needed)).isEmpty();
  }

  @Test
  void namesLeaveOutGooglesPrefix() {
    assertThat(GoogleScopes.names(List.of(GoogleScopes.GMAIL_INSERT, GoogleScopes.GMAIL_LABELS)))
        .isEqualTo("gmail.insert, gmail.labels");
    assertThat(GoogleScopes.names(GoogleScopes.CALENDAR_EVENTS + " openid")).isEqualTo("calendar.events, openid");
    assertThat(GoogleScopes.names((String) null)).isEqualTo("none");
  }
}
