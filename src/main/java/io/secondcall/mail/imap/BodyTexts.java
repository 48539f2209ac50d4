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
 * Plain-text bodies of many messages with few round trips: one UID FETCH of the body
 * structures, then one partial UID FETCH ({@code BODY.PEEK[section]<0.N>}) per distinct
 * section of the chosen text parts (usually one or two). A 10 MB message costs 64 KiB.
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
    Map<Long, BODYSTRUCTURE> structures = uidFetch(folder, all, "BODYSTRUCTURE", BODYSTRUCTURE.class);

    Map<Long, TextPart> chosen = new HashMap<>();
    Map<String, List<Long>> bySection = new LinkedHashMap<>();
    Map<Long, String> texts = new HashMap<>();
    structures.forEach((uid, bs) -> {
      TextPart part = TextPart.choose(bs);
      if (part == null) {
        texts.put(uid, "");
      } else {
        chosen.put(uid, part);
        bySection.computeIfAbsent(part.section(), s -> new ArrayList<>()).add(uid);
      }
    });
    for (Map.Entry<String, List<Long>> e : bySection.entrySet()) {
      long[] group = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      String set = UIDSet.toString(UIDSet.createUIDSets(group));
      String item = "BODY.PEEK[" + e.getKey() + "]<0." + MAX + ">";
      uidFetch(folder, set, item, BODY.class).forEach((uid, body) -> {
        TextPart part = chosen.get(uid);
        if (part != null) {
          texts.put(uid, part.toText(body.getByteArray().getNewBytes()));
        }
      });
    }
    chosen.keySet().forEach(uid -> texts.putIfAbsent(uid, ""));
    return texts;
  }

  /**
   * One {@code UID FETCH} through the folder's connection. Unsolicited responses (EXISTS,
   * EXPUNGE, flag changes) go to the folder as usual so its message cache stays right.
   */
  private static <T extends Item> Map<Long, T> uidFetch(IMAPFolder folder, String uidSet, String items, Class<T> type)
      throws MessagingException {
    @SuppressWarnings("unchecked")
    Map<Long, T> result = (Map<Long, T>) folder.doCommand(p -> uidFetch(p, uidSet, items, type));
    return result;
  }

  private static <T extends Item> Map<Long, T> uidFetch(IMAPProtocol p, String uidSet, String items, Class<T> type)
      throws ProtocolException {
    Response[] responses = p.command("UID FETCH " + uidSet + " (UID " + items + ")", null);
    Map<Long, T> found = new HashMap<>();
    List<Response> others = new ArrayList<>();
    for (int i = 0; i < responses.length - 1; i++) {
      Response r = responses[i];
      if (r instanceof FetchResponse fr && fr.getItem(UID.class) != null && fr.getItem(type) != null) {
        found.put(fr.getItem(UID.class).uid, fr.getItem(type));
      } else {
        others.add(r);
      }
    }
    p.notifyResponseHandlers(others.toArray(new Response[0]));
    p.handleResult(responses[responses.length - 1]);
    return found;
  }
}
