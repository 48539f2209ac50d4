package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.engine.PipelineView.Filter;
import io.secondcall.engine.PipelineView.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline's rows, filters and search, on Wednesday 2 December 2026 in Berlin. */
class PipelineViewTest extends EngineFixture {

  PipelineViewTest() {
    clock.set(at("2026-12-02T10:00"));
    save("due", "alice@acme.example", "Alice Martin", at("2026-11-30T10:00"), Conversation.Status.ACTIVE);
    save("later", "bob@globex.example", "Bob Chen", at("2026-12-02T09:00"), Conversation.Status.ACTIVE);
    save("answered", "carla@initech.example", "Carla Rossi", at("2026-11-20T10:00"), Conversation.Status.REPLIED);
    save("bounced", "dave@acme.example", null, at("2026-11-21T10:00"), Conversation.Status.BOUNCED);
  }

  private void save(String id, String address, String name, Instant sent, Conversation.Status status) {
    store.save(new Conversation(id, List.of(new EmailAddress(address, name)), "Subject " + id, "<" + id + "@x>",
        null, sent, sent, "<" + id + "@x>", List.of(), "", 1, 0, 0, null, status,
        status.isEnded() ? "why" : null, status.isEnded() ? sent.plusSeconds(3600) : null));
  }

  private List<String> ids(Filter filter, String search) {
    PipelineView view = new PipelineView(store, settings(), clock);
    return view.rows(search).stream().filter(r -> view.shows(filter, r)).map(r -> r.conversation().id()).toList();
  }

  @Test
  void everyConversationWithTheSoonestNextStepFirstThenTheEndedOnes() {
    assertThat(ids(Filter.ALL, "")).containsExactly("due", "later", "bounced", "answered");
  }

  @Test
  void filtersByWhatIsWaitingDueAnsweredOrEnded() {
    assertThat(ids(Filter.WAITING, "")).containsExactly("due", "later");
    // Alice's first step is due Thu 3 Dec; Bob's on Mon 7 Dec, next week.
    assertThat(ids(Filter.DUE_THIS_WEEK, "")).containsExactly("due");
    assertThat(ids(Filter.ANSWERED, "")).containsExactly("answered");
    assertThat(ids(Filter.ENDED, "")).containsExactly("bounced");
  }

  @Test
  void searchesByNameOrDomain() {
    assertThat(ids(Filter.ALL, "acme.example")).containsExactly("due", "bounced");
    assertThat(ids(Filter.ALL, " CHEN ")).containsExactly("later");
    assertThat(ids(Filter.ALL, "nobody")).isEmpty();
  }

  @Test
  void aRowCarriesItsTouchesAndWhatComesNext() {
    Row row = new PipelineView(store, settings(), clock).rows("alice").get(0);

    assertThat(row.touches()).containsExactly(at("2026-11-30T10:00"));
    assertThat(row.next().next()).isEqualTo("follow-up 1");
    assertThat(row.next().nextAt()).isEqualTo(at("2026-12-03T09:00"));
    assertThat(row.theirTime()).isNull();
    assertThat(row.outOfOffice()).isFalse();
  }
}
