package io.secondcall.engine;

import io.secondcall.core.Ids;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.template.Digest;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DigestLine;
import java.util.List;
import java.util.Optional;

/**
 * Delivers one digest per cycle that had something to report. The digest id is recorded with
 * its entries before the APPEND; after a crash the inbox says whether it landed, so the user
 * gets each entry exactly once.
 */
final class Digests {

  static final String INFLIGHT = "digest.inflight";

  private final CycleRun run;
  private final DigestComposer composer;

  Digests(CycleRun run, DigestComposer composer) {
    this.run = run;
    this.composer = composer;
  }

  void deliver() {
    Optional<String> inflight = run.store.meta(INFLIGHT);
    if (inflight.isPresent()) {
      String id = inflight.get();
      if (!run.mail.secondcallIds(MailFolder.INBOX).contains(id)) {
        append(id, run.store.digestEntries(id));
      }
      run.store.setMeta(INFLIGHT, null);
    }
    List<DigestEntry> pending = run.store.pendingDigestEntries();
    if (pending.isEmpty()) {
      return;
    }
    List<String> keys = pending.stream().map(DigestEntry::key).toList();
    String id = "digest-" + Ids.sha256Hex(String.join("\n", keys)).substring(0, 16);
    run.store.inTransaction(() -> {
      run.store.markDigestDelivered(keys, id);
      run.store.setMeta(INFLIGHT, id);
    });
    append(id, pending);
    run.store.setMeta(INFLIGHT, null);
    run.record(new Action(Action.Kind.DIGEST, "", run.settings.me().address(), "", pending.size() + " item(s)", run.now));
  }

  private void append(String id, List<DigestEntry> entries) {
    List<DigestLine> lines = entries.stream().map(e -> new DigestLine(e.kind(), e.text())).toList();
    run.sink.deliverToInbox(composer.compose(new Digest(id, run.settings.me(), lines, run.now, run.zone())));
  }
}
