package io.secondcall.engine;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a cycle needs to know about the user, taken from the validated config.
 *
 * @param signature {@code me.signature}, or null to sign as the user signs their mail, else with their name
 * @param me the address drafts come from (the first of {@code me.addresses}, with {@code me.name})
 * @param contacts extra knowledge from {@code contacts}, keyed by lower-case address
 * @param callbacksPerDay {@code callbacks.per_day}
 * @param callbackLength {@code callbacks.duration_minutes}
 * @param phoneRegion the region for numbers written without a country code when the contact's
 *     domain does not tell (the country of {@code me.holidays}, else US)
 * @param keepDays {@code state.keep_days}: ended conversations older than this are archived
 */
public record EngineSettings(
    Identity identity,
    EmailAddress me,
    FollowUpRules rules,
    BusinessCalendar calendar,
    String signature,
    Map<String, ContactCard> contacts,
    int callbacksPerDay,
    Duration callbackLength,
    String phoneRegion,
    int keepDays) {

  /** The default of {@code state.keep_days}. */
  public static final int KEEP_DAYS = 365;

  public EngineSettings(Identity identity, EmailAddress me, FollowUpRules rules, BusinessCalendar calendar,
      String signature, Map<String, ContactCard> contacts, int callbacksPerDay, Duration callbackLength,
      String phoneRegion) {
    this(identity, me, rules, calendar, signature, contacts, callbacksPerDay, callbackLength, phoneRegion, KEEP_DAYS);
  }

  /** With the callback defaults of SPEC section 9: 3 a day, 15 minutes. */
  public EngineSettings(Identity identity, EmailAddress me, FollowUpRules rules, BusinessCalendar calendar,
      String signature, Map<String, ContactCard> contacts) {
    this(identity, me, rules, calendar, signature, contacts, 3, Duration.ofMinutes(15), "US");
  }

  public EngineSettings {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(me, "me");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(calendar, "calendar");
    contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    if (callbacksPerDay < 1 || callbackLength == null || callbackLength.isNegative() || callbackLength.isZero()) {
      throw new IllegalArgumentException("callbacks need a positive daily count and length");
    }
    phoneRegion = phoneRegion == null ? "US" : phoneRegion;
    if (keepDays < 1) {
      throw new IllegalArgumentException("keepDays must be positive");
    }
  }

  /** The same settings with another {@code state.keep_days}. */
  public EngineSettings withKeepDays(int days) {
    return new EngineSettings(identity, me, rules, calendar, signature, contacts, callbacksPerDay, callbackLength,
        phoneRegion, days);
  }

  public ContactCard card(EmailAddress address) {
    return contacts.getOrDefault(address.address().toLowerCase(Locale.ROOT), ContactCard.EMPTY);
  }
}
