package io.secondcall.engine;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a cycle needs to know about the user, taken from the validated config.
 *
 * @param me the address drafts come from (the first of {@code me.addresses}, with {@code me.name})
 * @param contacts extra knowledge from {@code contacts}, keyed by lower-case address
 */
public record EngineSettings(
    Identity identity,
    EmailAddress me,
    FollowUpRules rules,
    BusinessCalendar calendar,
    String signature,
    Map<String, ContactCard> contacts) {

  public EngineSettings {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(me, "me");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(calendar, "calendar");
    signature = signature == null ? identity.name() : signature;
    contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
  }

  public ContactCard card(EmailAddress address) {
    return contacts.getOrDefault(address.address().toLowerCase(Locale.ROOT), ContactCard.EMPTY);
  }
}
