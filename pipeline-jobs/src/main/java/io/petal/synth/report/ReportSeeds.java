package io.petal.synth.report;

import io.petal.synth.PatientSeeds;
import java.util.SplittableRandom;

/** The random stream of a synthetic patient's report, apart from every image stream of the patient. */
public final class ReportSeeds {
  /** The report's stage (its own stream per patient). */
  private enum Stage { REPORT }

  private ReportSeeds() {}

  /** The report stream of patient {@code patientIndex} in the cohort of {@code cohortSeed}. */
  public static SplittableRandom stream(long cohortSeed, int patientIndex) {
    return PatientSeeds.stream(PatientSeeds.patientSeed(cohortSeed, patientIndex) ^ REPORT_SALT, Stage.REPORT);
  }

  /** Keeps report streams apart from the image generators' stage streams of the same patient. */
  private static final long REPORT_SALT = 0x7E9027_5EEDL;
}
