package io.secondcall.corpus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The owner's Sent folder as it would look for this INBOX, derived from the corpus itself:
 *
 * <ul>
 *   <li>{@link #OWN_POST}: his own posts that came back from the lists, as his client stored them
 *       before sending: no Received, no list headers, To the list;
 *   <li>{@link #REPLIED_TO_LIST}, {@link #REPLIED_TO_PERSON}: the message an inbound reply answers, when the corpus lacks it and it
 *       was plausibly his: the reply is addressed to him, quotes him by name, or the answered
 *       Message-ID is one his client wrote. It goes to the list the reply came through, or, when
 *       the reply was sent to him personally or came through no list, to the person who replied
 *       (and the others the reply went to). Its text is what the reply quotes;
 *   <li>{@link #TO_NO_REPLY}: his answers to the corpus's no-reply and mailer-daemon senders.
 * </ul>
 */
final class SentCopies {

  static final String OWN_POST = "own post (copy)";
  static final String REPLIED_TO_LIST = "message a corpus reply answers, posted to the list";
  static final String REPLIED_TO_PERSON = "message a corpus reply answers, sent to the person";
  static final String TO_NO_REPLY = "reply to a no-reply sender";

  /** What a client keeps of a message it sent; the rest was added on the way. */
  private static final Set<String> CLIENT_HEADERS = Set.of("date", "from", "to", "cc", "subject", "message-id",
      "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding", "user-agent",
      "x-mailer");
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?im)^.{0,80}(?:justin mason|yyyy@spamassassin\\.taint\\.org|jm@jmason\\.org).{0,40}(?:wrote|writes|said)");
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9_.:-]+)");
  private static final int MAX_QUOTED_LINES = 40;
  private static final int MAX_CC = 2;

  private final RandomGenerator random;
  private final List<Letter> inbox;
  private final Map<String, Letter> byId = new HashMap<>();

  SentCopies(List<Letter> inbox, RandomGenerator random) {
    this.inbox = inbox.stream().sorted(Comparator.comparing(Letter::when)).toList();
    this.random = random;
    for (Letter l : inbox) {
      l.messageId().ifPresent(id -> byId.putIfAbsent(id, l));
    }
  }

  List<Letter> build() {
    List<Letter> sent = new ArrayList<>();
    sent.addAll(ownPosts());
    sent.addAll(repliedTo());
    sent.addAll(noReplyAnswers());
    return sent;
  }

  private List<Letter> ownPosts() {
    Map<String, Letter> copies = new LinkedHashMap<>();
    for (Letter l : inbox) {
      if (!isHam(l) || !fromMe(l.message())) {
        continue;
      }
      // Commit notifications carry his name but were sent by the CVS server, not by him.
      boolean commits = (l.message().first("List-Id").orElse("") + l.message().first("List-Post").orElse(""))
          .contains("commits");
      Optional<String> id = l.messageId();
      if (commits || id.isEmpty() || copies.containsKey(id.get())) {
        continue;
      }
      RawMessage copy = l.message().keeping(CLIENT_HEADERS);
      copies.put(id.get(), new Letter(Letter.SENT, copy, l.when().minusSeconds(30), OWN_POST));
    }
    return new ArrayList<>(copies.values());
  }

  private List<Letter> repliedTo() {
    Map<String, Letter> parents = new LinkedHashMap<>();
    for (Letter reply : inbox) {
      RawMessage r = reply.message();
      if (!isHam(reply) || fromMe(r) || reply.date().isEmpty()) {
        continue;
      }
      Optional<String> parentId = Threading.parent(r);
      if (parentId.isEmpty() || byId.containsKey(parentId.get()) || parents.containsKey(parentId.get())
          || !plausiblyMine(r, parentId.get())) {
        continue;
      }
      parents.put(parentId.get(), parent(reply, parentId.get()));
    }
    return new ArrayList<>(parents.values());
  }

  private boolean plausiblyMine(RawMessage reply, String parentId) {
    String host = parentId.substring(parentId.lastIndexOf('@') + 1, parentId.length() - 1).toLowerCase(Locale.ROOT);
    return CorpusOwner.MESSAGE_ID_HOSTS.contains(host)
        || recipients(reply).stream().anyMatch(CorpusOwner::isMe)
        || ATTRIBUTION.matcher(head(reply.body())).find();
  }

  /** The message {@code reply} answers, as he would have sent it. */
  private Letter parent(Letter reply, String parentId) {
    RawMessage r = reply.message();
    List<String> refs = Threading.references(r);
    List<String> ancestors = refs.subList(0, Math.max(0, refs.indexOf(parentId)));
    Instant answeredAt = reply.date().orElseThrow();
    Instant at = answeredAt.minus(Duration.ofMinutes(20 + random.nextInt(20 * 60)));
    Optional<Instant> previous = ancestors.isEmpty() ? Optional.empty()
        : Optional.ofNullable(byId.get(ancestors.get(ancestors.size() - 1))).map(Letter::when);
    if (previous.isPresent() && !at.isAfter(previous.get()) && previous.get().isBefore(answeredAt)) {
      at = previous.get().plus(Duration.between(previous.get(), answeredAt).dividedBy(2));
    }
    String from = recipients(r).stream().filter(CorpusOwner::isMe).findFirst()
        .map(a -> CorpusOwner.NAME + " <" + a + ">").orElse(CorpusOwner.FROM);
    String replier = r.first("From").orElse("");
    Optional<String> list = listOf(r);
    String to;
    String cc = null;
    if (list.isPresent() && recipients(r).stream().noneMatch(CorpusOwner::isMe)) {
      to = list.get(); // a post to the list, answered on the list
    } else {
      // Mail to the person, who answered him (a copy of that answer may have come through a list).
      to = replier;
      List<String> others = recipients(r).stream()
          .filter(a -> !CorpusOwner.isMe(a) && !ListEvidence.addresses(replier).contains(a))
          .distinct().limit(MAX_CC).toList();
      cc = list.isPresent() || others.isEmpty() ? null : String.join(", ", others);
    }
    String body = quoted(r.body()).orElse("Hi,\n\nsee the attached results; comments welcome.\n") + "\n--j.\n";
    RawMessage m = RawMessage.build(body,
        "Date", CorpusDates.format(at, CorpusOwner.ZONE.getRules().getOffset(at)),
        "From", from,
        "To", to,
        "Cc", cc,
        "Subject", Threading.unreplied(r.first("Subject").orElse("")),
        "Message-ID", parentId,
        "In-Reply-To", ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1),
        "References", ancestors.isEmpty() ? null : String.join("\n\t", ancestors),
        "MIME-Version", "1.0",
        "Content-Type", "text/plain; charset=" + charsetOf(r, body),
        "User-Agent", "exmh version 2.5 07/13/2001");
    return new Letter(Letter.SENT, m, at, cc == null && list.isPresent() && to.equals(list.get())
        ? REPLIED_TO_LIST : REPLIED_TO_PERSON);
  }

  private List<Letter> noReplyAnswers() {
    List<Letter> out = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (Letter l : inbox) {
      RawMessage m = l.message();
      String from = m.first("From").orElse("");
      List<String> addresses = ListEvidence.addresses(from);
      if (addresses.isEmpty() || !NoReply.matches(addresses.get(0)) || !answered.add(addresses.get(0))) {
        continue;
      }
      Instant at = l.when().plus(Duration.ofMinutes(30 + random.nextInt(240)));
      Optional<String> id = l.messageId();
      RawMessage reply = RawMessage.build("Please take me off this list.\n\n--j.\n",
          "Date", CorpusDates.format(at, CorpusOwner.ZONE.getRules().getOffset(at)),
          "From", CorpusOwner.FROM,
          "To", from,
          "Subject", "Re: " + Threading.unreplied(m.first("Subject").orElse("")),
          "Message-ID", CorpusOwner.messageId(at, random),
          "In-Reply-To", id.orElse(null),
          "References", id.orElse(null),
          "MIME-Version", "1.0",
          "Content-Type", "text/plain; charset=us-ascii");
      out.add(new Letter(Letter.SENT, reply, at, TO_NO_REPLY));
    }
    return out;
  }

  /** The list a message came through, by the same evidence the assertions use. */
  static Optional<String> listOf(RawMessage m) {
    ListEvidence one = new ListEvidence();
    one.add("", m::all);
    return one.addresses().stream().findFirst();
  }

  static boolean fromMe(RawMessage m) {
    return ListEvidence.addresses(m.first("From").orElse("")).stream().anyMatch(CorpusOwner::isMe);
  }

  private static List<String> recipients(RawMessage m) {
    return ListEvidence.addresses(m::all, "To", "Cc");
  }

  private static boolean isHam(Letter l) {
    return l.kind().equals(CorpusInbox.HAM);
  }

  /** The first-level quote of a plain-text reply: what the answered message said. */
  private static Optional<String> quoted(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      if (line.startsWith(">") && !line.startsWith(">>") && lines.size() < MAX_QUOTED_LINES) {
        lines.add(line.substring(1).replaceFirst("^ ", ""));
      }
    }
    return lines.stream().anyMatch(l -> !l.isBlank()) ? Optional.of(String.join("\n", lines) + "\n") : Optional.empty();
  }

  private static String charsetOf(RawMessage reply, String body) {
    boolean eightBit = body.chars().anyMatch(c -> c > 0x7f);
    if (!eightBit) {
      return "us-ascii";
    }
    var m = CHARSET.matcher(reply.first("Content-Type").orElse(""));
    return m.find() ? m.group(1) : "iso-8859-1";
  }

  private static String head(String body) {
    return body.length() > 4000 ? body.substring(0, 4000) : body;
  }
}
