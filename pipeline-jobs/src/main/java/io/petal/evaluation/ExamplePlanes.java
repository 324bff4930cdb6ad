package io.petal.evaluation;

import io.petal.image.ImageGrid;
import io.petal.report.ExampleSlice;
import io.petal.tables.StudyImages;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One axial slice of a study cut out where the study was read, small enough to send to the
 * driver: PET (SUV), CT (HU), the anomaly map (SUV), the first annotation source and one model's
 * mask, each {@code [height][width]} flattened x fastest. Becomes a report {@link ExampleSlice}.
 *
 * @param anomaly null without an anomaly map
 * @param predicted null when the model has no mask of the study
 * @param predictedBy the model of {@code predicted}
 */
record ExamplePlanes(String caseId, int sliceIndex, double zMm, int width, int height, double columnSpacingMm,
    double rowSpacingMm, float[] pet, float[] ct, float[] anomaly, byte[] truth, byte[] predicted,
    String predictedBy) implements Serializable {

  /** Slice {@code k} of {@code study}; its images need a PET and a CT channel. */
  static ExamplePlanes of(ScoredStudy study, int k, String model) {
    StudyImages images = study.images();
    ImageGrid g = images.grid();
    int plane = g.sliceSize();
    int from = k * plane;
    double[] centre = g.affine().apply((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, k);
    byte[] mask = model == null ? null : study.masks().get(model);
    return new ExamplePlanes(images.info().studyKey(), k, centre[2], g.nx(), g.ny(), g.spacing(0), g.spacing(1),
        cut(images.channel("PET").data(), from, plane), cut(images.channel("CT").data(), from, plane),
        study.anomaly() == null ? null : cut(study.anomaly().map(), from, plane),
        Arrays.copyOfRange(images.label(0), from, from + plane),
        mask == null ? null : Arrays.copyOfRange(mask, from, from + plane), model);
  }

  /** The report's example slice. */
  ExampleSlice toExampleSlice() {
    return new ExampleSlice(caseId, predicted == null ? "no model" : predictedBy, sliceIndex, zMm, width, height,
        columnSpacingMm, rowSpacingMm, pet, ct, anomaly, ExampleSlice.mask(truth),
        predicted == null ? null : ExampleSlice.mask(predicted));
  }

  private static float[] cut(float[] volume, int from, int plane) {
    return Arrays.copyOfRange(volume, from, from + plane);
  }
}
