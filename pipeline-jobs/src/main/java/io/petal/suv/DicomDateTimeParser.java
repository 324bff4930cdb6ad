package io.petal.suv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses DICOM DA, TM and DT value strings (PS3.5 section 6.2) into {@code java.time} values.
 *
 * <ul>
 *   <li>DA: {@code YYYYMMDD}; also the ACR-NEMA form {@code YYYY.MM.DD}.
 *   <li>TM: {@code HH[MM[SS[.F{1-6}]]]}; also the legacy form {@code HH:MM[:SS[.F{1-6}]]}. Missing
 *       minutes and seconds are zero.
 *   <li>DT: {@code YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]} with {@code &} being {@code +} or
 *       {@code -}; missing month and day are 1, missing time parts 0.
 * </ul>
 *
 * Leading and trailing spaces (DICOM padding) are ignored. Anything else, including out-of-range
 * fields and the leap second 60, is rejected with an {@link IllegalArgumentException} whose message
 * quotes the value; callers add the attribute name.
 */
public final class DicomDateTimeParser {
  private static final Pattern DA = Pattern.compile("(\\d{4})(\\.?)(\\d{2})\\2(\\d{2})");
  private static final Pattern TM =
      Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
  private static final Pattern TM_LEGACY =
      Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?");
  private static final Pattern DT =
      Pattern.compile(
          "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?)?)?)?"
              + "([+-]\\d{4})?");

  private DicomDateTimeParser() {}

  /** Parses a DA value ({@code 20201217}). */
  public static LocalDate parseDate(String da) {
    Matcher m = match(DA, da, "DA (YYYYMMDD)");
    try {
      return LocalDate.of(num(m, 1, 0), num(m, 3, 1), num(m, 4, 1));
    } catch (DateTimeException e) {
      throw invalid(da, "DA (YYYYMMDD)", e.getMessage());
    }
  }

  /** Parses a TM value ({@code 104830.351370}, {@code 1048}, {@code 10:48:30}). */
  public static LocalTime parseTime(String tm) {
    String kind = "TM (HHMMSS.FFFFFF)";
    Matcher m = tm != null && tm.contains(":") ? match(TM_LEGACY, tm, kind) : match(TM, tm, kind);
    try {
      return LocalTime.of(num(m, 1, 0), num(m, 2, 0), num(m, 3, 0), nanos(m.group(4)));
    } catch (DateTimeException e) {
      throw invalid(tm, kind, e.getMessage());
    }
  }

  /** Parses a DT value ({@code 20201217084500.00}, {@code 20201217235000+0100}). */
  public static DicomDateTime parseDateTime(String dt) {
    String kind = "DT (YYYYMMDDHHMMSS.FFFFFF&ZZXX)";
    Matcher m = match(DT, dt, kind);
    try {
      LocalDateTime local =
          LocalDateTime.of(
              num(m, 1, 0),
              num(m, 2, 1),
              num(m, 3, 1),
              num(m, 4, 0),
              num(m, 5, 0),
              num(m, 6, 0),
              nanos(m.group(7)));
      return new DicomDateTime(local, offset(m.group(8)));
    } catch (DateTimeException e) {
      throw invalid(dt, kind, e.getMessage());
    }
  }

  private static Matcher match(Pattern p, String value, String kind) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + kind + " value");
    }
    Matcher m = p.matcher(value.trim());
    if (!m.matches()) {
      throw invalid(value, kind, "wrong format");
    }
    return m;
  }

  private static int num(Matcher m, int group, int absent) {
    String s = m.group(group);
    return s == null ? absent : Integer.parseInt(s);
  }

  /** Fraction digits (1 to 6) as nanoseconds: "35137" means 0.35137 s. */
  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }

  private static ZoneOffset offset(String zzxx) {
    if (zzxx == null) {
      return null;
    }
    int sign = zzxx.charAt(0) == '-' ? -1 : 1;
    int hours = Integer.parseInt(zzxx.substring(1, 3));
    int minutes = Integer.parseInt(zzxx.substring(3, 5));
    if (hours > 14 || minutes > 59) {
      throw new DateTimeException("UTC offset " + zzxx + " out of range");
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static IllegalArgumentException invalid(String value, String kind, String why) {
    return new IllegalArgumentException(
        "'" + value + "' is not a valid DICOM " + kind + ": " + why);
  }
}
