package io.secondcall.mail.imap;

import io.secondcall.mail.mime.BodyText;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.Item;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * Plain-text bodies of many messages with few round trips: one UID FETCH of each body structure
 * together with the start of part 1, which is the text of most messages (single-part, or
 * multipart/alternative with text/plain first), so that the server opens and parses each
 * message once; then one partial UID FETCH ({@code BODY.PEEK[section]<0.N>}) per other section
 * the text was found in (nested parts, usually none). A 10 MB message costs 64 KiB.
 */
final class BodyTexts {

  /** Bytes fetched per message. */
  static final int MAX = BodyText.MAX;

  private BodyTexts() {}

  /** Texts by UID; a message without a text part maps to "", a vanished UID is absent. */
  static Map<Long, String> fetch(IMAPFolder folder, Collection<Long> uids) throws MessagingException {
    long[] sorted = uids.stream().filter(u -> u != null && u > 0).mapToLong(Long::longValue).distinct().sorted().toArray();
    if (sorted.length == 0) {
      return Map.of();
    }
    String all = UIDSet.toString(UIDSet.createUIDSets(sorted));
    Map<Long, FetchResponse> first = uidFetch(folder, all, "BODYSTRUCTURE BODY.PEEK[1]<0." + MAX + ">",
        BODYSTRUCTURE.class);

    Map<Long, TextPart> chosen = new HashMap<>();
    Map<String, List<Long>> bySection = new LinkedHashMap<>();
    Map<Long, String> texts = new HashMap<>();
    first.forEach((uid, response) -> {
      BODYSTRUCTURE bs = response.getItem(BODYSTRUCTURE.class);
      TextPart part = TextPart.choose(bs);
      BODY partOne = response.getItem(BODY.class);
      if (part == null) {
        texts.put(uid, "");
      } else if (partOne != null && partOne.getByteArray() != null && isPartOne(part, bs)) {
        texts.put(uid, part.toText(partOne.getByteArray().getNewBytes()));
      } else {
        chosen.put(uid, part);
        bySection.computeIfAbsent(part.section(), s -> new ArrayList<>()).add(uid);
      }
    });
    for (Map.Entry<String, List<Long>> e : bySection.entrySet()) {
      long[] group = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      String set = UIDSet.toString(UIDSet.createUIDSets(group));
      String item = "BODY.PEEK[" + e.getKey() + "]<0." + MAX + ">";
      uidFetch(folder, set, item, BODY.class).forEach((uid, response) -> {
        TextPart part = chosen.get(uid);
        if (part != null) {
          texts.put(uid, part.toText(response.getItem(BODY.class).getByteArray().getNewBytes()));
        }
      });
    }
    chosen.keySet().forEach(uid -> texts.putIfAbsent(uid, ""));
    return texts;
  }

  /**
   * Whether part 1 is the chosen text: section 1 of a multipart, or the body of a single-part
   * message (RFC 3501 6.4.5: its only part is 1), except an attached message, whose part 1 is
   * the attached message's body rather than the whole.
   */
  private static boolean isPartOne(TextPart part, BODYSTRUCTURE root) {
    return part.section().equals("1")
        || part.section().equals("TEXT") && !root.isMulti() && !root.isNested();
  }

  /**
   * One {@code UID FETCH} through the folder's connection: the answers that carry an item of
   * {@code type}, by UID. Unsolicited responses (EXISTS, EXPUNGE, flag changes) go to the folder
   * as usual so its message cache stays right.
   */
  static Map<Long, FetchResponse> uidFetch(IMAPFolder folder, String uidSet, String items,
      Class<? extends Item> type) throws MessagingException {
    @SuppressWarnings("unchecked")
    Map<Long, FetchResponse> result = (Map<Long, FetchResponse>) folder.doCommand(p -> uidFetch(p, uidSet, items, type));
    return result;
  }

  private static Map<Long, FetchResponse> uidFetch(IMAPProtocol p, String uidSet, String items,
      Class<? extends Item> type) throws ProtocolException {
    Response[] responses = p.command("UID FETCH " + uidSet + " (UID " + items + ")", null);
    Map<Long, FetchResponse> found = new HashMap<>();
    List<Response> others = new ArrayList<>();
    for (int i = 0; i < responses.length - 1; i++) {
      Response r = responses[i];
      if (r instanceof FetchResponse fr && fr.getItem(UID.class) != null && fr.getItem(type) != null) {
        found.put(fr.getItem(UID.class).uid, fr);
      } else {
        others.add(r);
      }
    }
    p.notifyResponseHandlers(others.toArray(new Response[0]));
    p.handleResult(responses[responses.length - 1]);
    return found;
  }
}
