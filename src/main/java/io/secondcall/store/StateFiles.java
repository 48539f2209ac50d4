package io.secondcall.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the state directory (0700) and database file (0600) before SQLite opens it: the
 * database holds mail excerpts and contacts, which other local users must not read. SQLite
 * gives its {@code -wal} and {@code -shm} files the database file's mode.
 */
final class StateFiles {

  static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  private StateFiles() {}

  /** Returns the absolute path of {@code fileName} in {@code directory}, both created if missing. */
  static Path prepare(Path directory, String fileName) {
    Path dir = directory.toAbsolutePath().normalize();
    Path file = dir.resolve(fileName);
    try {
      prepareDirectory(dir);
      if (!Files.exists(file)) {
        createFile(file);
      }
      return file;
    } catch (IOException e) {
      throw new StateStoreException(file.toString(), "cannot create it: " + e, e);
    }
  }

  /** Creates {@code dir} (0700) and its parents when missing. */
  static void prepareDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (dir.getParent() != null) {
        Files.createDirectories(dir.getParent());
      }
      createDirectory(dir);
    }
  }

  private static void createDirectory(Path dir) throws IOException {
    try {
      Files.createDirectory(dir, attributes(dir.getFileSystem(), DIRECTORY_MODE));
    } catch (FileAlreadyExistsException e) {
      // Created concurrently by another process: fine, it is there.
    }
  }

  private static void createFile(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(file.getFileSystem(), FILE_MODE));
    } catch (FileAlreadyExistsException e) {
      // Created concurrently by another process: fine, it is there.
    }
  }

  static FileAttribute<?>[] attributes(FileSystem fs, Set<PosixFilePermission> mode) {
    if (fs.supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
    }
    return new FileAttribute<?>[0];
  }
}
