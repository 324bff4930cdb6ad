package io.petal.ingest;

import java.util.List;

/**
 * What discovery found: studies to ingest, and inputs refused before any task ran (a manifest
 * row without ids, a folder without a study) as quarantine outcomes.
 */
public record DiscoveredStudies(String cohort, List<StudySource> studies, List<IngestOutcome> refused) {
  public DiscoveredStudies {
    studies = List.copyOf(studies);
    refused = List.copyOf(refused);
  }
}
