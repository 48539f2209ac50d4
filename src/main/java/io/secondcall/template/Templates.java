package io.secondcall.template;

import io.secondcall.core.DraftLanguage;
import io.secondcall.core.StepKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The draft templates, compiled and checked once at start-up. Built-in templates come from the
 * classpath ({@code templates/*.mustache}, copied from {@code config/templates}); a file of the
 * same name in {@code templates_dir} overrides one.
 */
public final class Templates {

  private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
  /** {@code step2.mustache}, {@code step2.de.mustache}, {@code closing.fr.mustache}, ... */
  private static final Pattern NAME = Pattern.compile("(step[1-9][0-9]{0,2}|meeting|closing|nurture)(?:\\.([a-z]{2}))?\\.mustache");
  private static final Pattern STEP = Pattern.compile("step([1-9][0-9]{0,2})");
  private static final List<String> BUILT_INS = List.of("step1", "step2", "step3", "closing", "nurture", "meeting");

  /** The languages with built-in templates, by ISO 639-1 code; English is the fallback. */
  public static final List<String> LANGUAGES = DraftLanguage.BUILT_IN;

  /**
   * A line on its own that ends a template's draft text; what follows are the talking points of
   * the step's callback block (SPEC section 7).
   */
  public static final String CALLBACK_MARKER = "--- callback ---";

  /** One language's templates: follow-up steps by number, the others by name. */
  private record Family(TreeMap<Integer, TemplateCompiler.Parts> steps, Map<String, TemplateCompiler.Parts> named) {}

  private final Map<String, Family> byLanguage;
  private final String fallback;
  private final ZoneId zone;
  private final Clock clock;

  private Templates(Map<String, Family> byLanguage, String fallback, ZoneId zone, Clock clock) {
    this.byLanguage = byLanguage;
    this.fallback = fallback;
    this.zone = zone;
    this.clock = clock;
  }

  /** Loads with dates in UTC, English, on the system clock; see {@link #load(Path, ZoneId, Clock, Locale)}. */
  public static Templates load(Path dirOrNull) {
    return load(dirOrNull, ZoneId.of("UTC"), Clock.systemUTC(), Locale.ENGLISH);
  }

  /**
   * Loads and validates every template. For each language, a file is looked up as
   * {@code templates_dir/<name>.<lang>.mustache}, then {@code templates_dir/<name>.mustache},
   * then the built-in one of that language, then the built-in English one.
   *
   * @param dirOrNull {@code templates_dir}, or null for the built-ins only
   * @param zone the user's time zone, for dates in words
   * @param clock "now", for how long ago the last touch was
   * @param fallback the language of a draft whose context names none the templates know
   * @throws TemplateException naming the file, on a syntax error, an unknown variable, a partial,
   *     or a file that cannot be read
   */
  public static Templates load(Path dirOrNull, ZoneId zone, Clock clock, Locale fallback) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(fallback, "fallback");
    // Keyed "name|language" (language "" for a file without one).
    Map<String, TemplateCompiler.Parts> builtIn = new TreeMap<>();
    for (String language : LANGUAGES) {
      for (String name : BUILT_INS) {
        String file = language.equals("en") ? name + ".mustache" : name + "." + language + ".mustache";
        builtIn.put(name + "|" + language, TemplateCompiler.compile("built-in templates/" + file, readBuiltIn(file)));
      }
    }
    Map<String, TemplateCompiler.Parts> own = new TreeMap<>();
    Set<String> languages = new TreeSet<>(LANGUAGES);
    if (dirOrNull != null) {
      for (Path file : templateFiles(dirOrNull)) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
          LOG.warn("{}: not a template name secondcall uses (step<n>, meeting, closing, nurture, each with an"
              + " optional language such as step1.de), ignored", file);
          continue;
        }
        String language = m.group(2) == null ? "" : m.group(2);
        if (!language.isEmpty()) {
          languages.add(language);
        }
        own.put(m.group(1) + "|" + language, TemplateCompiler.compile(file.toString(), readFile(file)));
        LOG.debug("{}: overrides the built-in template", file);
      }
    }
    Map<String, Family> byLanguage = new TreeMap<>();
    for (String language : languages) {
      Map<String, TemplateCompiler.Parts> chosen = new TreeMap<>();
      for (Map<String, TemplateCompiler.Parts> layer : List.of(builtIn, own)) {
        for (String suffix : List.of(layer == builtIn ? "en" : "", language)) {
          layer.forEach((key, parts) -> {
            if (key.endsWith("|" + suffix)) {
              chosen.put(key.substring(0, key.indexOf('|')), parts);
            }
          });
        }
      }
      TreeMap<Integer, TemplateCompiler.Parts> steps = new TreeMap<>();
      chosen.forEach((name, parts) -> {
        Matcher m = STEP.matcher(name);
        if (m.matches()) {
          steps.put(Integer.parseInt(m.group(1)), parts);
        }
      });
      byLanguage.put(language, new Family(steps, chosen));
    }
    String fallbackCode = byLanguage.containsKey(fallback.getLanguage()) ? fallback.getLanguage() : "en";
    return new Templates(byLanguage, fallbackCode, zone, clock);
  }

  /** The languages there are templates for: the built-in ones and those of files in {@code templates_dir}. */
  public List<String> languages() {
    return List.copyOf(byLanguage.keySet());
  }

  /**
   * The body of a draft, in the context's language. A follow-up step uses {@code step<n>}, or
   * the highest-numbered step template below {@code n} when a cadence is longer than the templates.
   */
  public String render(StepKind kind, int number, DraftContext ctx) {
    DraftContext c = known(ctx);
    return tidy(parts(c.language(), kind, number).body().execute(c.variables(zone, clock)));
  }

  /** The talking points for the step's callback block: the template's part after {@link #CALLBACK_MARKER}. */
  public String renderCallback(StepKind kind, int number, DraftContext ctx) {
    DraftContext c = known(ctx);
    return tidy(parts(c.language(), kind, number).callback().execute(c.variables(zone, clock))).strip();
  }

  private DraftContext known(DraftContext ctx) {
    return byLanguage.containsKey(ctx.language()) ? ctx : ctx.inLanguage(fallback);
  }

  private TemplateCompiler.Parts parts(String language, StepKind kind, int number) {
    Objects.requireNonNull(kind, "kind");
    Family set = byLanguage.get(language);
    return switch (kind) {
      case FOLLOW_UP -> {
        if (number < 1) {
          throw new IllegalArgumentException("follow-up steps count from 1, got " + number);
        }
        yield set.steps().floorEntry(number).getValue();
      }
      case RECAP -> set.named().get("meeting");
      case CLOSING -> set.named().get("closing");
      case NURTURE -> set.named().get("nurture");
    };
  }

  /** Removes the gaps that empty optional sections leave: trailing blanks, runs of blank lines. */
  static String tidy(String text) {
    String s = text.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    return s.strip() + "\n";
  }

  private static String readBuiltIn(String name) {
    try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in template missing from the jar: templates/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading built-in template " + name, e);
    }
  }

  private static String readFile(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new TemplateException(file.toString(), "not valid UTF-8", e);
    } catch (IOException e) {
      throw new TemplateException(file.toString(), "cannot read: " + e, e);
    }
  }

  private static List<Path> templateFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new TemplateException(dir.toString(), "templates_dir is not a directory");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".mustache"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new TemplateException(dir.toString(), "cannot list templates_dir: " + e, e);
    }
  }
}
