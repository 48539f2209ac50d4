package io.secondcall.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.secondcall.core.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page templates under {@code /web} in the jar, rendered by JMustache with every
 * {@code {{value}}} escaped by {@link SafeText#html}: the one rule for text from mail in HTML
 * (bidi overrides and controls removed, then {@code & < > " '} as references). Only the SVG the
 * page draws itself goes in unescaped, with {@code {{{svg}}}}.
 */
final class Html {

  private final Mustache.Compiler compiler = Mustache.compiler()
      .withEscaper(SafeText::html)
      .strictSections(false)
      .emptyStringIsFalse(true)
      // No default value: a name the view lacks is a bug in the page, and fails loudly.
      .withLoader(name -> reader(name + ".mustache"));
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  String render(String name, Map<String, Object> view) {
    return templates.computeIfAbsent(name, n -> {
      try (Reader r = reader(n + ".mustache")) {
        return compiler.compile(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).execute(view);
  }

  /** A file of {@code /web} in the jar, e.g. the style sheet. */
  static String resource(String file) {
    try (InputStream in = Html.class.getResourceAsStream("/web/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /web/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String file) {
    InputStream in = Html.class.getResourceAsStream("/web/" + file);
    if (in == null) {
      throw new IllegalStateException("missing resource /web/" + file);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
