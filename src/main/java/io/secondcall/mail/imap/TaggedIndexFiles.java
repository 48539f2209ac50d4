package io.secondcall.mail.imap;

import io.secondcall.port.MailFolder;
import io.secondcall.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TaggedIndex} of each folder between processes, so that a {@code scan} reads
 * a Drafts folder that changed as what changed, as {@code run} does: one small file per folder in
 * the state directory, {@code imap-drafts.index}, made by its owner alone (the state directory
 * is 0700 and the files 0600). A file names the account and folder it was made for, and is not
 * used for another; one that cannot be read is ignored, which costs one full read and nothing
 * else. Written through {@link AtomicFiles}, so that a crash leaves the old one or the new.
 * The ids, which come from mail headers, are stored in Base64.
 */
final class TaggedIndexFiles {

  private static final Logger log = LoggerFactory.getLogger(TaggedIndexFiles.class);
  private static final String MAGIC = "secondcall tagged-index 1";

  private final Path directory;
  private final String account;

  /** @param directory the state directory, or null to keep nothing between processes */
  TaggedIndexFiles(Path directory, String account) {
    this.directory = directory;
    this.account = account;
  }

  /** What an earlier process read of this folder, when it was this account's and this folder's. */
  Optional<TaggedIndex.Snapshot> load(MailFolder role, String folderName) {
    if (directory == null) {
      return Optional.empty();
    }
    Path file = file(role);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), folderName);
    } catch (IOException | RuntimeException e) {
      log.debug("{} ignored (read all of {} again): {}", file, folderName, e.toString());
      return Optional.empty();
    }
  }

  /** Keeps {@code snapshot} for the next process; a failure only costs that process a full read. */
  void save(MailFolder role, String folderName, TaggedIndex.Snapshot snapshot) {
    if (directory == null || !snapshot.usable()) {
      return;
    }
    Path file = file(role);
    byte[] content = (String.join("\n", format(folderName, snapshot)) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(file, out -> out.write(content));
    } catch (IOException | RuntimeException e) {
      log.debug("{} not written: {}", file, e.toString());
    }
  }

  private Path file(MailFolder role) {
    return directory.resolve("imap-" + role.name().toLowerCase(Locale.ROOT) + ".index");
  }

  private List<String> format(String folderName, TaggedIndex.Snapshot s) {
    List<String> lines = new ArrayList<>(List.of(MAGIC, "account " + encode(account), "folder " + encode(folderName),
        "uidvalidity " + s.uidValidity(), "highestmodseq " + s.highestModSeq(), "uidnext " + s.uidNext()));
    s.idsByUid().forEach((uid, id) -> lines.add(uid + " " + encode(id)));
    return lines;
  }

  private Optional<TaggedIndex.Snapshot> parse(List<String> lines, String folderName) {
    if (lines.size() < 6 || !lines.get(0).equals(MAGIC)
        || !lines.get(1).equals("account " + encode(account)) || !lines.get(2).equals("folder " + encode(folderName))) {
      return Optional.empty();
    }
    long uidValidity = number(lines.get(3), "uidvalidity ");
    long highestModSeq = number(lines.get(4), "highestmodseq ");
    long uidNext = number(lines.get(5), "uidnext ");
    Map<Long, String> ids = new HashMap<>();
    for (String line : lines.subList(6, lines.size())) {
      int space = line.indexOf(' ');
      ids.put(Long.parseLong(line.substring(0, space)), decode(line.substring(space + 1)));
    }
    TaggedIndex.Snapshot snapshot = new TaggedIndex.Snapshot(uidValidity, highestModSeq, uidNext, ids);
    return snapshot.usable() ? Optional.of(snapshot) : Optional.empty();
  }

  private static long number(String line, String key) {
    if (!line.startsWith(key)) {
      throw new IllegalArgumentException("expected " + key.strip());
    }
    return Long.parseLong(line.substring(key.length()));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
