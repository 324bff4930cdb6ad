package io.petal.synth;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic whole-body FDG PET/CT cohort: {@link #patient} builds one study from analytic
 * anatomy with per-patient variation, per-patient physiological uptake, a PET scanner model
 * (PSF blur, signal-dependent noise) and a noisy CT, and — for abnormal patients — 1 to
 * {@link SynthConfig#maxLesions()} lesions inserted by the synthetic-tumour method.
 *
 * <p>A study depends only on (cohort seed, patient index, abnormal, config): every random
 * draw comes from streams seeded by these ({@link PatientSeeds}), so a Spark task order never
 * changes a result and the arrays are byte-identical on every run (on the same Java version).
 * The normal and abnormal study of one patient index are the same patient — same anatomy,
 * physiology and noise — and differ only around the lesions (a "normal twin").
 */
public final class SyntheticCohort {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticCohort.class);

  private SyntheticCohort() {}

  /** The id of a patient's study: {@code synth-<cohort seed, 16 hex digits>-<index, 4 digits>}. */
  public static String studyId(long cohortSeed, int patientIndex) {
    return String.format(Locale.ROOT, "synth-%016x-%04d", cohortSeed, patientIndex);
  }

  /** Generates one patient's study. Single-threaded; safe to call from many threads at once. */
  public static SyntheticStudy patient(long cohortSeed, int patientIndex, boolean abnormal,
      SynthConfig cfg) {
    if (patientIndex < 0) {
      throw new IllegalArgumentException("patient index must be >= 0, got " + patientIndex);
    }
    long started = System.nanoTime();
    long seed = PatientSeeds.patientSeed(cohortSeed, patientIndex);
    ImageGrid grid = cfg.grid();

    SplittableRandom anatomyRng = PatientSeeds.stream(seed, PatientSeeds.Stage.ANATOMY);
    AnatomyParams params = AnatomyParams.draw(anatomyRng, cfg.brownFatProbability());
    TissueCanvas anatomy = AnatomyBuilder.build(grid, params, anatomyRng);
    Physiology phys = Physiology.draw(PatientSeeds.stream(seed, PatientSeeds.Stage.PHYSIOLOGY));
    TissueImageRenderer.CleanImages clean = TissueImageRenderer.render(anatomy, phys,
        PatientSeeds.stream(seed, PatientSeeds.Stage.TEXTURE));
    float[] activity = clean.activitySuv();
    float[] ct = clean.ctHu();
    ScannerModel.addCtNoise(ct, phys.ctNoiseHu(),
        PatientSeeds.stream(seed, PatientSeeds.Stage.CT_NOISE));

    byte[] labels = new byte[activity.length];
    List<LesionSynthesizer.Inserted> inserted = List.of();
    if (abnormal) {
      SplittableRandom lesionRng = PatientSeeds.stream(seed, PatientSeeds.Stage.LESIONS);
      boolean[] vessels = VesselMask.compute(new Volume(grid, ct), organMap(anatomy));
      LesionSynthesizer synth = new LesionSynthesizer(anatomy, activity, ct, vessels, phys,
          lesionRng);
      inserted = synth.insert(1 + lesionRng.nextInt(cfg.maxLesions()));
      labels = synth.labels();
    }
    float[] suv = ScannerModel.acquirePet(activity, grid, cfg.psfFwhmMm(), phys.petNoiseGain(),
        PatientSeeds.stream(seed, PatientSeeds.Stage.PET_NOISE));
    float[] seg = new float[labels.length];
    for (int n = 0; n < labels.length; n++) {
      seg[n] = labels[n] != 0 ? 1f : 0f;
    }
    List<LesionDescriptor> lesions = LesionMeasurer.measure(inserted, labels, suv, grid);
    String id = studyId(cohortSeed, patientIndex);
    LOG.debug("{}: {} lesions, {} voxels, {} ms", id, lesions.size(), grid.voxelCount(),
        (System.nanoTime() - started) / 1_000_000);
    return new SyntheticStudy(id, patientIndex, abnormal, new Volume(grid, suv),
        new Volume(grid, ct), new Volume(grid, seg), organMap(anatomy), lesions);
  }

  /** The organ codes of a tissue map. */
  private static Volume organMap(TissueCanvas anatomy) {
    byte[] tissue = anatomy.tissue();
    float[] codes = new float[tissue.length];
    Tissue[] all = Tissue.values();
    float[] codeOf = new float[all.length];
    for (Tissue t : all) {
      codeOf[t.ordinal()] = t.organ().code();
    }
    for (int n = 0; n < tissue.length; n++) {
      codes[n] = codeOf[tissue[n]];
    }
    return new Volume(anatomy.grid(), codes);
  }
}
