package io.secondcall.calendar.ics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file so that a reader (a sync client, a calendar app, a crash) sees the old or the
 * new content and never half of it: a temp file in the same directory, fsync, atomic rename.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path file, byte[] content) throws IOException {
    // Through a symlink (say into a synced folder) the link stays and its target is replaced.
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      keepPermissions(target, temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
  }

  /** The temp file is created 0600; a rewritten calendar keeps the mode the user gave it. */
  private static void keepPermissions(Path original, Path temp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(original, PosixFileAttributeView.class);
    if (view != null && Files.exists(original)) {
      Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The content is already durable; only the rename might be lost on power failure.
    }
  }
}
