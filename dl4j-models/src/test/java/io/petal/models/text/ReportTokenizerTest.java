package io.petal.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTokenizerTest {

  @Test
  void englishGivesLowerCaseWordsAndTheirCharacterGrams() {
    Map<String, Integer> c = ReportTokenizer.counts("Intense uptake in T12; mild uptake in the RIGHT knee.");
    assertEquals(2, c.get("w:uptake"));
    assertEquals(1, c.get("w:t12"));
    assertEquals(1, c.get("w:right"));
    assertEquals(2, c.get("c:upt"));
    assertTrue(c.containsKey("c:ten"), "grams inside 'intense'");
    assertFalse(c.containsKey("c:e u"), "no gram crosses a space");
    assertFalse(c.keySet().stream().anyMatch(t -> t.chars().anyMatch(Character::isWhitespace)), "terms hold no whitespace");
  }

  @Test
  void chineseWithoutSpacesGivesCharacterBiAndTrigrams() {
    Map<String, Integer> c = ReportTokenizer.counts("胸椎见明显放射性浓聚灶,考虑骨转移。右肋见放射性浓聚灶。");
    assertEquals(2, c.get("c:浓聚灶"));
    assertEquals(1, c.get("c:骨转移"));
    assertEquals(2, c.get("c:放射"));
    assertEquals(1, c.get("w:考虑骨转移"), "a run between punctuation is one word");
    assertFalse(c.containsKey("c:灶,考"), "grams stop at punctuation");
  }

  @Test
  void fullWidthFormsAreNormalised() {
    assertEquals(ReportTokenizer.counts("size 34mm"), ReportTokenizer.counts("ＳＩＺＥ　３４ｍｍ"));
  }

  @Test
  void missingOrBlankReportsHaveNoTerms() {
    assertTrue(ReportTokenizer.counts(null).isEmpty());
    assertTrue(ReportTokenizer.counts(" \t\n").isEmpty());
    assertTrue(ReportTokenizer.counts("。、,;").isEmpty());
  }
}
