package io.petal.ingest.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one series (same SeriesInstanceUID), as discovery and the series checks see them.
 * {@link #toString()} describes it without ids: {@code PT series 1 (59 files)}.
 *
 * @param instances the files' headers, sorted by path
 */
public record DicomSeriesGroup(List<DicomInstanceHeader> instances) {
  /** Orders series by SeriesNumber, then by their first file's path. */
  public static final Comparator<DicomSeriesGroup> BY_SERIES_NUMBER =
      Comparator.comparingInt(DicomSeriesGroup::seriesNumber).thenComparing(g -> g.first().path());

  public DicomSeriesGroup {
    instances = instances.stream().sorted(Comparator.comparing(DicomInstanceHeader::path)).toList();
    if (instances.isEmpty()) {
      throw new IllegalArgumentException("a series has at least one file");
    }
  }

  /** Groups {@code headers} by SeriesInstanceUID (files without one form one group), by series number. */
  public static List<DicomSeriesGroup> of(List<DicomInstanceHeader> headers) {
    Map<String, List<DicomInstanceHeader>> bySeries = new LinkedHashMap<>();
    for (DicomInstanceHeader h : headers) {
      bySeries.computeIfAbsent(String.valueOf(h.seriesUid()), u -> new ArrayList<>()).add(h);
    }
    return bySeries.values().stream().map(DicomSeriesGroup::new).sorted(BY_SERIES_NUMBER).toList();
  }

  /** The first file (by path); series-level values are read from it. */
  public DicomInstanceHeader first() {
    return instances.get(0);
  }

  public String modality() {
    return first().modality();
  }

  public int seriesNumber() {
    return first().seriesNumber();
  }

  public String seriesUid() {
    return first().seriesUid();
  }

  /** The files' paths, sorted. */
  public List<String> paths() {
    return instances.stream().map(DicomInstanceHeader::path).toList();
  }

  @Override
  public String toString() {
    int n = instances.size();
    return (modality().isEmpty() ? "(no Modality)" : modality()) + " series "
        + (seriesNumber() == Integer.MAX_VALUE ? "without SeriesNumber" : seriesNumber())
        + " (" + n + (n == 1 ? " file, " : " files, e.g. ") + first().fileName() + ")";
  }
}
