package io.petal.synth.brain;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.synth.PatientSeeds;
import io.petal.synth.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic brain MRI cohort: {@link #patient} builds one BraTS-style study (four contrasts
 * and the tumour label) from a per-patient head ({@link HeadGeometry}, {@link HeadAnatomy}), its
 * tissue signals ({@link MriSignalRenderer}) and the scanner chain ({@link MriAcquisition}); an
 * abnormal study gets one {@link Glioma}.
 *
 * <p>A study depends only on (cohort seed, patient index, abnormal, config), each stage drawing
 * from its own stream ({@link PatientSeeds}); the normal and abnormal study of one index are the
 * same patient and differ only in and around the tumour.
 */
public final class BrainMriCohort {
  private static final Logger LOG = LoggerFactory.getLogger(BrainMriCohort.class);

  /** The generation stages, each with its own random stream. */
  private enum Stage { ANATOMY, APPEARANCE, TUMOUR, ACQUISITION }

  private BrainMriCohort() {}

  /** Generates one patient's study. Single-threaded; safe to call from many threads at once. */
  public static BrainMriStudy patient(long cohortSeed, int patientIndex, boolean abnormal, BrainMriConfig cfg) {
    if (patientIndex < 0) {
      throw new IllegalArgumentException("patient index must be >= 0, got " + patientIndex);
    }
    long started = System.nanoTime();
    long seed = PatientSeeds.patientSeed(cohortSeed, patientIndex);
    ImageGrid grid = cfg.grid();
    SplittableRandom anatomyRng = PatientSeeds.stream(seed, Stage.ANATOMY);
    HeadGeometry geometry = HeadGeometry.draw(anatomyRng);
    HeadAnatomy anatomy = new HeadAnatomy(geometry.ventricleScale(), anatomyRng);
    Glioma glioma = abnormal ? Glioma.draw(anatomy, cfg.spacingMm(), PatientSeeds.stream(seed, Stage.TUMOUR)) : null;

    byte[] tissue = paintTissue(grid, geometry, anatomy, glioma);
    float[] seg = new float[tissue.length];
    float[] tissueCodes = new float[tissue.length];
    for (int n = 0; n < tissue.length; n++) {
      seg[n] = HeadTissue.of(tissue[n]).bratsLabel();
      tissueCodes[n] = tissue[n];
    }
    float[][] signal = MriSignalRenderer.render(tissue, grid, geometry, PatientSeeds.stream(seed, Stage.APPEARANCE));
    SplittableRandom acquisitionRng = PatientSeeds.stream(seed, Stage.ACQUISITION);
    List<Volume> contrasts = new ArrayList<>();
    for (MriContrast c : MriContrast.values()) {
      contrasts.add(new Volume(grid, MriAcquisition.acquire(signal[c.ordinal()], grid, c, acquisitionRng)));
    }
    BrainTumourFinding finding = glioma == null ? null : TumourMeasurer.measure(glioma, seg, grid);
    LOG.debug("brain MRI patient {}: {} voxels, tumour {}, {} ms", patientIndex, grid.voxelCount(), finding,
        (System.nanoTime() - started) / 1_000_000);
    return new BrainMriStudy(patientIndex, abnormal, contrasts, new Volume(grid, seg), new Volume(grid, tissueCodes),
        finding);
  }

  /** The tissue of every voxel centre (HeadTissue ordinals), the tumour painted over healthy tissue. */
  private static byte[] paintTissue(ImageGrid grid, HeadGeometry geometry, HeadAnatomy anatomy, Glioma glioma) {
    byte[] tissue = new byte[grid.voxelCount()];
    Affine a = grid.affine();
    double reach2 = glioma == null ? 0 : glioma.reachMm() * glioma.reachMm();
    int n = 0;
    for (int k = 0; k < grid.nz(); k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++, n++) {
          double[] p = a.apply(i, j, k);
          Vec3 q = geometry.toHead(p[0], p[1], p[2]);
          HeadTissue t = anatomy.tissueAt(q);
          if (glioma != null) {
            Vec3 d = q.minus(glioma.centre());
            if (d.dot(d) < reach2) {
              t = glioma.tissueAt(q, t);
            }
          }
          tissue[n] = (byte) t.ordinal();
        }
      }
    }
    return tissue;
  }
}
