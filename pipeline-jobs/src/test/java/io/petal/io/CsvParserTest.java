package io.petal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  @Test
  void plainRecordsWithLfOrCrlfAndNoFinalLineBreak() throws Exception {
    assertEquals(List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4")),
        CsvParser.parse("a,b\n1,2\r\n3,4", "m.csv"));
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
    List<List<String>> r = CsvParser.parse("id,report\nP1,\"lesion, left lung\"\nP2,\"said \"\"no\"\"\nline two\"\n",
        "m.csv");
    assertEquals(List.of("P1", "lesion, left lung"), r.get(1));
    assertEquals(List.of("P2", "said \"no\"\nline two"), r.get(2));
    assertEquals(3, r.size());
  }

  @Test
  void emptyFieldsStayEmptyAndBlankLinesAndByteOrderMarkAreSkipped() throws Exception {
    assertEquals(List.of(List.of("a", "b", "c"), List.of("", "x", ""), List.of("", "")),
        CsvParser.parse("\uFEFFa,b,c\n\n,x,\r\n\n\"\",\n", "m.csv"));
  }

  @Test
  void fieldsAreNotTrimmedAndInnerQuotesOfUnquotedFieldsAreKept() throws Exception {
    assertEquals(List.of(List.of(" a ", "5\" ruler")), CsvParser.parse(" a ,5\" ruler\n", "m.csv"));
  }

  @Test
  void readsBackWhatCsvTextWrites() throws Exception {
    List<String> header = List.of("patient_id", "report", "split");
    List<List<String>> rows = List.of(
        Arrays.asList("P,1", "two\r\nlines, \"quoted\"", "train"),
        Arrays.asList("P2", "", "test"));
    List<List<String>> parsed = CsvParser.parse(CsvText.of(header, rows), "m.csv");
    assertEquals(header, parsed.get(0));
    assertEquals(rows, parsed.subList(1, parsed.size()));
  }

  @Test
  void anUnclosedQuoteNamesTheFileAndTheLineItOpenedOn() {
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> CsvParser.parse("a,b\n1,2\n3,\"open\n4,5\n", "cohort.csv"));
    assertTrue(e.getMessage().startsWith("cohort.csv: "), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void textAfterAClosingQuoteIsRejectedWithItsLine() {
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> CsvParser.parse("a,b\n\"x\"y,2\n", "m.csv"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
