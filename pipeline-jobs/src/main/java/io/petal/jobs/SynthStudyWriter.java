package io.petal.jobs;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The task body of {@link SynthJob} for one study kind: generates one planned patient's study,
 * writes its files (each atomically) on the executor, and returns the patient's manifest row and
 * lesion rows, whose columns are {@link #manifestHeader()} and {@link #lesionHeader()}.
 */
interface SynthStudyWriter extends Serializable {

  /** What one task produced. */
  record Written(List<String> manifestRow, List<List<String>> lesionRows) implements Serializable {}

  /** Columns of {@code manifest.csv}: the ingest manifest of the kind. */
  List<String> manifestHeader();

  /** Columns of {@code lesions.csv}: what was inserted, one row per lesion. */
  List<String> lesionHeader();

  /** Generates and writes {@code p}'s study. */
  Written write(SynthCohortPlan.Patient p) throws IOException;
}
