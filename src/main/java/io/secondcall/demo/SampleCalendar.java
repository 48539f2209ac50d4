package io.secondcall.demo;

/** Dana's calendar before the demo: a weekly client workshop and a daily stand-up. */
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
      "END:VCALENDAR",
      "");

  private SampleCalendar() {}
}
