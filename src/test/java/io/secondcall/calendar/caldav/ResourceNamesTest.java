package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void theResourceNameFollowsFromTheBlockId() {
    assertThat(ResourceNames.ofBlock("c0123456789abcdef.2.call")).isEqualTo("c0123456789abcdef.2.call@secondcall.ics");
  }

  @Test
  void oddIdsGiveSafeAndDistinctNames() {
    List<String> names = List.of("a/b", "a_2fb", "../x", "ä b", "a?b#c").stream().map(ResourceNames::ofBlock).toList();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).allMatch(n -> n.matches("[A-Za-z0-9._@-]+") && !n.startsWith("."));
    assertThat(ResourceNames.ofBlock("a/b")).isEqualTo("a_2fb@secondcall.ics");
  }
}
