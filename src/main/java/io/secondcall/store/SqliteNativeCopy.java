package io.secondcall.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library unpacked in the state directory. Left to itself, sqlite-jdbc
 * looks up which of its libraries suits this system (it lists every file the JVM has mapped, to
 * tell musl from glibc), unpacks it from the jar into a new file and reads both back to compare
 * them, at every start: a tenth of the wall time of a scan that finds nothing new (BENCHMARKS.md).
 * Here that is done once per sqlite-jdbc version and processor architecture, whose names the copy
 * carries, so an upgrade brings its own copy. It is written through {@link AtomicFiles}, so that
 * a crash or two processes at once never leave a partial library under the final name. Nothing here is needed for correctness: when anything fails, sqlite-jdbc unpacks the
 * library itself as before.
 */
final class SqliteNativeCopy {

  private static final Logger log = LoggerFactory.getLogger(SqliteNativeCopy.class);
  static final String DIRECTORY = "native";
  private static final String PATH_PROPERTY = "org.sqlite.lib.path";
  private static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private static boolean settled;

  private SqliteNativeCopy() {}

  /**
   * Points sqlite-jdbc at the copy under {@code stateDir/native}, unpacking it first when it is
   * not there, unless this JVM already chose (a library loaded, or the properties set by the user).
   */
  static synchronized void useCopyIn(Path stateDir) {
    if (settled || System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    settled = true;
    try {
      prepare(stateDir.resolve(DIRECTORY)).ifPresent(copy -> {
        System.setProperty(PATH_PROPERTY, copy.getParent().toString());
        System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
      });
    } catch (IOException | RuntimeException e) {
      log.debug("sqlite-jdbc unpacks its native library itself: {}", e.toString());
    }
  }

  /**
   * The copy of this system's library in {@code directory}, unpacked when missing; empty when the
   * jar has none for this system (sqlite-jdbc then decides what to do).
   */
  static Optional<Path> prepare(Path directory) throws IOException {
    Path copy = directory.resolve(copyName());
    if (Files.isRegularFile(copy)) {
      return Optional.of(copy);
    }
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      StateFiles.prepareDirectory(directory);
      AtomicFiles.write(copy, in::transferTo);
    }
    log.debug("unpacked sqlite-jdbc's native library to {}", copy);
    return Optional.of(copy);
  }

  /** libsqlitejdbc-VERSION-ARCH.so (or the platform's suffix), from what the JVM knows at once. */
  static String copyName() {
    String name = LibraryLoaderUtil.getNativeLibName();
    int dot = name.lastIndexOf('.');
    String tag = SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name") + "-"
        + System.getProperty("os.arch");
    return name.substring(0, dot) + "-" + tag.replaceAll("[^A-Za-z0-9._-]", "_") + name.substring(dot);
  }

}
