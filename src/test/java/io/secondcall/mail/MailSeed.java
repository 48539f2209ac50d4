package io.secondcall.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A second client of the server under test, independent of the adapter, that seeds folders as
 * mail clients and deliveries do and shows what the adapter wrote. Folder names are the
 * server's own (IMAP folders, Gmail labels).
 */
public interface MailSeed extends AutoCloseable {

  /** What a test sees of a stored message. */
  record Stored(long uid, boolean draft, boolean seen, String secondcallId, String subject) {}

  /** Stores a raw RFC 5322 message in a folder; returns its UID as the adapter will report it. */
  long append(String folder, byte[] raw) throws Exception;

  default long append(String folder, String raw) throws Exception {
    return append(folder, raw.getBytes(StandardCharsets.UTF_8));
  }

  void create(String folder) throws Exception;

  void delete(String folder) throws Exception;

  /** Where a cursor stands once everything now in the folder was read (IMAP: the last UID; Gmail: the history id). */
  long position(String folder) throws Exception;

  long uidValidity(String folder) throws Exception;

  /** The messages in a folder, in UID order. */
  List<Stored> list(String folder) throws Exception;

  @Override
  void close() throws Exception;
}
