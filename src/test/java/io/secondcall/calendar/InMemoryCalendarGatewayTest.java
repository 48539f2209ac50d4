package io.secondcall.calendar;

import io.secondcall.core.EmailAddress;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The in-memory fake keeps the same contract as the real providers, so engine tests can trust it. */
class InMemoryCalendarGatewayTest implements CalendarGatewayContract {

  private final InMemoryCalendarGateway gateway = new InMemoryCalendarGateway();

  @Override
  public CalendarGateway gateway() {
    return gateway;
  }

  @Override
  public void seed(SeedEvent e) {
    int count = 1;
    Duration every = Duration.ZERO;
    if (e.rrule() != null) {
      count = Integer.parseInt(e.rrule().replaceAll(".*COUNT=(\\d+).*", "$1"));
      every = Duration.ofDays(7);
    }
    for (int i = 0; i < count; i++) {
      Instant start = e.time().start().plus(every.multipliedBy(i));
      TimeRange time = new TimeRange(start, start.plus(Duration.between(e.time().start(), e.time().end())));
      List<CalendarEvent.Attendee> attendees = new ArrayList<>();
      for (Map.Entry<String, String> a : e.attendees().entrySet()) {
        attendees.add(new CalendarEvent.Attendee(EmailAddress.of(a.getKey()),
            CalendarEvent.Attendee.Status.valueOf(a.getValue().replace('-', '_'))));
      }
      gateway.add(new CalendarEvent(e.uid(), e.rrule() == null ? null : start, e.title(), "", time, e.allDay(),
          e.cancelled(), e.transparent(), null, attendees, null, null));
    }
  }
}
