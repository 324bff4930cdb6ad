package io.petal.suv;

/**
 * The injection date-time of a series and the decay time from it to the scan date-time.
 *
 * <p>RadiopharmaceuticalStartDateTime is used when present. Otherwise RadiopharmaceuticalStartTime
 * is put on the <em>date of the chosen scan date-time</em>; the resulting interval is then below
 * one day by construction, and when the injection time of day is later than the scan time of day
 * the interval is negative. A negative interval is always an error: an injection the day before a
 * scan that crosses midnight needs RadiopharmaceuticalStartDateTime, the date is never guessed.
 */
final class InjectionTime {
  private InjectionTime() {}

  /**
   * Decay time from injection to the scan date-time.
   *
   * @param injection the injection date-time used
   * @param source the attribute it came from, with the date rule when the date was taken from the
   *     scan
   * @param seconds scan minus injection, in s, never negative
   */
  record Elapsed(DicomDateTime injection, String source, double seconds) {}

  /**
   * @throws SuvException when no injection time is given, it is malformed, or it is after the scan
   */
  static Elapsed toScan(PetSuvHeader h, ScanTime scan) {
    DicomDateTime injection;
    String source;
    if (h.radiopharmaceuticalStartDateTime() != null) {
      injection =
          HeaderValues.dateTime(
              "RadiopharmaceuticalStartDateTime", h.radiopharmaceuticalStartDateTime());
      source = "RadiopharmaceuticalStartDateTime";
    } else if (h.radiopharmaceuticalStartTime() != null) {
      injection =
          DicomDateTime.of(
              scan.dateTime().date(),
              HeaderValues.time("RadiopharmaceuticalStartTime", h.radiopharmaceuticalStartTime()));
      source = "RadiopharmaceuticalStartTime on the scan date";
    } else {
      throw new SuvException(
          "RadiopharmaceuticalStartTime",
          "RadiopharmaceuticalStartTime and RadiopharmaceuticalStartDateTime are both missing:"
              + " the injection time is unknown");
    }
    double seconds = injection.secondsUntil(scan.dateTime());
    if (seconds < 0) {
      throw new SuvException(
          source.startsWith("RadiopharmaceuticalStartDateTime")
              ? "RadiopharmaceuticalStartDateTime"
              : "RadiopharmaceuticalStartTime",
          negativeMessage(h, injection, source, scan, seconds));
    }
    return new Elapsed(injection, source, seconds);
  }

  private static String negativeMessage(
      PetSuvHeader h, DicomDateTime injection, String source, ScanTime scan, double seconds) {
    String head =
        source.equals("RadiopharmaceuticalStartDateTime")
            ? "RadiopharmaceuticalStartDateTime '" + h.radiopharmaceuticalStartDateTime() + "'"
            : "RadiopharmaceuticalStartTime '"
                + h.radiopharmaceuticalStartTime()
                + "' on the scan date "
                + scan.dateTime().date();
    String tail =
        source.equals("RadiopharmaceuticalStartDateTime")
            ? ""
            : "; an injection on the day before needs RadiopharmaceuticalStartDateTime"
                + " (the date is not guessed)";
    return head
        + " ("
        + injection
        + ") is after the scan time "
        + scan.dateTime()
        + " ("
        + scan.rule()
        + "): decay time "
        + seconds
        + " s is negative"
        + tail;
  }
}
