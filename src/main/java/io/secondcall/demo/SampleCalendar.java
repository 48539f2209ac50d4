package io.secondcall.demo;

/**
 * Dana's calendar before the demo: a weekly client workshop, a daily stand-up, and the intro call
 * with Maria Lopez the day before the first cycle.
 */
final class SampleCalendar {

  static final String ICS = String.join("\r\n",
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//secondcall//demo//EN",
      "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT",
      "UID:standup@northwind-consulting.example",
      "DTSTAMP:20261201T080000Z",
      "DTSTART;TZID=Europe/Berlin:20261201T090000",
      "DTEND;TZID=Europe/Berlin:20261201T093000",
      "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      "SUMMARY:Team stand-up",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:workshop@northwind-consulting.example",
      "DTSTAMP:20261201T080000Z",
      "DTSTART;TZID=Europe/Berlin:20261207T100000",
      "DTEND;TZID=Europe/Berlin:20261207T130000",
      "RRULE:FREQ=WEEKLY;BYDAY=MO",
      "SUMMARY:Client workshop (Globex)",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:intro-soylent@northwind-consulting.example",
      "DTSTAMP:20261210T080000Z",
      "CREATED:20261210T080000Z",
      "DTSTART;TZID=Europe/Berlin:20261217T150000",
      "DTEND;TZID=Europe/Berlin:20261217T154500",
      "SUMMARY:Intro call Soylent",
      "DESCRIPTION:Notes: budget approval only in January\\, they also talk to a compe",
      " titor.\\nAgreed: migration of the order data before the summer\\, a first w",
      " orkshop in February.\\nMaria: +34 612 345 678",
      "ORGANIZER;CN=Dana Weber:mailto:dana@northwind-consulting.example",
      "ATTENDEE;CN=Dana Weber;PARTSTAT=ACCEPTED:mailto:dana@northwind-consulting.example",
      "ATTENDEE;CN=Maria Lopez;PARTSTAT=ACCEPTED:mailto:maria@soylent.example",
      "END:VEVENT",
      "END:VCALENDAR",
      "");

  private SampleCalendar() {}
}
