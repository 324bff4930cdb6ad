package io.petal.suv;

/** Which header value was taken as the scan (series reference) date-time, in rule order. */
public enum ScanTimeRule {
  /** SeriesDate/SeriesTime, because it is not later than the earliest acquisition. */
  SERIES,
  /**
   * GE private (0009,100D) post-injection date-time, because the series date-time is later than the
   * earliest acquisition (GE sets it to the creation time of derived series).
   */
  GE_POST_INJECTION,
  /**
   * The earliest AcquisitionDate/AcquisitionTime of the series, because the series date-time is
   * later (or absent) and there is no GE post-injection date-time.
   */
  EARLIEST_ACQUISITION
}
