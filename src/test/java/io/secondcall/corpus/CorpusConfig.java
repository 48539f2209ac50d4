package io.secondcall.corpus;

import io.secondcall.testing.Dovecot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The config of the run: the corpus owner on the test's Dovecot, an ICS calendar, a look-back
 * long enough for the whole (moved) corpus, and no daily cap on drafts or calls that would hide
 * a wrong draft behind a right one.
 */
final class CorpusConfig {

  static final int LOOKBACK_DAYS = 400;
  /** Busy time of the owner's own, which callback blocks must leave alone. */
  static final String SEEDED_UID_SUFFIX = "@owner.example";

  private CorpusConfig() {}

  static Path write(Path dir, Dovecot dovecot, String user, Map<String, String> phones) throws IOException {
    StringBuilder contacts = new StringBuilder();
    phones.forEach((address, phone) ->
        contacts.append("  \"").append(address).append("\": {phone: \"").append(phone).append("\"}\n"));
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, String.join("\n",
        "me:",
        "  name: " + CorpusOwner.NAME,
        "  addresses: [" + String.join(", ", CorpusOwner.ADDRESSES) + "]",
        "  timezone: " + CorpusOwner.ZONE.getId(),
        "  holidays: IE",
        String.join("\n", dovecot.mailSection(user, dir)),
        "calendar:",
        "  provider: ics",
        "  ics:",
        "    path: calendar.ics",
        "followup:",
        "  lookback_days: " + LOOKBACK_DAYS,
        "  max_drafts_per_day: 1000",
        "callbacks:",
        "  per_day: 10",
        "contacts:",
        contacts.toString(),
        "state_dir: state",
        ""), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("calendar.ics"), String.join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//owner//calendar//EN",
        "BEGIN:VEVENT", "UID:dentist" + SEEDED_UID_SUFFIX, "DTSTAMP:20261101T120000Z",
        "DTSTART:20261117T100000Z", "DTEND:20261117T110000Z", "SUMMARY:Dentist", "END:VEVENT",
        "BEGIN:VEVENT", "UID:board" + SEEDED_UID_SUFFIX, "DTSTAMP:20261101T120000Z",
        "DTSTART:20261118T140000Z", "DTEND:20261118T160000Z", "SUMMARY:Board meeting", "END:VEVENT",
        "END:VCALENDAR", ""), StandardCharsets.UTF_8);
    return file;
  }
}
