package io.secondcall.mail.mime;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The METHOD of a text/calendar part (RFC 5546): REQUEST, REPLY, CANCEL ... */
public final class CalendarMethod {

  private static final Pattern METHOD = Pattern.compile("(?im)^METHOD:\\s*([A-Za-z-]+)");

  private CalendarMethod() {}

  /**
   * The Content-Type's {@code method} parameter when present, else the part's own METHOD line;
   * upper-case, or null when neither says.
   *
   * @param body the part's text, read only when the parameter is missing
   */
  public static String of(String parameter, Supplier<String> body) {
    String method = parameter;
    if (method == null) {
      Matcher matcher = METHOD.matcher(body.get());
      method = matcher.find() ? matcher.group(1) : null;
    }
    return method == null || method.isBlank() ? null : method.strip().toUpperCase(Locale.ROOT);
  }
}
