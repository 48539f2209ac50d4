package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.Draft;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import io.secondcall.core.SafeText;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.mail.mime.MessageIds;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what secondcall prepares: drafts with drafts.create, in the thread of the message they
 * answer, and the digest with messages.insert into the inbox, unread. It never sends: there is
 * no call of messages.send or drafts.send anywhere in secondcall.
 *
 * <p>Gmail threads a draft only when the draft names the {@code threadId}, its In-Reply-To and
 * References point into that thread, and its subject matches; the composer writes the headers and
 * the subject, this finds the thread: from the messages read in this process, else by searching
 * the Message-ID ({@code rfc822msgid:}).
 */
final class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final String ID_HEADER = "X-Secondcall-Id";
  /** What a Message-ID may look like to go into a search: no quotes, spaces or parentheses. */
  private static final Pattern SEARCHABLE = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.@\\[\\]-]{1,250}");

  private final GmailCalls calls;
  private final MessageReader reader;
  private final DraftIndex drafts;
  private final String label;

  Outbox(GmailCalls calls, MessageReader reader, DraftIndex drafts, String label) {
    this.calls = calls;
    this.reader = reader;
    this.drafts = drafts;
    this.label = label;
  }

  void saveDraft(MimeMessage draft) {
    String secondcallId = header(draft, ID_HEADER);
    Optional<String> thread = thread(draft);
    Message message = new Message().encodeRaw(bytes(draft)).setThreadId(thread.orElse(null));
    Draft created = calls.call(Method.DRAFTS_CREATE, users -> users.drafts().create("me", new Draft().setMessage(message)));
    drafts.created(created, secondcallId);
    log.debug("{} Gmail draft {} saved{}", label, SafeText.logLine(secondcallId),
        thread.map(t -> " in thread " + t).orElse(" as a new thread"));
  }

  void deleteDrafts(Collection<String> secondcallIds) {
    List<DraftIndex.Entry> doomed = drafts.withIds(secondcallIds);
    if (doomed.isEmpty()) {
      return;
    }
    // A draft already gone (404) is what was wanted.
    calls.batch(Method.DRAFTS_DELETE, doomed, (users, entry) -> users.drafts().delete("me", entry.draftId()));
    doomed.forEach(drafts::removed);
    log.debug("{} removed {} Gmail draft(s)", label, doomed.size());
  }

  void deliverToInbox(MimeMessage message) {
    Message inserted = new Message().encodeRaw(bytes(message)).setLabelIds(List.of("INBOX", "UNREAD"));
    calls.call(Method.MESSAGES_INSERT, users -> users.messages().insert("me", inserted));
  }

  /** The thread of the message the draft answers: In-Reply-To first, then References, newest first. */
  private Optional<String> thread(MimeMessage draft) {
    List<String> ids = new ArrayList<>(MessageIds.parse(header(draft, "In-Reply-To")));
    List<String> references = new ArrayList<>(MessageIds.parse(header(draft, "References")));
    Collections.reverse(references);
    ids.addAll(references);
    for (String id : ids) {
      Optional<String> known = reader.threadOf(id);
      if (known.isPresent()) {
        return known;
      }
    }
    for (String id : ids) {
      if (!SEARCHABLE.matcher(id).matches()) {
        continue;
      }
      ListMessagesResponse found = calls.call(Method.MESSAGES_LIST,
          users -> users.messages().list("me").setQ("rfc822msgid:" + id).setMaxResults(1L));
      if (found.getMessages() != null && !found.getMessages().isEmpty()) {
        String thread = found.getMessages().get(0).getThreadId();
        reader.rememberThread(id, thread);
        return Optional.ofNullable(thread);
      }
    }
    return Optional.empty();
  }

  private static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, ",");
    } catch (MessagingException e) {
      return null;
    }
  }

  private static byte[] bytes(MimeMessage m) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("writing a message for Gmail: " + e.getMessage(), e);
    }
  }
}
