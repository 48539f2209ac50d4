package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.Profile;
import io.secondcall.core.MailMessage;
import io.secondcall.mail.gmail.MessageReader.Read;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is new in one folder, which on Gmail is a label: SENT, INBOX, the stop label. The first
 * read, or one after Gmail forgot the cursor's history id (404), lists the label over the
 * look-back window; later reads take the messages the cycle's history round added to the label.
 */
final class FolderReader {

  private static final Logger log = LoggerFactory.getLogger(FolderReader.class);

  private final GmailCalls calls;
  private final Labels labels;
  private final MessageReader reader;
  private final HistoryRounds history;
  private final String stopLabel;
  private final String label;

  /** @param stopLabel {@code followup.stop_folder}, the name of a label on Gmail */
  FolderReader(GmailCalls calls, Labels labels, MessageReader reader, HistoryRounds history, String stopLabel,
      String label) {
    this.calls = calls;
    this.labels = labels;
    this.reader = reader;
    this.history = history;
    this.stopLabel = stopLabel;
    this.label = label;
  }

  /** The id of the label a folder role is; empty when the stop label was not created yet. */
  Optional<String> labelId(MailFolder folder) {
    return switch (folder) {
      case SENT -> Optional.of("SENT");
      case INBOX -> Optional.of("INBOX");
      case DRAFTS -> Optional.of("DRAFT");
      case STOP -> labels.idOf(stopLabel);
    };
  }

  String labelName(MailFolder folder) {
    return folder == MailFolder.STOP ? stopLabel : labelId(folder).orElseThrow();
  }

  FolderChanges changes(MailFolder folder, SyncCursor cursor, Instant notBefore) {
    Optional<String> labelId = labelId(folder);
    if (labelId.isEmpty()) {
      return new FolderChanges(folder, cursor, false, List.of(), 0);
    }
    if (!GmailIds.isOurs(cursor)) {
      return fullRead(folder, cursor, notBefore);
    }
    HistoryRounds.Round round = history.since(folder, GmailIds.historyId(cursor));
    if (round.expired()) {
      log.info("{} Gmail no longer has history {}; reading {} again from {}", label, round.start(),
          labelName(folder), notBefore);
      return fullRead(folder, cursor, notBefore);
    }
    // Read again after the round: a label id the history showed first has been looked up by now.
    Optional<String> now = labelId(folder);
    if (now.isEmpty()) {
      return new FolderChanges(folder, cursor, false, List.of(), 0);
    }
    MessageReader.Batch batch = reader.read(round.addedTo(now.get()));
    // A stop is the label as it is now: one given and taken back again stops nothing.
    List<MailMessage> messages = batch.messages().stream()
        .filter(r -> folder != MailFolder.STOP || HistoryRounds.has(r.gmail(), now.get()))
        .map(Read::mail)
        .toList();
    log.debug("{} label {}: {} new, {} skipped", label, labelName(folder), messages.size(), batch.skipped());
    return new FolderChanges(folder, GmailIds.cursor(round.end()), false, messages, batch.skipped());
  }

  /**
   * Everything in the label dated inside the look-back window. The history id is taken first,
   * so what arrives while the label is listed comes again with the next history rather than never.
   * The search is by day ({@code after:} on Gmail's receive time), so it starts a day early and
   * the exact cut happens on the parsed date.
   */
  private FolderChanges fullRead(MailFolder folder, SyncCursor cursor, Instant notBefore) {
    Optional<String> current = folder == MailFolder.STOP ? labels.currentIdOf(stopLabel) : labelId(folder);
    if (current.isEmpty()) {
      return new FolderChanges(folder, cursor, false, List.of(), 0);
    }
    String labelId = current.get();
    Profile profile = calls.call(Method.GET_PROFILE, users -> users.getProfile("me"));
    String query = "after:" + notBefore.minus(Duration.ofDays(1)).getEpochSecond();
    List<String> ids = reader.list(labelId, query);
    MessageReader.Batch batch = reader.read(ids);
    List<MailMessage> messages = batch.messages().stream().map(Read::mail)
        .filter(m -> !m.date().isBefore(notBefore))
        .toList();
    log.debug("{} label {}: full read, {} listed, {} in the window, {} skipped", label, labelName(folder),
        ids.size(), messages.size(), batch.skipped());
    return new FolderChanges(folder, GmailIds.cursor(profile.getHistoryId()), true, messages, batch.skipped());
  }
}
