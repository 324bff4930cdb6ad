package io.petal.suv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DicomDateTimeParserTest {

  @ParameterizedTest(name = "DA ''{0}'' -> {1}")
  @CsvSource({
    "20201217, 2020-12-17",
    "'20201217 ', 2020-12-17",
    "2020.12.17, 2020-12-17",
    "20200229, 2020-02-29",
  })
  void parsesDates(String da, String expected) {
    assertEquals(LocalDate.parse(expected), DicomDateTimeParser.parseDate(da));
  }

  @ParameterizedTest(name = "DA ''{0}'' is rejected")
  @ValueSource(
      strings = {
        "",
        "2020121",
        "202012170",
        "20201317",
        "20210229",
        "2020.1217",
        "2020-12-17",
        "abcdefgh"
      })
  void rejectsBadDates(String da) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseDate(da));
    assertTrue(e.getMessage().contains("'" + da + "'"), e.getMessage());
  }

  @ParameterizedTest(name = "TM ''{0}'' -> {1}")
  @CsvSource({
    "104830.351370, 10:48:30.351370",
    "084500.00, 08:45:00",
    "'095621 ', 09:56:21",
    "123514.999995, 12:35:14.999995",
    "104830.1, 10:48:30.100",
    "1048, 10:48:00",
    "10, 10:00:00",
    "000000, 00:00:00",
    "235959.999999, 23:59:59.999999",
    "10:48:30, 10:48:30",
    "10:48:30.5, 10:48:30.500",
    "10:48, 10:48:00",
  })
  void parsesTimes(String tm, String expected) {
    assertEquals(LocalTime.parse(expected), DicomDateTimeParser.parseTime(tm));
  }

  @ParameterizedTest(name = "TM ''{0}'' is rejected")
  @ValueSource(
      strings = {
        "",
        "2500",
        "1060",
        "104860",
        "10483",
        "1048301",
        "104830.1234567",
        "10:4830",
        "1:48:30",
        "10.5"
      })
  void rejectsBadTimes(String tm) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseTime(tm));
    assertTrue(e.getMessage().contains("DICOM TM"), e.getMessage());
  }

  @ParameterizedTest(name = "DT ''{0}'' -> {1} offset {2}")
  @CsvSource({
    "'20201217084500.00 ', 2020-12-17T08:45:00, ",
    "20201217083045.000000, 2020-12-17T08:30:45, ",
    "20201217235000+0100, 2020-12-17T23:50:00, +01:00",
    "20201217235000.123456-0530, 2020-12-17T23:50:00.123456, -05:30",
    "202012172350, 2020-12-17T23:50:00, ",
    "2020121708, 2020-12-17T08:00:00, ",
    "20201217, 2020-12-17T00:00:00, ",
    "2020, 2020-01-01T00:00:00, ",
    "2020+0000, 2020-01-01T00:00:00, Z",
  })
  void parsesDateTimes(String dt, String local, String offset) {
    DicomDateTime parsed = DicomDateTimeParser.parseDateTime(dt);
    assertEquals(LocalDateTime.parse(local), parsed.local());
    if (offset == null) {
      assertNull(parsed.utcOffset());
    } else {
      assertEquals(ZoneOffset.of(offset), parsed.utcOffset());
    }
  }

  @ParameterizedTest(name = "DT ''{0}'' is rejected")
  @ValueSource(
      strings = {
        "",
        "20201217084500.",
        "202012170",
        "20201232",
        "20201217250000",
        "20201217120000+1500",
        "20201217120000+01",
        "2020-12-17T12:00"
      })
  void rejectsBadDateTimes(String dt) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseDateTime(dt));
    assertTrue(e.getMessage().contains("DICOM DT"), e.getMessage());
  }

  @Test
  void rejectsMissingValues() {
    assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseDate(null));
    assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseTime(null));
    assertThrows(IllegalArgumentException.class, () -> DicomDateTimeParser.parseDateTime(null));
  }

  @Test
  void intervalsUseInstantsOnlyWhenBothEndsHaveAnOffset() {
    DicomDateTime paris = DicomDateTimeParser.parseDateTime("20201217100000+0100");
    DicomDateTime london = DicomDateTimeParser.parseDateTime("20201217100000+0000");
    DicomDateTime local = DicomDateTimeParser.parseDateTime("20201217100000");
    assertEquals(3600.0, paris.secondsUntil(london));
    assertEquals(0.0, paris.secondsUntil(local));
    assertEquals(0.0, local.secondsUntil(london));
  }

  @Test
  void intervalsCrossMidnightAndKeepMicroseconds() {
    DicomDateTime injection = DicomDateTimeParser.parseDateTime("20201217235000");
    DicomDateTime scan =
        DicomDateTime.of(
            DicomDateTimeParser.parseDate("20201218"),
            DicomDateTimeParser.parseTime("004000.000005"));
    assertEquals(3000.000005, injection.secondsUntil(scan), 1e-9);
    assertEquals(-3000.000005, scan.secondsUntil(injection), 1e-9);
    assertTrue(scan.isAfter(injection));
  }
}
