package io.secondcall.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --now}: an ISO-8601 instant, in UTC ({@code Z}) or with an offset. A date alone or a time
 * without offset is refused with the format spelled out: guessing a time of day or a zone would
 * make a preview run at an hour the user did not mean.
 */
final class InstantConverter implements ITypeConverter<Instant> {

  static final String FORMAT = "an ISO-8601 instant such as 2026-12-01T09:30:00Z (UTC) or 2026-12-01T10:30:00+01:00";

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+");

  @Override
  public Instant convert(String value) {
    String v = value.strip();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      String what = DATE.matcher(v).matches() ? "is a date without a time"
          : LOCAL.matcher(v).matches() ? "has no zone offset" : "is not an instant";
      throw new TypeConversionException("'" + v + "' " + what + ": expected " + FORMAT);
    }
  }
}
