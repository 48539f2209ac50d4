package io.secondcall.web;

import io.secondcall.core.Conversation;
import io.secondcall.engine.PipelineView;
import io.secondcall.engine.PipelineView.Filter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The pipeline: every conversation, filtered and searched, with its actions. */
final class PipelinePage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final Pattern GMAIL_THREAD = Pattern.compile("[0-9a-fA-F]{1,32}");
  private static final Map<Filter, String> LABELS = Map.of(Filter.ALL, "All", Filter.WAITING, "Waiting",
      Filter.DUE_THIS_WEEK, "Due this week", Filter.ANSWERED, "Answered", Filter.ENDED, "Ended");

  private final Html html;
  private final PipelineView view;
  private final ZoneId zone;
  private final Clock clock;
  private final boolean gmail;

  /** @param gmail whether threads open in Gmail (else in the mail app, by Message-ID) */
  PipelinePage(Html html, PipelineView view, ZoneId zone, Clock clock, boolean gmail) {
    this.html = html;
    this.view = view;
    this.zone = zone;
    this.clock = clock;
    this.gmail = gmail;
  }

  /** @param feed the calendar feed's address, or null */
  String render(String show, String q, String csrf, String feed) {
    Filter filter = filter(show);
    List<PipelineView.Row> all = view.rows(q);
    List<Map<String, Object>> filters = new ArrayList<>();
    for (Filter f : Filter.values()) {
      String key = key(f);
      long count = all.stream().filter(r -> view.shows(f, r)).count();
      filters.add(Map.of("key", key, "label", LABELS.get(f), "count", count, "current", f == filter,
          "href", "/?show=" + key + (q.isBlank() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))));
    }
    List<Map<String, Object>> rows = all.stream().filter(r -> view.shows(filter, r)).map(this::row).toList();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", "Pipeline");
    page.put("q", q);
    page.put("show", key(filter));
    page.put("filters", filters);
    page.put("rows", rows);
    page.put("csrf", csrf);
    page.put("today", LocalDate.ofInstant(clock.instant(), zone).toString());
    page.put("feed", feed == null ? "" : feed);
    return html.render("pipeline", page);
  }

  static Filter filter(String show) {
    for (Filter f : Filter.values()) {
      if (key(f).equals(show)) {
        return f;
      }
    }
    return Filter.ALL;
  }

  static String key(Filter f) {
    return f.name().toLowerCase(Locale.ROOT).replace("_this_week", "");
  }

  private Map<String, Object> row(PipelineView.Row r) {
    Conversation c = r.conversation();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.id());
    row.put("contact", c.contact().displayName());
    row.put("address", c.contact().address() + (c.contacts().size() > 1 ? " +" + (c.contacts().size() - 1) : ""));
    row.put("subject", c.subject());
    row.put("statusKey", c.isActive() ? "waiting" : r.answered() ? "answered" : "ended");
    row.put("status", status(c, paused(c)));
    row.put("why", why(r));
    List<String> touches = new ArrayList<>();
    for (int i = 0; i < r.touches().size(); i++) {
      String what = i > 0 ? "follow-up " : c.startedWithMeeting() ? "meeting " : "sent ";
      touches.add(what + when(r.touches().get(i)));
    }
    row.put("touches", touches);
    row.put("next", c.isActive() ? r.next().next() : "nothing: the sequence ended");
    row.put("nextAt", c.isActive() && r.next().nextAt() != null ? when(r.next().nextAt()) : "");
    row.put("call", r.next().call() == null ? "" : when(r.next().call()));
    row.put("theirTime", r.theirTime() == null ? "" : r.theirTime());
    row.put("link", link(c));
    row.put("canStop", c.isActive());
    row.put("canResume", c.status() == Conversation.Status.STOPPED);
    return row;
  }

  /** Paused today or later: by an out-of-office reply, or snoozed. */
  private boolean paused(Conversation c) {
    return c.pausedUntil() != null && !c.pausedUntil().isBefore(LocalDate.ofInstant(clock.instant(), zone));
  }

  private static String status(Conversation c, boolean paused) {
    return switch (c.status()) {
      case ACTIVE -> paused ? "paused" : "waiting";
      case REPLIED -> "answered";
      case MEETING_BOOKED -> "meeting booked";
      case BOUNCED -> "bounced";
      case STOPPED -> "stopped";
      case EXHAUSTED -> "sequence complete";
      case IGNORED -> "not outreach";
    };
  }

  /** Why it is paused or ended, in words. */
  private String why(PipelineView.Row r) {
    Conversation c = r.conversation();
    if (c.status().isEnded()) {
      String when = c.endedAt() == null ? "" : " (" + DAY.format(c.endedAt().atZone(zone)) + ")";
      return (c.endReason() == null ? "" : c.endReason()) + when;
    }
    if (paused(c)) {
      return r.outOfOffice()
          ? "out of office, back " + DAY.format(c.pausedUntil())
          : "snoozed until " + DAY.format(c.pausedUntil().plusDays(1));
    }
    return "";
  }

  private String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  /** Gmail's thread page, or {@code message:<id>}, which Apple Mail opens; empty for a meeting. */
  private String link(Conversation c) {
    if (gmail) {
      return c.threadId() != null && GMAIL_THREAD.matcher(c.threadId()).matches()
          ? "https://mail.google.com/mail/u/0/#all/" + c.threadId()
          : "";
    }
    if (c.startedWithMeeting()) {
      return "";
    }
    String id = c.lastMessageId().strip();
    id = id.startsWith("<") ? id : "<" + id + ">";
    // As Apple Mail writes them itself: "message:%3Cid@host%3E".
    return "message:" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
  }
}
