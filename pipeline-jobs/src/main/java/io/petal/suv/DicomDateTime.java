package io.petal.suv;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A DICOM date-time: the local date-time as written, and the UTC offset when the value carried one
 * (DT {@code &ZZXX} suffix), else {@code null}.
 *
 * <p>DICOM DA and TM values (and DT values without an offset) are in the same local time as the
 * equipment, so intervals are measured on the local values unless <em>both</em> ends carry an
 * offset, in which case they are measured between instants.
 *
 * @param local the date-time as written (microsecond resolution at most)
 * @param utcOffset the offset from UTC written with the value, or {@code null} when none was
 */
public record DicomDateTime(LocalDateTime local, ZoneOffset utcOffset) {

  public DicomDateTime {
    if (local == null) {
      throw new IllegalArgumentException("a DICOM date-time needs a local date-time");
    }
  }

  /** A date-time without UTC offset from a DA and a TM value. */
  public static DicomDateTime of(LocalDate date, LocalTime time) {
    return new DicomDateTime(LocalDateTime.of(date, time), null);
  }

  /** The calendar date of the local value. */
  public LocalDate date() {
    return local.toLocalDate();
  }

  /**
   * Seconds from this date-time to {@code later} (negative when {@code later} is earlier), to the
   * nanosecond. Local values are compared unless both carry a UTC offset.
   */
  public double secondsUntil(DicomDateTime later) {
    Duration d =
        utcOffset != null && later.utcOffset != null
            ? Duration.between(local.atOffset(utcOffset), later.local.atOffset(later.utcOffset))
            : Duration.between(local, later.local);
    return d.toNanos() / 1e9;
  }

  /** True when this is strictly after {@code other}, by the same rule as {@link #secondsUntil}. */
  public boolean isAfter(DicomDateTime other) {
    return other.secondsUntil(this) > 0;
  }

  @Override
  public String toString() {
    return utcOffset == null ? local.toString() : local + utcOffset.toString();
  }
}
