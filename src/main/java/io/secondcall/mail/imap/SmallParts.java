package io.secondcall.mail.imap;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * The small parts the mapper reads among a folder's new messages: the delivery-status parts of
 * bounces and the calendar parts of invitations whose Content-Type names no METHOD. Read in one
 * partial UID FETCH per section (almost always one or two: section 2, say) instead of one FETCH
 * per message, which the mapper would otherwise send part by part. Raw, as the server keeps them
 * (transfer-encoded).
 */
final class SmallParts {

  private final Map<Long, Map<String, byte[]>> raw;

  private SmallParts(Map<Long, Map<String, byte[]>> raw) {
    this.raw = raw;
  }

  /** The parts the mapper reads of {@code messages}, whose structure was fetched where needed. */
  static SmallParts fetch(IMAPFolder folder, Message[] messages) throws MessagingException {
    Map<String, List<Long>> bySection = new LinkedHashMap<>();
    for (Message m : messages) {
      if (!MessageMapper.needsStructure(m)) {
        continue;
      }
      try {
        long uid = folder.getUID(m);
        for (String section : MessageMapper.smallPartSections(m)) {
          bySection.computeIfAbsent(section, s -> new ArrayList<>()).add(uid);
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        // A broken structure: the mapper reads this one by itself and reports what it finds.
      }
    }
    Map<Long, Map<String, byte[]>> raw = new HashMap<>();
    for (Map.Entry<String, List<Long>> e : bySection.entrySet()) {
      long[] uids = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      String set = UIDSet.toString(UIDSet.createUIDSets(uids));
      BodyTexts.uidFetch(folder, set, "BODY.PEEK[" + e.getKey() + "]<0." + MessageMapper.MAX_PART_BYTES + ">", BODY.class)
          .forEach((uid, response) -> {
            BODY body = response.getItem(BODY.class);
            if (body.getByteArray() != null) {
              raw.computeIfAbsent(uid, u -> new HashMap<>()).put(e.getKey(), body.getByteArray().getNewBytes());
            }
          });
    }
    return new SmallParts(raw);
  }

  /** The raw bytes of the part at {@code section} of message {@code uid}, or null when not fetched. */
  byte[] raw(long uid, String section) {
    Map<String, byte[]> parts = raw.get(uid);
    return parts == null ? null : parts.get(section);
  }
}
