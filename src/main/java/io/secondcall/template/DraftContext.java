package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
 * @param language ISO 639-1 code of the draft's language (see {@link Templates#LANGUAGES})
 * @param meetingNotes the description of the meeting this draft follows up, if any: only its
 *     marked lines are recalled (see {@link io.secondcall.core.RecapNotes})
 * @param callbackZone the contact's zone when their clock differs from the user's: the call
 *     time is then given in their time
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
    Optional<Instant> callbackTime,
    String language,
    String meetingNotes,
    Optional<ZoneId> callbackZone) {

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
    language = language == null ? "en" : language;
    meetingNotes = meetingNotes == null ? "" : meetingNotes;
    callbackZone = callbackZone == null ? Optional.empty() : callbackZone;
  }

  /** In English, without meeting notes, the call in the user's own time. */
  public DraftContext(EmailAddress contact, String contactName, String company, String originalSubject,
      Instant lastTouch, String lastQuote, int step, String myName, String signature, Optional<String> meetingTitle,
      Optional<Instant> meetingDate, Optional<Instant> callbackTime) {
    this(contact, contactName, company, originalSubject, lastTouch, lastQuote, step, myName, signature,
        meetingTitle, meetingDate, callbackTime, "en", "", Optional.empty());
  }

  /** A context for a plain follow-up: no meeting, no callback booked. */
  public static DraftContext of(EmailAddress contact, String originalSubject, Instant lastTouch,
      String lastQuote, int step, String myName, String signature) {
    return new DraftContext(contact, null, null, originalSubject, lastTouch, lastQuote, step,
        myName, signature, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public DraftContext withContactInfo(String name, String companyName) {
    return new DraftContext(contact, name, companyName, originalSubject, lastTouch, lastQuote, step,
        myName, signature, meetingTitle, meetingDate, callbackTime, language, meetingNotes, callbackZone);
  }

  public DraftContext withMeeting(String title, Instant start) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote,
        step, myName, signature, Optional.ofNullable(title), Optional.ofNullable(start), callbackTime, language,
        meetingNotes, callbackZone);
  }

  /** The meeting's description: a recap recalls only what it marks. */
  public DraftContext withMeetingNotes(String notes) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote, step, myName,
        signature, meetingTitle, meetingDate, callbackTime, language, notes, callbackZone);
  }

  public DraftContext inLanguage(String code) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote, step, myName,
        signature, meetingTitle, meetingDate, callbackTime, code, meetingNotes, callbackZone);
  }

  public DraftContext withCallback(Instant start) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote,
        step, myName, signature, meetingTitle, meetingDate, Optional.ofNullable(start), language, meetingNotes,
        callbackZone);
  }

  /** The call at {@code start}, told in {@code theirZone} when that is not the user's. */
  public DraftContext withCallback(Instant start, Optional<ZoneId> theirZone) {
    return withCallback(start).withCallbackZone(theirZone);
  }

  private DraftContext withCallbackZone(Optional<ZoneId> zone) {
    return new DraftContext(contact, contactName, company, originalSubject, lastTouch, lastQuote, step, myName,
        signature, meetingTitle, meetingDate, callbackTime, language, meetingNotes, zone);
  }

  /**
   * The template variables in the context's language: every name of {@link Variables#NAMES}, none null.
   *
   * @param zone the user's time zone, for dates in words
   * @param clock "now", for {@code last_touch_ago}
   */
  public Map<String, Object> variables(ZoneId zone, Clock clock) {
    return Variables.of(this, zone, clock.instant());
  }
}
