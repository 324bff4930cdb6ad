package io.petal.suv;

import java.util.List;

/**
 * Chooses the scan date-time of a PET series (the time START decay correction and Frame Reference
 * Time refer to):
 *
 * <ol>
 *   <li>SeriesDate/SeriesTime when present and not later than the earliest
 *       AcquisitionDate/AcquisitionTime of the series' instances;
 *   <li>otherwise the GE private post-injection date-time (0009,100D) when present (GE sets the
 *       series time of derived series to their creation time);
 *   <li>otherwise the earliest AcquisitionDate/AcquisitionTime.
 * </ol>
 *
 * Every instance must carry AcquisitionDate and AcquisitionTime: without them rule 1 cannot be
 * checked.
 */
public final class ScanTimeSelector {
  private ScanTimeSelector() {}

  /**
   * @throws SuvException when an acquisition or series date/time is missing or malformed
   */
  public static ScanTime select(PetSuvHeader h) {
    DicomDateTime earliest = earliestAcquisition(h.instances());
    DicomDateTime series = null;
    if (h.seriesDate() != null || h.seriesTime() != null) {
      series = HeaderValues.dateAndTime("SeriesDate", h.seriesDate(), "SeriesTime", h.seriesTime());
      if (!series.isAfter(earliest)) {
        return new ScanTime(
            series,
            ScanTimeRule.SERIES,
            "SeriesDate/Time "
                + series
                + " is not later than the earliest AcquisitionDate/Time "
                + earliest);
      }
    }
    String seriesState =
        series == null
            ? "SeriesDate/Time is absent"
            : "SeriesDate/Time "
                + series
                + " is later than the earliest AcquisitionDate/Time "
                + earliest;
    if (h.gePostInjectionDateTime() != null) {
      DicomDateTime ge =
          HeaderValues.dateTime(
              "(0009,100D) GE post-injection date-time", h.gePostInjectionDateTime());
      return new ScanTime(
          ge, ScanTimeRule.GE_POST_INJECTION, seriesState + "; GE post-injection date-time used");
    }
    return new ScanTime(
        earliest,
        ScanTimeRule.EARLIEST_ACQUISITION,
        seriesState + " and there is no GE post-injection date-time; earliest acquisition used");
  }

  /** The earliest acquisition date-time over all instances. */
  static DicomDateTime earliestAcquisition(List<PetInstanceTiming> instances) {
    DicomDateTime earliest = null;
    for (int i = 0; i < instances.size(); i++) {
      PetInstanceTiming t = instances.get(i);
      DicomDateTime acq;
      try {
        acq =
            HeaderValues.dateAndTime(
                "AcquisitionDate", t.acquisitionDate(), "AcquisitionTime", t.acquisitionTime());
      } catch (SuvException e) {
        throw new SuvException(e.attribute(), e.getMessage() + " (instance " + i + ")");
      }
      if (earliest == null || earliest.isAfter(acq)) {
        earliest = acq;
      }
    }
    return earliest;
  }
}
