package io.petal.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One study to ingest, as discovered from a manifest row or an input folder. Holds the source
 * ids in memory only (they become pseudonyms before anything is written) and never a name or
 * birth date.
 *
 * @param cohort       cohort name (the tables' partition)
 * @param sourceRef    where it lies, relative to the cohort root, for the quarantine table and
 *                     error messages (e.g. {@code manifest.csv row 4 (P7/S1)}); holds no header values
 * @param patientId    source patient id (pseudonymised at ingest)
 * @param studyId      source study id (pseudonymised at ingest)
 * @param kind         {@code pet-ct}, {@code brain-mri}, {@code spect-bone}
 * @param channels     image channels; exactly one of them defines the reference grid
 * @param labels       annotation sources, in order (each a label map on any grid, or an RTSTRUCT)
 * @param diagnosis    {@code NEGATIVE} for normal studies, null when unknown
 * @param split        {@code train}/{@code test}/…, or null
 * @param report       free-text report, or null
 * @param metadata     other manifest columns (identifying ones already removed)
 */
public record StudySource(String cohort, String sourceRef, String patientId, String studyId, String kind,
    List<ChannelSource> channels, List<LabelSource> labels, String diagnosis, String split, String report,
    Map<String, String> metadata) implements Serializable {

  public StudySource {
    channels = List.copyOf(channels);
    labels = List.copyOf(labels);
    metadata = Map.copyOf(metadata);
  }

  /** Every file this study reads, in a stable order (for the content hash). */
  public List<String> allPaths() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    channels.forEach(c -> all.addAll(c.paths()));
    labels.forEach(l -> all.addAll(l.paths()));
    return all;
  }
}
