package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import io.secondcall.core.MailMessage;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.mail.mime.HeaderFields;
import io.secondcall.port.ServerAccessException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads messages by id in batches: headers with {@code format=metadata}, then {@code format=full}
 * only for the few whose body holds a bounce report or a calendar METHOD. The texts of those
 * are kept until the cycle ends, so the engine asking for them costs nothing more. Remembers
 * which thread each Message-ID read is in, for drafts that reply to it.
 */
final class MessageReader {

  private static final Logger log = LoggerFactory.getLogger(MessageReader.class);
  private static final List<String> HEADERS =
      Stream.concat(HeaderFields.FETCHED.stream(), Stream.of("Date")).toList();
  private static final int THREADS_KEPT = 10_000;
  private static final long PAGE_SIZE = 500;

  /** One message as Gmail gave it and as the core sees it. */
  record Read(Message gmail, MailMessage mail) {}

  /** The messages read, in UID order, and how many could not be mapped. */
  record Batch(List<Read> messages, int skipped) {}

  private final GmailCalls calls;
  private final Labels labels;
  private final String label;
  private final Map<Long, String> texts = new HashMap<>();
  private final Map<String, String> threads = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > THREADS_KEPT;
    }
  };

  MessageReader(GmailCalls calls, Labels labels, String label) {
    this.calls = calls;
    this.labels = labels;
    this.label = label;
  }

  /** Reads these messages; ids deleted meanwhile are left out, unreadable ones logged and counted. */
  Batch read(Collection<String> ids) {
    Map<String, Message> metadata = calls.batch(Method.MESSAGES_GET, ids,
        (users, id) -> users.messages().get("me", id).setFormat("metadata").setMetadataHeaders(HEADERS));
    List<String> withBody = metadata.values().stream().filter(MessageMapping::needsBody).map(Message::getId).toList();
    Map<String, PayloadContent> contents = new HashMap<>();
    full(withBody).forEach((id, m) -> contents.put(id, PayloadContent.of(m.getPayload())));
    List<Read> out = new ArrayList<>();
    int skipped = 0;
    for (Message m : metadata.values()) {
      try {
        PayloadContent content = contents.get(m.getId());
        MailMessage mail = MessageMapping.map(m, labels.namesOf(m.getLabelIds()), content);
        if (content != null) {
          texts.put(mail.uid(), content.text());
        }
        threads.put(mail.messageId(), m.getThreadId());
        out.add(new Read(m, mail));
      } catch (RuntimeException e) {
        if (e instanceof ServerAccessException) {
          throw e;
        }
        skipped++;
        log.warn("{} Gmail message {}: skipped unreadable message: {}", label, m.getId(), ServerAccessException.reason(e));
      }
    }
    out.sort(Comparator.comparingLong(r -> r.mail().uid()));
    return new Batch(out, skipped);
  }

  /** The ids of the messages with this label (and matching the search, when not null), all pages. */
  List<String> list(String labelId, String query) {
    List<String> ids = new ArrayList<>();
    String page = null;
    do {
      String token = page;
      ListMessagesResponse answer = calls.call(Method.MESSAGES_LIST, users -> users.messages().list("me")
          .setLabelIds(List.of(labelId)).setQ(query).setMaxResults(PAGE_SIZE).setPageToken(token));
      for (Message m : HistoryRounds.nonNull(answer.getMessages())) {
        ids.add(m.getId());
      }
      page = answer.getNextPageToken();
    } while (page != null);
    return ids;
  }

  /**
   * The {@code X-Secondcall-Id} of each of these messages that has one, read in batches: Gmail
   * indexes no custom header, so ours are told apart by reading it.
   */
  Map<String, String> secondcallIds(Collection<String> ids) {
    Map<String, Message> read = calls.batch(Method.MESSAGES_GET, ids, (users, id) -> users.messages()
        .get("me", id).setFormat("metadata").setMetadataHeaders(List.of("X-Secondcall-Id")));
    Map<String, String> out = new HashMap<>();
    read.forEach((id, m) -> out.put(id, Optional.ofNullable(MessageMapping.secondcallId(m)).orElse("")));
    return out;
  }

  /** Texts by UID, from this cycle's reads or in one batch of full reads; vanished messages are absent. */
  Map<Long, String> texts(Collection<Long> uids) {
    Map<Long, String> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (Long uid : uids) {
      if (uid == null || uid == 0) {
        continue;
      }
      String known = texts.get(uid);
      if (known != null) {
        out.put(uid, known);
      } else {
        missing.add(GmailIds.messageId(uid));
      }
    }
    full(missing).forEach((id, m) -> out.put(GmailIds.uid(id), PayloadContent.of(m.getPayload()).text()));
    return out;
  }

  /** The thread of a message read before by its Message-ID (no angle brackets). */
  Optional<String> threadOf(String messageId) {
    return Optional.ofNullable(threads.get(messageId));
  }

  void rememberThread(String messageId, String threadId) {
    threads.put(messageId, threadId);
  }

  /** The cycle is over: the texts kept for it go. */
  void forgetTexts() {
    texts.clear();
  }

  private Map<String, Message> full(Collection<String> ids) {
    return calls.batch(Method.MESSAGES_GET, ids, (users, id) -> users.messages().get("me", id).setFormat("full"));
  }
}
