package io.secondcall.web;

import io.secondcall.core.Conversation;
import io.secondcall.engine.PipelineView;
import io.secondcall.engine.Stopper;
import io.secondcall.port.StateStore;
import io.secondcall.report.Figures;
import io.secondcall.report.Persistence;
import io.secondcall.report.StoredHistory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The pipeline page's routes. Pages read through {@code reader} (a read-only connection);
 * actions change state through {@link Stopper} on the daemon's own store, in one transaction each,
 * exactly as {@code secondcall stop} and {@code resume} do.
 */
public final class Site {

  private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Gate gate;
  private final Html html = new Html();
  private final StateStore reader;
  private final Stopper stopper;
  private final PipelinePage pipeline;
  private final Persistence persistence;
  private final Feed feed;
  private final Clock clock;

  Site(Gate gate, StateStore reader, StateStore writer, PipelineView view, ZoneId zone, Clock clock, boolean gmail,
      Feed feed) {
    this.gate = gate;
    this.reader = reader;
    this.stopper = new Stopper(writer);
    this.pipeline = new PipelinePage(html, view, zone, clock, gmail);
    this.persistence = new Persistence(zone, clock);
    this.feed = feed;
    this.clock = clock;
  }

  Response handle(Request r) {
    Optional<Response> refused = gate.refusal(r);
    if (refused.isPresent()) {
      return refused.get();
    }
    String path = r.path();
    if (path.startsWith("/feed/")) {
      return feed != null && feed.matches(path) && r.method().equals("GET")
          ? Response.of("text/calendar; charset=utf-8", feed.calendar(clock.instant()))
          : Response.text(404, "Not found");
    }
    if (r.method().equals("POST")) {
      return switch (path) {
        case "/stop" -> act(r, id -> stopper.stop(id, clock.instant()));
        case "/resume" -> act(r, stopper::resume);
        case "/snooze" -> snooze(r);
        default -> Response.text(404, "Not found");
      };
    }
    if (!r.method().equals("GET")) {
      return Response.text(405, "Only GET and POST").with("Allow", "GET, POST");
    }
    return switch (path) {
      case "/" -> withSession(r, session -> Response.html(pipeline.render(r.param("show"), r.param("q"),
          gate.token(session), feed == null ? null : gate.origin(r) + feed.path())));
      case "/report" -> Response.html(new ReportPage(html).render(figures()));
      case "/style.css" -> Response.of("text/css; charset=utf-8", Html.resource("style.css"));
      default -> path.startsWith("/report/") && path.endsWith(".csv")
          ? ReportPage.csv(figures(), path.substring(8, path.length() - 4))
              .map(csv -> Response.of("text/csv; charset=utf-8", csv)
                  .with("Content-Disposition", "inline; filename=\"" + path.substring(8) + "\""))
              .orElse(Response.text(404, "Not found"))
          : Response.text(404, "Not found");
    };
  }

  private Figures figures() {
    return persistence.figures(StoredHistory.read(reader));
  }

  /** The page with the session its CSRF token belongs to, made (and set as a cookie) when missing. */
  private Response withSession(Request r, Function<String, Response> page) {
    Optional<String> existing = gate.session(r);
    String session = existing.orElseGet(gate::newSession);
    Response response = page.apply(session);
    return existing.isPresent() ? response : response.with("Set-Cookie", gate.cookie(session, r));
  }

  private Response act(Request r, Function<String, List<Conversation>> action) {
    String id = r.param("id").strip();
    if (!CONVERSATION_ID.matcher(id).matches()) {
      return Response.text(400, "Which conversation?");
    }
    action.apply(id);
    return Response.redirect("/#c-" + id);
  }

  private Response snooze(Request r) {
    LocalDate until;
    try {
      until = LocalDate.parse(r.param("until"));
    } catch (DateTimeParseException e) {
      return Response.text(400, "Snooze until which date? (YYYY-MM-DD)");
    }
    return act(r, id -> stopper.snooze(id, until));
  }
}
