package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.MailFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one process read of Drafts is there for the next, for the same account and folder only. */
class TaggedIndexFilesTest {

  @TempDir Path state;

  private final TaggedIndex.Snapshot read =
      new TaggedIndex.Snapshot(1700000000L, 4711L, 42L, Map.of(7L, "c1.1", 9L, "c2.3", 12L, "odd id\r\nX-Evil: 1"));

  @Test
  void theNextProcessFindsWhatThisOneReadOwnerOnly() throws Exception {
    new TaggedIndexFiles(state, "dana@mail.example:993").save(MailFolder.DRAFTS, "Drafts", read);

    assertThat(new TaggedIndexFiles(state, "dana@mail.example:993").load(MailFolder.DRAFTS, "Drafts")).contains(read);
    Path file = state.resolve("imap-drafts.index");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file)).doesNotContain("X-Evil");
    try (var files = Files.list(state)) {
      assertThat(files).as("no partial file left").containsExactly(file);
    }
  }

  @Test
  void anotherAccountOrFolderStartsAfresh() {
    new TaggedIndexFiles(state, "dana@mail.example:993").save(MailFolder.DRAFTS, "Drafts", read);

    assertThat(new TaggedIndexFiles(state, "dana@other.example:993").load(MailFolder.DRAFTS, "Drafts")).isEmpty();
    assertThat(new TaggedIndexFiles(state, "dana@mail.example:993").load(MailFolder.DRAFTS, "Entw&APw-rfe")).isEmpty();
    assertThat(new TaggedIndexFiles(state, "dana@mail.example:993").load(MailFolder.INBOX, "Drafts")).isEmpty();
  }

  @Test
  void aDamagedFileCostsOneFullReadAndNothingElse() throws Exception {
    TaggedIndexFiles files = new TaggedIndexFiles(state, "dana@mail.example:993");
    files.save(MailFolder.DRAFTS, "Drafts", read);
    Path file = state.resolve("imap-drafts.index");
    Files.writeString(file, Files.readString(file).replace("uidnext 42", "uidnext forty-two"));

    assertThat(files.load(MailFolder.DRAFTS, "Drafts")).isEmpty();
  }

  @Test
  void aReadFromAServerWithoutCondstoreIsNotKept() {
    TaggedIndexFiles files = new TaggedIndexFiles(state, "dana@mail.example:993");
    files.save(MailFolder.DRAFTS, "Drafts", new TaggedIndex.Snapshot(1700000000L, -1, 42L, Map.of(7L, "c1.1")));

    assertThat(state.resolve("imap-drafts.index")).doesNotExist();
    assertThat(files.load(MailFolder.DRAFTS, "Drafts")).isEmpty();
  }

  @Test
  void withoutAStateDirectoryNothingIsKept() {
    TaggedIndexFiles files = new TaggedIndexFiles(null, "dana@mail.example:993");
    files.save(MailFolder.DRAFTS, "Drafts", read);

    assertThat(files.load(MailFolder.DRAFTS, "Drafts")).isEmpty();
  }
}
