package io.petal.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one study's ingest task produced: a studies row, a quarantine reason, or "unchanged".
 * Small, so the driver can collect every outcome.
 */
public record IngestOutcome(Status status, String cohort, String sourceRef, String studyKey, String contentHash,
    StudyFacts facts, String reason) implements Serializable {

  /** The three ends of a study's task. */
  public enum Status { INGESTED, UNCHANGED, QUARANTINED }

  /** The values of a {@code studies} row (see {@code StudiesTable}); {@code suvMax} is null without PET. */
  public record StudyFacts(String patientKey, String kind, String sourceFormat, List<String> channels,
      List<String> channelUnits, int nx, int ny, int nz, double[] spacingMm, double[] affine, Double suvFactor,
      String suvRule, Double sulFactor, String diagnosis, Boolean normal, String split, List<String> labelSources,
      Long lesionVoxels, Double lesionVolumeMl, Double suvMax, String report, Map<String, String> metadata,
      int slices) implements Serializable {}

  static IngestOutcome ingested(StudySource s, String studyKey, String hash, StudyFacts f) {
    return new IngestOutcome(Status.INGESTED, s.cohort(), s.sourceRef(), studyKey, hash, f, null);
  }

  static IngestOutcome unchanged(StudySource s, String studyKey, String hash) {
    return new IngestOutcome(Status.UNCHANGED, s.cohort(), s.sourceRef(), studyKey, hash, null, null);
  }

  static IngestOutcome quarantined(StudySource s, String studyKey, String hash, String reason) {
    return new IngestOutcome(Status.QUARANTINED, s.cohort(), s.sourceRef(), studyKey, hash, null, reason);
  }
}
