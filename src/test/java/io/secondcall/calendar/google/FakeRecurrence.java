package io.secondcall.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.calendar.google.FakeCalendarStore.ApiError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the fake's recurring events ({@code RRULE:FREQ=DAILY|WEEKLY;COUNT=n}) into instances
 * named as Google names them: the series id, an underscore, the UTC start.
 */
final class FakeRecurrence {

  private static final Pattern RRULE = Pattern.compile("RRULE:FREQ=(DAILY|WEEKLY);COUNT=(\\d+)");
  private static final DateTimeFormatter INSTANCE_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private FakeRecurrence() {}

  /** The instances of an event: the event itself unless it recurs. */
  static List<ObjectNode> expand(ObjectNode event) {
    JsonNode recurrence = event.get("recurrence");
    if (recurrence == null || recurrence.isEmpty()) {
      return List.of(event.deepCopy());
    }
    Matcher m = RRULE.matcher(recurrence.get(0).asText());
    if (!m.matches()) {
      throw new ApiError(400, "invalid", "the fake supports RRULE:FREQ=DAILY|WEEKLY;COUNT=n only");
    }
    int days = m.group(1).equals("DAILY") ? 1 : 7;
    int count = Integer.parseInt(m.group(2));
    List<ObjectNode> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode instance = event.deepCopy();
      instance.remove("recurrence");
      instance.set("start", shift(event.get("start"), i * days));
      instance.set("end", shift(event.get("end"), i * days));
      instance.set("originalStartTime", instance.get("start").deepCopy());
      instance.put("recurringEventId", event.get("id").asText());
      Instant start = FakeCalendarStore.instant(instance.get("start"));
      instance.put("id", event.get("id").asText() + "_" + INSTANCE_SUFFIX.format(start));
      instances.add(instance);
    }
    return instances;
  }

  private static JsonNode shift(JsonNode time, int days) {
    ObjectNode shifted = (ObjectNode) time.deepCopy();
    if (time.has("date")) {
      shifted.put("date", LocalDate.parse(time.get("date").asText()).plusDays(days).toString());
    } else {
      OffsetDateTime dateTime = OffsetDateTime.parse(time.get("dateTime").asText());
      shifted.put("dateTime", FakeCalendarStore.rfc3339(dateTime.plusDays(days)));
    }
    return shifted;
  }
}
