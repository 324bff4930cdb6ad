package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelGroupsTest {
  @Test
  void textFormRoundTrips() {
    ChannelGroups g = ChannelGroups.parse(" t1, t1ce ;t2,flair");
    assertEquals(List.of(List.of("t1", "t1ce"), List.of("t2", "flair")), g.groups());
    assertEquals("t1,t1ce;t2,flair", g.format());
    assertEquals(g, ChannelGroups.parse(g.format()));
    assertEquals(ChannelGroups.NONE, ChannelGroups.parse(""));
    assertEquals("t1+t1ce", ChannelGroups.name(g.groups().get(0)));
  }

  @Test
  void rejectsRepeatsEmptiesAndMissingChannelsByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelGroups.parse("t1,t2;t2"));
    assertTrue(e.getMessage().contains("t2 is listed twice"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChannelGroups.parse("t1,;t2"));
    assertThrows(IllegalArgumentException.class, () -> ChannelGroups.parse("t1;;t2"));
    e = assertThrows(IllegalArgumentException.class,
        () -> ChannelGroups.parse("t1;t2").requireCover(List.of("t1", "t2", "flair")));
    assertTrue(e.getMessage().contains("flair"), e.getMessage());
  }
}
