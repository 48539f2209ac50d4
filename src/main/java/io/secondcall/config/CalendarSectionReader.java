package io.secondcall.config;

import io.secondcall.config.CalendarSettings.Provider;
import io.secondcall.tls.CertificatePin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code calendar} and the shared {@code google} section. */
final class CalendarSectionReader {

  private CalendarSectionReader() {}

  static CalendarSettings readCalendar(ConfigNode calendar, ValueReader values) {
    calendar.section("provider", "ics", "caldav", "google");
    ConfigNode ics = calendar.get("ics").section("path");
    ConfigNode caldav = calendar.get("caldav")
        .section("url", "username", "password", "password_file", "password_env", "tls_fingerprint");
    ConfigNode google = calendar.get("google").section("calendar_id");
    Provider inferred = inferProvider(ics, caldav, google);
    Provider provider = calendar.get("provider").choice(Provider.class, inferred);
    rejectUnused(provider, Provider.ICS, ics);
    rejectUnused(provider, Provider.CALDAV, caldav);
    rejectUnused(provider, Provider.GOOGLE, google);
    return switch (provider) {
      case NONE -> CalendarSettings.none();
      case ICS -> new CalendarSettings(provider, icsPath(ics.get("path"), values), null, null);
      case CALDAV -> new CalendarSettings(provider, null, caldav(caldav, values), null);
      case GOOGLE -> new CalendarSettings(provider, null, null,
          google.get("calendar_id").string("a calendar id such as primary").orElse("primary"));
    };
  }

  /** Without a provider, the one sub-section that is there says which one is meant. */
  private static Provider inferProvider(ConfigNode ics, ConfigNode caldav, ConfigNode google) {
    int present = (ics.isPresent() ? 1 : 0) + (caldav.isPresent() ? 1 : 0) + (google.isPresent() ? 1 : 0);
    if (present != 1) {
      return Provider.NONE;
    }
    return ics.isPresent() ? Provider.ICS : caldav.isPresent() ? Provider.CALDAV : Provider.GOOGLE;
  }

  private static void rejectUnused(Provider chosen, Provider owner, ConfigNode section) {
    if (section.isPresent() && chosen != owner) {
      String name = owner.name().toLowerCase(java.util.Locale.ROOT);
      throw section.expected("no " + name + " section unless calendar.provider is " + name
          + " (it is " + chosen.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
  }

  private static Path icsPath(ConfigNode node, ValueReader values) {
    if (!node.isPresent()) {
      throw node.expected("the path of an iCalendar file (required with provider ics)");
    }
    Path path = values.path(node, "the path of an iCalendar file");
    if (Files.isDirectory(path)) {
      throw node.expected("a file, not a directory");
    }
    return path;
  }

  private static CalendarSettings.CalDav caldav(ConfigNode caldav, ValueReader values) {
    if (!caldav.isPresent()) {
      throw caldav.expected("a map with url, username and password_file or password_env (required with provider caldav)");
    }
    URI url = values.url(caldav.get("url"), "https://dav.example.com/dana/calendar/");
    String username = caldav.get("username").requiredString("the CalDAV login name");
    ConfigNode pinNode = caldav.get("tls_fingerprint");
    CertificatePin pin = values.pin(pinNode);
    if (pin != null && !"https".equalsIgnoreCase(url.getScheme())) {
      throw pinNode.expected("no certificate fingerprint with an http url (there is no certificate)");
    }
    return new CalendarSettings.CalDav(url, username, values.secret(caldav), pin);
  }

  static GoogleSettings readGoogle(ConfigNode google, boolean used, ValueReader values) {
    google.section("credentials_file", "endpoints");
    ConfigNode endpoints = google.get("endpoints").section("api", "auth", "token");
    ConfigNode credentials = google.get("credentials_file");
    if (used && !credentials.isPresent()) {
      throw credentials.expected("the OAuth client file of a Desktop app such as /etc/secondcall/google-client.json"
          + " (required with mail.provider gmail or calendar.provider google)");
    }
    Path credentialsFile = values.existingFile(credentials, "an OAuth client JSON file");
    return new GoogleSettings(credentialsFile,
        endpoint(endpoints.get("api"), GoogleSettings.DEFAULT_API, values),
        endpoint(endpoints.get("auth"), GoogleSettings.DEFAULT_AUTH, values),
        endpoint(endpoints.get("token"), GoogleSettings.DEFAULT_TOKEN, values));
  }

  private static URI endpoint(ConfigNode node, URI fallback, ValueReader values) {
    return node.isPresent() ? values.url(node, fallback.toString()) : fallback;
  }
}
