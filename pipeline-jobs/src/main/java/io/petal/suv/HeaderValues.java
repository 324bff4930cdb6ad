package io.petal.suv;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads required header values, turning absence and bad values into {@link SuvException}s that name
 * the attribute and quote the value.
 */
final class HeaderValues {
  private HeaderValues() {}

  /** A value that must be present, finite and positive (weight, dose, half-life, ...). */
  static double positive(String attribute, Double value, String unit, String whyNeeded) {
    if (value == null) {
      throw new SuvException(attribute, attribute + " is missing: " + whyNeeded);
    }
    if (!Double.isFinite(value) || value <= 0) {
      throw new SuvException(
          attribute, attribute + " '" + value + "' " + unit + " is not positive: " + whyNeeded);
    }
    return value;
  }

  /** A date-time from a DA attribute and a TM attribute, both required. */
  static DicomDateTime dateAndTime(String dateAttr, String date, String timeAttr, String time) {
    return DicomDateTime.of(date(dateAttr, date), time(timeAttr, time));
  }

  static LocalDate date(String attribute, String value) {
    try {
      return DicomDateTimeParser.parseDate(present(attribute, value));
    } catch (IllegalArgumentException e) {
      throw new SuvException(attribute, attribute + " " + e.getMessage());
    }
  }

  static LocalTime time(String attribute, String value) {
    try {
      return DicomDateTimeParser.parseTime(present(attribute, value));
    } catch (IllegalArgumentException e) {
      throw new SuvException(attribute, attribute + " " + e.getMessage());
    }
  }

  static DicomDateTime dateTime(String attribute, String value) {
    try {
      return DicomDateTimeParser.parseDateTime(present(attribute, value));
    } catch (IllegalArgumentException e) {
      throw new SuvException(attribute, attribute + " " + e.getMessage());
    }
  }

  private static String present(String attribute, String value) {
    if (value == null || value.isBlank()) {
      throw new SuvException(attribute, attribute + " is missing");
    }
    return value;
  }
}
