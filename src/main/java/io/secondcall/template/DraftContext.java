package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a draft's text may refer to, before formatting. {@link #variables} turns it into the
 * template variables listed in {@link Variables#NAMES}.
 *
 * @param contact the person the draft goes to
 * @param contactName the contact's full name when known better than the address's display name
 *     (from {@code contacts} in config), or null
 * @param company the contact's company, or null
 * @param originalSubject the outreach subject; reply prefixes are stripped when formatting
 * @param lastTouch when the user last touched the contact (mail sent, meeting held)
 * @param lastQuote the text of the user's last message (shortened when formatting), or null
 * @param step the step number in the sequence, from 1
 * @param myName the user's name ({@code me.name})
 * @param signature the user's signature ({@code me.signature}), or null for {@code myName}
 * @param meetingTitle title of the meeting this draft follows up, if any
 * @param meetingDate start of that meeting, if any
 * @param callbackTime start of the callback block booked for this step, if any
 */
public record DraftContext(
    EmailAddress contact,
    String contactName,
    String company,
    String originalSubject,
    Instant lastTouch,
    String lastQuote,
    int step,
    String myName,
    String signature,
    Optional<String> meetingTitle,
    Optional<Instant> meetingDate,
    Optional<Instant> callbackTime) {

  public DraftContext {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(lastTouch, "lastTouch");
    if (step < 1) {
      throw new IllegalArgumentException("steps count from 1, got " + step);
    }
    originalSubject = originalSubject == null ? "" : originalSubject;
    myName = myName == null ? "" : myName;
    meetingTitle = meetingTitle == null ? Optional.empty() : meetingTitle.filter(t -> !t.isBlank());
    meetingDate = meetingDate == null ? Optional.empty() : meetingDate;
    callbackTime = callbackTime == null ? Optional.empty() : callbackTime;
  }

  /** A context for a plain follow-up: no meeting, no callback booked. */
  public static DraftContext of(EmailAddress contact, String originalSubject, Instant lastTouch,
      String lastQuote, int step, String myName, String signature) {
    return new DraftContext(contact, null, null, originalSubject, lastTouch, lastQuote, step,
        myName, signature, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public DraftContext withContactInfo(String name, String companyName) {
    return new DraftContext(contact, name, companyName, originalSubject, lastTouch, lastQuote, step,
        myName, signature, meetingTitle, meetingDate, callbackTime);
  }

  public DraftContext withMeeting(String title, Instant start) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote,
        step, myName, signature, Optional.ofNullable(title), Optional.ofNullable(start), callbackTime);
  }

  public DraftContext withCallback(Instant start) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote,
        step, myName, signature, meetingTitle, meetingDate, Optional.ofNullable(start));
  }

  /** The template variables, dates in English. */
  public Map<String, Object> variables(ZoneId zone, Clock clock) {
    return variables(zone, clock, Locale.ENGLISH);
  }

  /**
   * The template variables: every name of {@link Variables#NAMES}, none null.
   *
   * @param zone the user's time zone, for dates in words
   * @param clock "now", for {@code last_touch_ago}
   * @param locale language of day and month names
   */
  public Map<String, Object> variables(ZoneId zone, Clock clock, Locale locale) {
    return Variables.of(this, zone, clock.instant(), locale);
  }
}
