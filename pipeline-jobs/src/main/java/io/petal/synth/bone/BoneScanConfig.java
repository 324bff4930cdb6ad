package io.petal.synth.bone;

import io.petal.geometry.PlanarViewGrid;
import io.petal.image.ImageGrid;
import io.petal.schema.StudyKind;
import io.petal.synth.SyntheticCohortConfig;

/**
 * Settings of the synthetic whole-body bone scan cohort: views of {@code columns} × {@code rows}
 * square pixels of {@code pixelSpacingMm}, about {@code countsPerView} counts in the anterior view,
 * and up to {@code maxLesions} metastases per abnormal patient.
 *
 * @param columns        pixels across the body (left–right)
 * @param rows           pixels along the body (head to feet)
 * @param pixelSpacingMm pixel size (mm)
 * @param countsPerView  mean total counts of an anterior view (varied ±20 % per patient)
 * @param maxLesions     an abnormal patient gets 1..maxLesions metastases
 */
public record BoneScanConfig(int columns, int rows, double pixelSpacingMm, double countsPerView, int maxLesions)
    implements SyntheticCohortConfig {
  /** Field of view of the presets (mm, across and along the body): an adult from vertex to soles. */
  static final double[] FIELD_OF_VIEW_MM = {512, 2048};
  /** The patient's vertex lies this far below the top row (mm). */
  static final double TOP_MARGIN_MM = 60;

  public BoneScanConfig {
    if (columns < 16 || rows < 16) {
      throw new IllegalArgumentException("bone scan views must be at least 16x16 pixels, got " + columns + "x" + rows);
    }
    if (!(pixelSpacingMm >= 0.5 && pixelSpacingMm <= 16)) {
      throw new IllegalArgumentException("bone scan pixel size must be in 0.5..16 mm, got " + pixelSpacingMm);
    }
    if (!(countsPerView >= 1e4 && countsPerView <= 1e8)) {
      throw new IllegalArgumentException("counts per view must be in 1e4..1e8, got " + countsPerView);
    }
    if (maxLesions < 1 || maxLesions > 30) {
      throw new IllegalArgumentException("maxLesions must be in 1..30, got " + maxLesions);
    }
  }

  /** Views covering 512 × 2048 mm with pixels of {@code pixelSpacingMm}; 1.5 million counts; up to 6 lesions. */
  public static BoneScanConfig forSpacing(double pixelSpacingMm) {
    if (!(pixelSpacingMm > 0)) {
      throw new IllegalArgumentException("pixel size must be positive, got " + pixelSpacingMm + " mm");
    }
    return new BoneScanConfig((int) Math.round(FIELD_OF_VIEW_MM[0] / pixelSpacingMm),
        (int) Math.round(FIELD_OF_VIEW_MM[1] / pixelSpacingMm), pixelSpacingMm, 1.5e6, 6);
  }

  /** The default views: 128 × 512 pixels of 4 mm. */
  public static BoneScanConfig defaults() {
    return forSpacing(4.0);
  }

  /** Coarse views for quick runs and tests: 64 × 256 pixels of 8 mm. */
  public static BoneScanConfig small() {
    return forSpacing(8.0);
  }

  /** Always {@link StudyKind#SPECT_BONE}. */
  @Override
  public StudyKind kind() {
    return StudyKind.SPECT_BONE;
  }

  /** The study grid: two views (anterior, posterior) in the anterior orientation ({@link PlanarViewGrid}). */
  public ImageGrid grid() {
    return PlanarViewGrid.of(columns, rows, BoneScanView.values().length, pixelSpacingMm, pixelSpacingMm);
  }

  /** Body x (mm, + to the patient's left) of pixel column {@code i}. */
  double xMm(int i) {
    return (i - (columns - 1) / 2.0) * pixelSpacingMm;
  }

  /** Distance below the vertex (mm) of pixel row {@code j}. */
  double belowVertexMm(int j) {
    return j * pixelSpacingMm - TOP_MARGIN_MM;
  }
}
