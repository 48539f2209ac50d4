package io.secondcall.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in the state directory replaced whole: written beside their target, readable by the owner
 * alone, then renamed over it, so that a reader, a second process or a crash finds the old file or
 * the new one, never part of one.
 */
public final class AtomicFiles {

  /** Writes the content of a file. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Replaces {@code target} (mode 0600 where the file system has modes) with what {@code content} writes. */
  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial",
        StateFiles.attributes(dir.getFileSystem(), StateFiles.FILE_MODE));
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        content.writeTo(out);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
