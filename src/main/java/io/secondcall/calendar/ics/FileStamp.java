package io.secondcall.calendar.ics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What tells us the file changed without reading it: modification time and size, and the file key
 * (the inode), which an atomic replace always changes.
 */
record FileStamp(FileTime modified, long size, Object key) {

  /** The stamp of the file, or empty when there is no file. */
  static Optional<FileStamp> of(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
