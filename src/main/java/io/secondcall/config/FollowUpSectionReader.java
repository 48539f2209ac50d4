package io.secondcall.config;

import io.secondcall.core.DraftLanguage;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.FollowUpRules.ReplyMatch;
import io.secondcall.core.FollowUpRules.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code followup} into the core's {@link FollowUpRules}, defaults as in SPEC section 9. */
final class FollowUpSectionReader {

  private static final String CADENCE = "a list of business days between steps, each a whole number from 1 to 365, such as [3, 5, 7]";

  private FollowUpSectionReader() {}

  static FollowUpRules read(ConfigNode followup, MailSettings.Provider mailProvider, ValueReader values) {
    followup.section("track", "tag_addresses", "tag_label", "reply_match", "lookback_days", "cadence",
        "nurture_days", "max_touches", "max_recipients", "max_drafts_per_day", "after_meeting_days",
        "stop_folder", "auto_send", "language");
    FollowUpRules d = FollowUpRules.defaults();
    Track track = followup.get("track").choice(Track.class, d.track());
    ConfigNode tagNode = followup.get("tag_addresses");
    Set<String> tagAddresses = values.emails(tagNode);
    if (track == Track.TAGGED && mailProvider == MailSettings.Provider.IMAP && tagAddresses.isEmpty()) {
      throw tagNode.expected("at least one address such as dana+fu@example.com when followup.track is tagged"
          + " and mail.provider is imap (nothing would be tracked)");
    }
    String tagLabel = followup.get("tag_label").string("a Gmail label such as secondcall").orElse(d.tagLabel());
    ReplyMatch replyMatch = followup.get("reply_match").choice(ReplyMatch.class, d.replyMatch());
    int lookbackDays = followup.get("lookback_days").integer(d.lookbackDays(), 0, 3650);
    List<Integer> cadence = cadence(followup.get("cadence"), d.cadence());
    int nurtureDays = followup.get("nurture_days").integer(d.nurtureDays(), 0, 365);
    int maxTouches = followup.get("max_touches").integer(d.maxTouches(), 1, 100);
    int maxRecipients = followup.get("max_recipients").integer(d.maxRecipients(), 1, 100);
    int maxDraftsPerDay = followup.get("max_drafts_per_day").integer(d.maxDraftsPerDay(), 1, 1000);
    int afterMeetingDays = followup.get("after_meeting_days").integer(d.afterMeetingDays(), 1, 60);
    String stopFolder = followup.get("stop_folder").string("a folder or label name such as secondcall/stop")
        .orElse(d.stopFolder());
    ConfigNode autoSendNode = followup.get("auto_send");
    boolean autoSend = autoSendNode.bool(d.autoSend());
    if (autoSend) {
      // Refused rather than ignored: a user who asked for sending must not believe it happens.
      throw autoSendNode.expected("false (this version prepares drafts for you to send; sending by itself is not"
          + " available yet)");
    }
    String language = language(followup.get("language"));
    return new FollowUpRules(track, tagAddresses, tagLabel, replyMatch, lookbackDays, cadence, nurtureDays,
        maxTouches, maxRecipients, maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, language);
  }

  private static String language(ConfigNode node) {
    String expected = "auto (the language of your last message in each conversation) or a language with built-in"
        + " templates: " + String.join(", ", DraftLanguage.BUILT_IN);
    String value = node.string(expected).orElse(FollowUpRules.AUTO_LANGUAGE).strip().toLowerCase(Locale.ROOT);
    if (!value.equals(FollowUpRules.AUTO_LANGUAGE) && !DraftLanguage.BUILT_IN.contains(value)) {
      throw node.expected(expected);
    }
    return value;
  }

  private static List<Integer> cadence(ConfigNode node, List<Integer> fallback) {
    if (!node.isPresent()) {
      return fallback;
    }
    List<ConfigNode> steps = node.elements(CADENCE);
    if (steps.isEmpty()) {
      throw node.expected(CADENCE);
    }
    List<Integer> out = new ArrayList<>();
    for (ConfigNode step : steps) {
      try {
        if (!step.isPresent()) {
          throw step.expected(CADENCE);
        }
        out.add(step.integer(0, 1, 365));
      } catch (ConfigException e) {
        // Name the list, not the element: the fix is to the list as a whole.
        throw ConfigException.expected(node.file(), node.key(), CADENCE, "a list holding " + step.found());
      }
    }
    return out;
  }
}
