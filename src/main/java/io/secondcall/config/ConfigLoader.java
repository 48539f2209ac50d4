package io.secondcall.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Holidays;
import io.secondcall.core.Identity;
import io.secondcall.core.WorkingHours;
import io.secondcall.holidays.JollydayHolidays;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads and validates the YAML configuration once, into an immutable {@link Config}. Every
 * failure is a {@link ConfigException} with a one-line message naming the file, the dotted key
 * and what is expected.
 */
public final class ConfigLoader {

  private static final long MAX_FILE_BYTES = 1024 * 1024;
  private static final int DEFAULT_POLL_SECONDS = 300;
  private static final Pattern HOURS =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./\\-]{3,30}");
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A hundred years: more is a typo, not a plan. */
  private static final int MAX_KEEP_DAYS = 36_500;

  private ConfigLoader() {}

  /** Loads {@code file}, taking {@code password_env} variables from the process environment. */
  public static Config load(Path file) {
    return load(file, System.getenv());
  }

  /** Loads {@code file}, taking {@code password_env} variables from {@code env}. */
  public static Config load(Path file, Map<String, String> env) {
    ConfigNode root = ConfigNode.root(file, readTree(file));
    root.section("me", "mail", "calendar", "google", "followup", "callbacks", "ignore", "contacts",
        "daemon", "web", "templates_dir", "state", "state_dir");
    ValueReader values = new ValueReader(file, env);

    ConfigNode me = root.get("me");
    if (!me.isPresent()) {
      throw me.expected("a map with name, addresses and timezone (required)");
    }
    me.section("name", "addresses", "internal_domains", "timezone", "working_hours", "holidays", "signature");
    String name = me.get("name").requiredString("your name as it should appear in drafts");
    Set<String> addresses = addresses(me.get("addresses"), values);
    ConfigNode ignore = root.get("ignore").section("addresses", "domains");
    Identity identity = new Identity(name, addresses, values.domains(me.get("internal_domains")),
        values.emails(ignore.get("addresses")), values.domains(ignore.get("domains")));

    ZoneId zone = zone(me.get("timezone"));
    WorkingHours hours = workingHours(me.get("working_hours"));
    Holidays holidayCalendar = holidays(me.get("holidays"));
    String holidays = holidayCalendar instanceof JollydayHolidays j ? j.code() : null;
    String signature = me.get("signature").string("a signature text").orElse(null);

    MailSettings mail = MailSectionReader.read(root.get("mail"), values);
    CalendarSettings calendar = CalendarSectionReader.readCalendar(root.get("calendar"), values);
    boolean usesGoogle = mail.provider() == MailSettings.Provider.GMAIL
        || calendar.provider() == CalendarSettings.Provider.GOOGLE;
    GoogleSettings google = CalendarSectionReader.readGoogle(root.get("google"), usesGoogle, values);
    FollowUpRules followUp = FollowUpSectionReader.read(root.get("followup"), mail.provider(), values);

    CallbackSettings callbacks = callbacks(root.get("callbacks"));
    Map<String, ContactInfo> contacts = contacts(root.get("contacts"), values);
    ConfigNode daemon = root.get("daemon").section("poll_seconds");
    Duration poll = Duration.ofSeconds(daemon.get("poll_seconds").integer(DEFAULT_POLL_SECONDS, 30, 86_400));
    WebSettings web = WebSectionReader.read(root.get("web"), values);
    Path templatesDir = templatesDir(root.get("templates_dir"), values);
    Path stateDir = stateDir(root.get("state_dir"), values);
    int keepDays = root.get("state").section("keep_days").get("keep_days")
        .integer(Config.DEFAULT_KEEP_DAYS, 1, MAX_KEEP_DAYS);

    return new Config(file, identity, zone, hours, holidays, holidayCalendar, signature, mail, calendar,
        google, followUp, callbacks, contacts, poll, templatesDir, stateDir, addresses.iterator().next(), web,
        keepDays);
  }

  private static JsonNode readTree(Path file) {
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw ConfigException.expected(file, null, "a YAML config file", "a directory");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw ConfigException.expected(file, null, "a YAML config file of at most 1 MiB",
            Files.size(file) + " bytes");
      }
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.expected(file, null, "a YAML config file", "no such file");
    } catch (AccessDeniedException e) {
      throw ConfigException.expected(file, null, "a readable YAML config file", "permission denied");
    } catch (MalformedInputException e) {
      throw ConfigException.expected(file, null, "a UTF-8 text file", "bytes that are not UTF-8");
    } catch (IOException e) {
      throw ConfigException.expected(file, null, "a readable YAML config file",
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw ConfigException.expected(file, null, "a YAML map with at least me, mail and state_dir",
          "an empty file");
    }
    if (!tree.isObject()) {
      throw ConfigException.expected(file, null, "a YAML map of sections (me, mail, ...) at the top",
          tree.isArray() ? "a list" : "a single value");
    }
    return tree;
  }

  /** One line with the line number: snakeyaml's own message spans several lines with a caret. */
  private static ConfigException syntaxError(Path file, JsonProcessingException e) {
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      problem = marked.getProblem();
      if (marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1;
      }
    }
    Matcher duplicate = Pattern.compile("Duplicate field '(.*)'").matcher(problem == null ? "" : problem);
    String detail = duplicate.find()
        ? "duplicate key \"" + duplicate.group(1) + "\" (each key may appear once in a map)"
        : "invalid YAML: " + (problem == null ? e.getClass().getSimpleName() : problem.lines().findFirst().orElse(""));
    return new ConfigException(file, line > 0 ? "line " + line : null, detail, e);
  }

  private static Set<String> addresses(ConfigNode node, ValueReader values) {
    Set<String> addresses = values.emails(node);
    if (addresses.isEmpty()) {
      throw node.expected("a list of your email addresses such as [dana@example.com] (required)");
    }
    return addresses;
  }

  private static CallbackSettings callbacks(ConfigNode node) {
    node.section("per_day", "duration_minutes");
    return new CallbackSettings(
        node.get("per_day").integer(CallbackSettings.DEFAULTS.perDay(), 0, 50),
        node.get("duration_minutes").integer(CallbackSettings.DEFAULTS.durationMinutes(), 5, 480));
  }

  private static ZoneId zone(ConfigNode node) {
    String expected = "an IANA time zone such as Europe/Berlin";
    String text = node.requiredString(expected);
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw node.expected(expected);
    }
  }

  private static WorkingHours workingHours(ConfigNode node) {
    String expected = "working hours as HH:MM-HH:MM, start before end, such as 09:00-17:00";
    var text = node.string(expected);
    if (text.isEmpty()) {
      return WorkingHours.DEFAULT;
    }
    Matcher m = HOURS.matcher(text.get());
    if (!m.matches()) {
      throw node.expected(expected);
    }
    try {
      LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      LocalTime end = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      return new WorkingHours(start, end);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw node.expected(expected);
    }
  }

  private static Holidays holidays(ConfigNode node) {
    String expected = "an ISO 3166 country code, optionally with a subdivision, such as DE, DE-BY or US-NY";
    if (node.isPresent() && "false".equals(node.found())) {
      // YAML 1.1 reads an unquoted NO (Norway) as false.
      throw node.expected(expected + " (write \"NO\" in quotes for Norway)");
    }
    var code = node.string(expected);
    if (code.isEmpty()) {
      return Holidays.none();
    }
    try {
      return JollydayHolidays.of(code.get());
    } catch (IllegalArgumentException e) {
      // The holiday data's message already says what is expected: "unknown subdivision ...: expected one of ...".
      throw node.fail(e.getMessage() + ", got " + node.found());
    }
  }

  private static Map<String, ContactInfo> contacts(ConfigNode node, ValueReader values) {
    Map<String, ContactInfo> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
      ConfigNode contact = entry.getValue().section("name", "phone", "company", "timezone");
      String address = values.emailKey(entry.getValue(), entry.getKey());
      ConfigNode phoneNode = contact.get("phone");
      String phone = phoneNode.string("a phone number such as +49 30 1234567").orElse(null);
      if (phone != null && !PHONE.matcher(phone).matches()) {
        throw phoneNode.expected("a phone number such as +49 30 1234567");
      }
      out.put(address, new ContactInfo(
          contact.get("name").string("the contact's name").orElse(null),
          phone,
          contact.get("company").string("the contact's company").orElse(null),
          contact.get("timezone").isPresent() ? zone(contact.get("timezone")) : null));
    }
    return out;
  }

  private static Path templatesDir(ConfigNode node, ValueReader values) {
    Path dir = values.path(node, "a directory of templates");
    if (dir != null && !Files.isDirectory(dir)) {
      throw ConfigException.expected(node.file(), node.key(),
          "an existing directory of templates (leave templates_dir out for the built-in ones)",
          "no directory at " + dir);
    }
    return dir;
  }

  private static Path stateDir(ConfigNode node, ValueReader values) {
    if (!node.isPresent()) {
      throw node.expected("a directory for the state database such as /var/lib/secondcall (required)");
    }
    Path dir = values.path(node, "a directory for the state database");
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw node.expected("a directory, not a file, such as /var/lib/secondcall");
    }
    return dir;
  }
}
