package io.secondcall.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code followup} section of the config, validated: what to track and how often to follow up. */
public record FollowUpRules(
    Track track,
    Set<String> tagAddresses,
    String tagLabel,
    ReplyMatch replyMatch,
    int lookbackDays,
    List<Integer> cadence,
    int nurtureDays,
    int maxTouches,
    int maxRecipients,
    int maxDraftsPerDay,
    int afterMeetingDays,
    String stopFolder,
    boolean autoSend,
    String language) {

  public enum Track { ALL, TAGGED }

  /** How far a reply may stray from the thread and still end the sequence (SPEC section 4). */
  public enum ReplyMatch { THREAD, CONTACT, DOMAIN }

  public static final List<Integer> DEFAULT_CADENCE = List.of(3, 5, 7);

  /** {@code followup.language} by default: each draft in the language of the user's last message. */
  public static final String AUTO_LANGUAGE = "auto";

  public FollowUpRules(Track track, Set<String> tagAddresses, String tagLabel, ReplyMatch replyMatch, int lookbackDays,
      List<Integer> cadence, int nurtureDays, int maxTouches, int maxRecipients, int maxDraftsPerDay,
      int afterMeetingDays, String stopFolder, boolean autoSend) {
    this(track, tagAddresses, tagLabel, replyMatch, lookbackDays, cadence, nurtureDays, maxTouches, maxRecipients,
        maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, AUTO_LANGUAGE);
  }

  public FollowUpRules {
    language = language == null ? AUTO_LANGUAGE : language;
    tagAddresses = tagAddresses == null
        ? Set.of()
        : tagAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    cadence = List.copyOf(cadence);
    if (cadence.isEmpty() || cadence.stream().anyMatch(d -> d < 1)) {
      throw new IllegalArgumentException("cadence needs at least one step of at least one business day");
    }
    if (lookbackDays < 0 || nurtureDays < 0 || maxTouches < 1 || maxRecipients < 1
        || maxDraftsPerDay < 1 || afterMeetingDays < 1) {
      throw new IllegalArgumentException("follow-up limits out of range");
    }
  }

  /** The defaults of SPEC section 9. */
  public static FollowUpRules defaults() {
    return new FollowUpRules(Track.ALL, Set.of(), "secondcall", ReplyMatch.CONTACT, 21,
        DEFAULT_CADENCE, 0, 7, 3, 10, 3, "secondcall/stop", false);
  }

  public FollowUpRules withCadence(List<Integer> newCadence) {
    return new FollowUpRules(track, tagAddresses, tagLabel, replyMatch, lookbackDays, newCadence,
        nurtureDays, maxTouches, maxRecipients, maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, language);
  }

  public FollowUpRules withTrack(Track newTrack, Set<String> newTagAddresses) {
    return new FollowUpRules(newTrack, newTagAddresses, tagLabel, replyMatch, lookbackDays, cadence,
        nurtureDays, maxTouches, maxRecipients, maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, language);
  }

  public FollowUpRules withReplyMatch(ReplyMatch newMatch) {
    return new FollowUpRules(track, tagAddresses, tagLabel, newMatch, lookbackDays, cadence,
        nurtureDays, maxTouches, maxRecipients, maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, language);
  }

  public FollowUpRules withNurture(int newNurtureDays, int newMaxTouches) {
    return new FollowUpRules(track, tagAddresses, tagLabel, replyMatch, lookbackDays, cadence,
        newNurtureDays, newMaxTouches, maxRecipients, maxDraftsPerDay, afterMeetingDays, stopFolder, autoSend, language);
  }

  public FollowUpRules withMaxDraftsPerDay(int newMax) {
    return new FollowUpRules(track, tagAddresses, tagLabel, replyMatch, lookbackDays, cadence,
        nurtureDays, maxTouches, maxRecipients, newMax, afterMeetingDays, stopFolder, autoSend, language);
  }
}
