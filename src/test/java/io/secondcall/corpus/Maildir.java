package io.secondcall.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;

/**
 * Writes messages straight into a Dovecot user's Maildir: thousands of files take a second where
 * APPEND takes minutes. Dovecot finds them at the next sync of the folder and gives them UIDs;
 * the file's modification time becomes the INTERNALDATE, so it is set to the arrival time. Files
 * belong to the owner of the Maildir (the unprivileged mail user when the tests run as root).
 */
public final class Maildir {

  private final Path root;
  private final UserPrincipal owner;
  private int counter;

  /** @param root the Maildir, which Dovecot created at the user's first login */
  public Maildir(Path root) throws IOException {
    this.root = root;
    this.owner = Files.getOwner(root);
  }

  /** Adds one message to {@code folder} ("INBOX" or a folder name such as "Sent Items"). */
  public void add(String folder, byte[] message, Instant arrived, boolean seen) throws IOException {
    Path cur = folderDir(folder).resolve("cur");
    // The seconds first: Dovecot numbers files it has not seen before in that order.
    String name = arrived.getEpochSecond() + ".M" + (++counter) + "P1.corpus:2," + (seen ? "S" : "");
    Path tmp = folderDir(folder).resolve("tmp").resolve(name);
    Files.write(tmp, message);
    Files.setLastModifiedTime(tmp, FileTime.from(arrived));
    Files.setOwner(tmp, owner);
    Files.move(tmp, cur.resolve(name));
  }

  private Path folderDir(String folder) throws IOException {
    Path dir = folder.equalsIgnoreCase("INBOX") ? root : root.resolve("." + folder.replace('/', '.'));
    for (String sub : new String[] {"cur", "new", "tmp"}) {
      Path p = dir.resolve(sub);
      if (!Files.isDirectory(p)) {
        Files.createDirectories(p);
        Files.setOwner(dir, owner);
        Files.setOwner(p, owner);
      }
    }
    return dir;
  }
}
