package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Headers of real list traffic (Mailman 2 and 3, ezmlm, majordomo, Google Groups) as the corpus shows them. */
class MailingListsTest {

  private static MailMessage.Builder mail() {
    return MailMessage.builder("m1@example.org", Instant.parse("2002-08-22T10:00:00Z"))
        .from("someone@example.org").to("exmh-workers@redhat.com").cc("kre@munnari.oz.au");
  }

  private static java.util.List<String> lists(MailMessage m) {
    return MailingLists.provenBy(m).stream().map(e -> e.address().address() + " " + e.header()).toList();
  }

  @Test
  void mailman2ShowsItsListInXBeenThereSenderAndListPost() {
    MailMessage m = mail().header("x-beenthere", "exmh-workers@redhat.com")
        .header("sender", "exmh-workers-admin@redhat.com")
        .header("list-post", "<mailto:exmh-workers@redhat.com>")
        .header("list-id", "Discussion list for EXMH developers <exmh-workers.redhat.com>").build();

    assertThat(lists(m)).containsExactly("exmh-workers@redhat.com List-Post");
  }

  @Test
  void aListIdNamesTheRecipientThatIsTheListAndNoOneElse() {
    MailMessage m = mail().header("list-id", "<exmh-workers.redhat.com>").build();

    assertThat(lists(m)).containsExactly("exmh-workers@redhat.com List-Id");
  }

  @Test
  void mailman3AndMajordomoBounceSendersNameTheirList() {
    assertThat(lists(mail().header("sender", "\"razor\" <razor-users-bounces@lists.sf.net>").build()))
        .containsExactly("razor-users@lists.sf.net Sender");
    assertThat(lists(mail().header("sender", "owner-linux-kernel@vger.kernel.org").build()))
        .containsExactly("linux-kernel@vger.kernel.org Sender");
  }

  @Test
  void ezmlmAndYahooGroupsNameTheirListInMailingList() {
    MailMessage m = mail().header("mailing-list", "contact ntknow-help@lists.ntk.net; run by ezmlm").build();
    assertThat(lists(m)).containsExactly("ntknow@lists.ntk.net Mailing-List");
    m = mail().header("mailing-list", "list zzzzteana@yahoogroups.com; contact zzzzteana-owner@yahoogroups.com").build();
    assertThat(lists(m)).containsExactly("zzzzteana@yahoogroups.com Mailing-List");
  }

  @Test
  void aListIdMayNameAnotherHostOfTheSameSite() {
    MailMessage m = MailMessage.builder("m2@example.org", Instant.parse("2002-08-22T10:00:00Z"))
        .from("someone@example.org").to("spamassassin-talk@lists.sourceforge.net")
        .header("list-id", "Talk about SpamAssassin <spamassassin-talk.example.sourceforge.net>").build();
    assertThat(lists(m)).containsExactly("spamassassin-talk@lists.sourceforge.net List-Id");
  }

  @Test
  void personalMailProvesNothing() {
    MailMessage m = mail().header("sender", "Alice <alice@acme.example>").build();
    assertThat(MailingLists.provenBy(m)).isEmpty();
  }
}
