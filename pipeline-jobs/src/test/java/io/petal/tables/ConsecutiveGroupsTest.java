package io.petal.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsecutiveGroupsTest {
  @Test
  void runsOfEqualKeysBecomeGroups() {
    List<List<String>> groups = new ArrayList<>();
    new ConsecutiveGroups<>(List.of("a1", "a2", "b1", "c1", "c2", "c3").iterator(), s -> s.charAt(0))
        .forEachRemaining(groups::add);
    assertEquals(List.of(List.of("a1", "a2"), List.of("b1"), List.of("c1", "c2", "c3")), groups);
  }

  @Test
  void emptySourceHasNoGroups() {
    assertFalse(new ConsecutiveGroups<>(List.<String>of().iterator(), s -> s).hasNext());
  }
}
