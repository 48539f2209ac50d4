package io.secondcall.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles one template file and checks it once, at start-up: syntax, partials, and that every
 * variable it names is one a draft context holds.
 */
final class TemplateCompiler {

  // Strict: no defaultValue, so an unknown variable throws; strictSections so an unknown section
  // name throws too. Plain text bodies: nothing is HTML-escaped.
  private static final Mustache.Compiler COMPILER = Mustache.compiler()
      .strictSections(true)
      .escapeHTML(false)
      .emptyStringIsFalse(true);

  private static final Pattern MARKER_LINE = Pattern.compile("(?m)^" + Pattern.quote(Templates.CALLBACK_MARKER) + "[ \t]*\r?$\n?");

  /** A template's two parts: the draft body and the callback talking points (possibly empty). */
  record Parts(Template body, Template callback) {}

  private TemplateCompiler() {}

  static Parts compile(String source, String text) {
    String[] parts = MARKER_LINE.split(text, 2);
    return new Parts(compilePart(source, parts[0]), compilePart(source, parts.length > 1 ? parts[1] : ""));
  }

  private static Template compilePart(String source, String text) {
    Template t;
    try {
      t = COMPILER.compile(text);
    } catch (MustacheException e) {
      throw new TemplateException(source, "template syntax error: " + oneLine(e.getMessage()), e);
    }
    String[] problem = {null};
    t.visit(new NameCheck(problem));
    if (problem[0] != null) {
      throw new TemplateException(source, problem[0]);
    }
    // Both samples: one enters every section, the other every inverted section.
    for (Map<String, Object> sample : List.of(Variables.sampleFilled(), Variables.sampleEmpty())) {
      try {
        t.execute(sample);
      } catch (MustacheException.Context e) {
        throw new TemplateException(source, unknown(e.key), e);
      } catch (MustacheException e) {
        throw new TemplateException(source, "template error: " + oneLine(e.getMessage()), e);
      }
    }
    return t;
  }

  static String unknown(String name) {
    return "unknown variable \"" + oneLine(name) + "\" (known: " + String.join(", ", Variables.NAMES) + ")";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  /** Finds names no context will ever hold, including inside sections the samples skip. */
  private static final class NameCheck implements Mustache.Visitor {
    private final String[] problem;

    NameCheck(String[] problem) {
      this.problem = problem;
    }

    private void check(String name) {
      if (problem[0] != null || name.equals(".") || name.equals("this")) {
        return;
      }
      if (!Variables.NAMES.contains(name)) {
        problem[0] = unknown(name);
      }
    }

    @Override public void visitText(String text) {}

    @Override public void visitVariable(String name) {
      check(name);
    }

    @Override public boolean visitInclude(String name) {
      if (problem[0] == null) {
        problem[0] = "partials are not supported ({{> " + oneLine(name) + "}})";
      }
      return false;
    }

    @Override public boolean visitParent(String name) {
      return visitInclude(name);
    }

    @Override public boolean visitBlock(String name) {
      check(name);
      return true;
    }

    @Override public boolean visitSection(String name) {
      check(name);
      return true;
    }

    @Override public boolean visitInvertedSection(String name) {
      check(name);
      return true;
    }
  }
}
