package io.secondcall.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers of contacts, parsed and formatted with libphonenumber: from config, from a
 * meeting, or from the signature of the contact's own mail (SPEC section 7).
 */
public final class PhoneNumbers {

  /** Region used when nothing better is known: what {@code me.holidays} absent means. */
  public static final String DEFAULT_REGION = "US";

  /** libphonenumber's "unknown region": only numbers written with a leading + are understood. */
  private static final String UNKNOWN_REGION = "ZZ";

  /**
   * Country-code TLDs that are sold worldwide as generic ones (acme.io, studio.ai, brand.co): they
   * say nothing about where the contact lives.
   */
  private static final Set<String> VANITY_TLDS =
      Set.of("io", "ai", "co", "me", "tv", "fm", "am", "cc", "ws", "to", "gg", "ly", "sh", "so", "vc", "xyz");

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** The label nearest before a number; one-letter labels ("T:", "M +49") only right before it. */
  private static final Pattern LABEL = Pattern.compile(
      "(?<![\\p{L}])(?:(?<fax>telefax|fax)|(?<tel>telefon|telephone|téléphone|teléfono|telefono|tél|tel|tfno|phone|ph|"
          + "mobile|mobil|mob|handy|cell|fon|móvil|movil|portable|cellulare|direct|direkt|durchwahl))(?![\\p{L}])"
          + "|(?<![\\p{L}])(?:(?<faxletter>f)|(?<telletter>[tmpd]))\\s*[:.]?\\s*$",
      FLAGS);

  private final PhoneNumberUtil util;

  public PhoneNumbers() {
    this(PhoneNumberUtil.getInstance());
  }

  PhoneNumbers(PhoneNumberUtil util) {
    this.util = util;
  }

  /**
   * The number written in {@code text}, when libphonenumber considers it a valid number.
   *
   * @param defaultRegion ISO 3166 region for numbers written without a country code ({@code DE}
   *     for "089 12345678"); null when unknown
   */
  public Optional<Phone> parse(String text, String defaultRegion) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return toPhone(util.parse(text, region(defaultRegion)));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The writer's own number from the signature of their mail (see {@link SignatureArea}): a
   * number labelled Tel/Phone/Mobile/Handy/... wins over an unlabelled one, numbers labelled Fax
   * are skipped. Numbers in the body text are not taken (they may be a colleague's or a hotline),
   * nor those in quoted text (in a reply that is the user's own number).
   */
  public Optional<Phone> fromSignature(String plainTextBody, String defaultRegion) {
    PhoneNumber unlabelled = null;
    for (String line : SignatureArea.lines(plainTextBody)) {
      int previousEnd = 0;
      for (PhoneNumberMatch match : util.findNumbers(line, region(defaultRegion), Leniency.VALID, Long.MAX_VALUE)) {
        Label label = labelBefore(line.substring(previousEnd, match.start()));
        previousEnd = match.end();
        if (label == Label.PHONE) {
          return toPhone(match.number());
        }
        if (label == Label.NONE && unlabelled == null) {
          unlabelled = match.number();
        }
      }
    }
    return unlabelled == null ? Optional.empty() : toPhone(unlabelled);
  }

  /**
   * The region to read a contact's national numbers in, from the country-code TLD of their mail
   * domain ({@code acme.de} gives {@code DE}, {@code acme.co.uk} gives {@code GB}); generic
   * domains give the fallback.
   *
   * @param emailDomain a domain or a whole address
   * @param fallbackCountry {@code me.holidays} or its country ({@code DE-BY} or {@code DE}); null
   *     or unknown gives {@link #DEFAULT_REGION}
   */
  public String regionFor(String emailDomain, String fallbackCountry) {
    return countryOf(emailDomain).orElseGet(() -> fallbackRegion(fallbackCountry));
  }

  /**
   * The country of a mail domain's country-code TLD ({@code acme.de} gives {@code DE},
   * {@code acme.co.uk} gives {@code GB}); empty for generic and vanity domains.
   *
   * @param emailDomain a domain or a whole address
   */
  public Optional<String> countryOf(String emailDomain) {
    if (emailDomain == null) {
      return Optional.empty();
    }
    String domain = emailDomain.substring(emailDomain.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    while (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    int dot = domain.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String tld = domain.substring(dot + 1);
    if (tld.length() != 2 || VANITY_TLDS.contains(tld)) {
      return Optional.empty();
    }
    String region = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
    return util.getSupportedRegions().contains(region) ? Optional.of(region) : Optional.empty();
  }

  private String fallbackRegion(String country) {
    if (country == null || country.isBlank()) {
      return DEFAULT_REGION;
    }
    String code = country.strip().split("-", 2)[0].toUpperCase(Locale.ROOT);
    if (code.equals("UK")) {
      code = "GB";
    }
    return util.getSupportedRegions().contains(code) ? code : DEFAULT_REGION;
  }

  private Optional<Phone> toPhone(PhoneNumber number) {
    if (!util.isValidNumber(number)) {
      return Optional.empty();
    }
    return Optional.of(new Phone(util.format(number, PhoneNumberFormat.E164),
        util.format(number, PhoneNumberFormat.INTERNATIONAL)));
  }

  private static String region(String defaultRegion) {
    return defaultRegion == null || defaultRegion.isBlank() ? UNKNOWN_REGION : defaultRegion.strip().toUpperCase(Locale.ROOT);
  }

  private enum Label { PHONE, FAX, NONE }

  private static Label labelBefore(String prefix) {
    Matcher m = LABEL.matcher(prefix);
    Label last = Label.NONE;
    while (m.find()) {
      last = m.group("fax") != null || m.group("faxletter") != null ? Label.FAX : Label.PHONE;
    }
    return last;
  }
}
