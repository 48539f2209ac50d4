package io.secondcall.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * What broke one rule, worded for the person fixing it: the failure message counts the
 * violations and lists the first ones with contact, subject and why.
 */
final class Violations {

  /** How many examples a failure message lists. */
  static final int SHOWN = 20;

  private final String rule;
  private final String unit;
  private final List<String> examples = new ArrayList<>();

  /**
   * @param rule what must hold, e.g. "no draft to a mailing-list address"
   * @param unit what is counted, e.g. "draft(s)"
   */
  Violations(String rule, String unit) {
    this.rule = rule;
    this.unit = unit;
  }

  void add(String contact, String subject, String why) {
    examples.add("<" + Printable.of(contact) + "> \"" + Printable.of(subject) + "\": " + Printable.of(why));
  }

  void add(String example) {
    examples.add(Printable.of(example));
  }

  int count() {
    return examples.size();
  }

  List<String> examples() {
    return List.copyOf(examples);
  }

  /** Fails with the count and the first {@link #SHOWN} examples when anything broke the rule. */
  void assertNone() {
    if (!examples.isEmpty()) {
      throw new AssertionError(message());
    }
  }

  String message() {
    StringBuilder sb = new StringBuilder();
    sb.append(examples.size()).append(' ').append(unit).append(" violate \"").append(rule).append("\"");
    sb.append(examples.size() > SHOWN ? "; the first " + SHOWN + ":" : ":");
    examples.stream().limit(SHOWN).forEach(e -> sb.append("\n  - ").append(e));
    return sb.toString();
  }

  String rule() {
    return rule;
  }
}
