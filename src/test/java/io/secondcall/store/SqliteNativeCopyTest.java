package io.secondcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library is unpacked into the state directory once, readable by the
 * service user alone, and found there by every later start without unpacking it again.
 */
class SqliteNativeCopyTest {

  @TempDir Path state;

  @Test
  void theFirstStartUnpacksTheLibraryOfThisSystemReadableByItsOwnerAlone() throws Exception {
    Path copy = SqliteNativeCopy.prepare(state.resolve("native")).orElseThrow();

    assertThat(copy.getParent()).isEqualTo(state.resolve("native"));
    assertThat(copy.getFileName().toString()).contains(SQLiteJDBCLoader.getVersion(), System.getProperty("os.arch"));
    assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(copy.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(Files.readAllBytes(copy)).isEqualTo(in.readAllBytes());
    }
    try (var files = Files.list(copy.getParent())) {
      assertThat(files).as("no partial file left behind").containsExactly(copy);
    }
  }

  @Test
  void laterStartsUseTheCopyWithoutWritingItAgain() throws Exception {
    Path copy = SqliteNativeCopy.prepare(state.resolve("native")).orElseThrow();
    FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(copy, written);

    Path again = SqliteNativeCopy.prepare(state.resolve("native")).orElseThrow();

    assertThat(again).isEqualTo(copy);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(written);
  }

  @Test
  void aStateDirectoryThatIsNotThereYetIsMadeWithTheCopy() throws Exception {
    Path fresh = state.resolve("var/lib/secondcall/native");

    assertThat(SqliteNativeCopy.prepare(fresh)).hasValueSatisfying(copy -> assertThat(copy).isRegularFile());
  }
}
