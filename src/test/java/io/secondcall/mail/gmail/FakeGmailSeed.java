package io.secondcall.mail.gmail;

import io.secondcall.mail.MailSeed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Seeds the fake Gmail mailbox straight into its store, as mail arriving or written elsewhere:
 * a message in the DRAFT label is a draft, one in the inbox arrives unread. Folders are labels,
 * by name. The receive time is the message's Date where it has one, as when mail is imported.
 */
final class FakeGmailSeed implements MailSeed {

  private final FakeGmailStore store;
  private final Clock clock;

  FakeGmailSeed(FakeGmailStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public long append(String folder, byte[] raw) {
    String label = store.label(folder);
    Instant date = new FakeGmailMessage(raw).date();
    long received = (date == null ? clock.instant() : date).toEpochMilli();
    String id;
    if (label.equals("DRAFT")) {
      String draftId = store.createDraft(raw, null, received);
      id = store.drafts().get(draftId);
    } else {
      List<String> labels = label.equals("INBOX") ? List.of("INBOX", "UNREAD") : List.of(label);
      id = store.add(raw, labels, null, received).id;
    }
    return GmailIds.uid(id);
  }

  @Override
  public void create(String folder) {
    store.label(folder);
  }

  @Override
  public void delete(String folder) {
    store.deleteLabel(folder);
  }

  @Override
  public long position(String folder) {
    return store.historyId();
  }

  @Override
  public long uidValidity(String folder) {
    return GmailIds.VALIDITY;
  }

  @Override
  public List<Stored> list(String folder) {
    String label = store.label(folder);
    return store.all().stream()
        .filter(m -> m.labels.contains(label))
        .map(m -> new Stored(GmailIds.uid(m.id), m.labels.contains("DRAFT"), !m.labels.contains("UNREAD"),
            m.parsed.header("X-Secondcall-Id"), m.parsed.subject()))
        .toList();
  }

  @Override
  public void close() {}
}
