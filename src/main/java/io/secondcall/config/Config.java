package io.secondcall.config;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Holidays;
import io.secondcall.core.Identity;
import io.secondcall.core.WorkingHours;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration (SPEC section 9), validated by {@link ConfigLoader} and immutable
 * from then on. Every path but {@code source} is absolute: relative ones in the file are
 * resolved against the directory of the config file.
 *
 * @param source the config file it was loaded from, as given (error messages name it so)
 * @param identity {@code me.name}, {@code me.addresses}, {@code me.internal_domains} and the
 *     {@code ignore} section
 * @param zone {@code me.timezone}
 * @param workingHours {@code me.working_hours}, 09:00-17:00 by default
 * @param holidays {@code me.holidays} as normalised (e.g. {@code DE-BY}), or null for weekends only
 * @param holidayCalendar the public holidays of {@code holidays}
 * @param signature {@code me.signature}, or null: drafts then sign as the user signs their mail
 * @param contacts {@code contacts}, keyed by lower-case address
 * @param pollInterval {@code daemon.poll_seconds}, 300 s by default
 * @param templatesDir {@code templates_dir}, or null for the built-in templates
 * @param stateDir {@code state_dir}
 * @param primaryAddress the first of {@code me.addresses} (the identity's set has no order): the
 *     From and To of the digest and the account name in log lines
 * @param web {@code web}: where {@code run} serves the pipeline page
 * @param keepDays {@code state.keep_days}: ended conversations are archived this many days after
 *     they ended, 365 by default
 */
public record Config(
    Path source,
    Identity identity,
    ZoneId zone,
    WorkingHours workingHours,
    String holidays,
    Holidays holidayCalendar,
    String signature,
    MailSettings mail,
    CalendarSettings calendar,
    GoogleSettings google,
    FollowUpRules followUp,
    CallbackSettings callbacks,
    Map<String, ContactInfo> contacts,
    Duration pollInterval,
    Path templatesDir,
    Path stateDir,
    String primaryAddress,
    WebSettings web,
    int keepDays) {

  /** {@code state.keep_days} when the config does not say. */
  public static final int DEFAULT_KEEP_DAYS = 365;

  /** With the default {@code state.keep_days}. */
  public Config(Path source, Identity identity, ZoneId zone, WorkingHours workingHours, String holidays,
      Holidays holidayCalendar, String signature, MailSettings mail, CalendarSettings calendar, GoogleSettings google,
      FollowUpRules followUp, CallbackSettings callbacks, Map<String, ContactInfo> contacts, Duration pollInterval,
      Path templatesDir, Path stateDir, String primaryAddress, WebSettings web) {
    this(source, identity, zone, workingHours, holidays, holidayCalendar, signature, mail, calendar, google, followUp,
        callbacks, contacts, pollInterval, templatesDir, stateDir, primaryAddress, web, DEFAULT_KEEP_DAYS);
  }

  public Config {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(workingHours, "workingHours");
    Objects.requireNonNull(holidayCalendar, "holidayCalendar");
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(google, "google");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(callbacks, "callbacks");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(stateDir, "stateDir");
    web = web == null ? WebSettings.DEFAULTS : web;
    if (keepDays < 1) {
      throw new IllegalArgumentException("keepDays must be positive");
    }
    signature = signature == null || signature.isBlank() ? null : signature;
    contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    primaryAddress = primaryAddress == null
        ? identity.addresses().iterator().next()
        : primaryAddress.strip().toLowerCase(Locale.ROOT);
    if (!identity.addresses().contains(primaryAddress)) {
      throw new IllegalArgumentException("primaryAddress must be one of the identity's addresses");
    }
  }

  /** Business days and hours in the user's zone, minus their public holidays. */
  public BusinessCalendar businessCalendar() {
    return new BusinessCalendar(zone, workingHours, holidayCalendar);
  }

  /** What the config says about {@code address}, matched case-insensitively. */
  public Optional<ContactInfo> contact(String address) {
    return Optional.ofNullable(contacts.get(address.strip().toLowerCase(Locale.ROOT)));
  }

  /** Whether anything uses the {@code google} section. */
  public boolean usesGoogle() {
    return mail.provider() == MailSettings.Provider.GMAIL
        || calendar.provider() == CalendarSettings.Provider.GOOGLE;
  }
}
