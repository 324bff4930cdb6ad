package io.petal.cli;

import io.petal.scoring.ScoringSettings;
import io.petal.scoring.SuvThreshold;
import io.petal.spark.ConfigResolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How anomaly maps are made (threshold, smoothing, slice score), shared by {@code score} and the
 * segmentation commands, whose prior is the same map. Also settable as
 * {@code spark.petal.score.<option>}.
 */
public final class AnomalyOptions {
  @ArgGroup(exclusive = true)
  Threshold threshold = new Threshold();

  static final class Threshold {
    @Option(names = "--suv-threshold", description = "PET/CT: hide PET voxels above this SUV from the autoencoder. "
        + "Default: 2.5.")
    Double suv;

    @Option(names = "--liver-relative", paramLabel = "K",
        description = "Instead: hide voxels above K x the study's liver SUVmean (automatic liver reference).")
    Double liverMultiple;
  }

  @Option(names = "--relative-threshold", paramLabel = "T",
      description = "For brain-mri and spect-bone models: hide voxels of the masked channels (T2/FLAIR, counts) above T "
          + "x the study's robust scale (its 99th percentile of foreground). Default: the kind's (0.8 brain-mri, 0.5 "
          + "spect-bone).")
  Double relativeThreshold;

  @Option(names = "--smoothing-mm", description = "FWHM of the in-plane smoothing of the residual, mm. Default: 8.")
  Double smoothingMm;

  @Option(names = "--mask-dilation-mm", paramLabel = "MM",
      description = "Grow the hidden voxels in-plane by this radius, mm, so a hot focus's fainter rim is hidden too "
          + "(0 = not at all). Default: the kind's (12 PET/CT, 0 brain-mri and spect-bone).")
  Double maskDilationMm;

  @Option(names = "--residual-reference", paramLabel = "C",
      description = "Divide the residual by (1 + reconstruction / C), C in SUV (study-relative units for other kinds): "
          + "excess uptake counts less where high normal uptake is expected. Default: 0 (plain residual).")
  Double residualReference;

  @Option(names = "--organ-level-above", paramLabel = "S",
      description = "Hot regions (above the mask threshold) where the autoencoder expects more than S in the median "
          + "(SUV; study-relative units for other kinds) are organs: their reconstruction is raised by their median "
          + "excess, so a hot organ's level (bladder, brain) is not an anomaly and only focal excess above it is. "
          + "3.5 ranked PET/CT slices best; as the segmentation prior it cost Dice. Default: 0 (off).")
  Double organLevelAbove;

  @Option(names = "--top-k", description = "Slice score = mean of the k largest anomaly values. Default: 10.")
  Integer topK;

  @Option(names = "--anomaly-batch-size", description = "Slices per autoencoder forward pass. Default: 32.")
  Integer batchSize;

  ScoringSettings settings(ConfigResolver conf) {
    ScoringSettings d = ScoringSettings.DEFAULT;
    double k = conf.getDouble("spark.petal.score.liverRelative", threshold.liverMultiple, 0);
    SuvThreshold t = k > 0 ? SuvThreshold.liverRelative(k)
        : SuvThreshold.fixed(conf.getDouble("spark.petal.score.suvThreshold", threshold.suv, d.threshold().fixedSuv()));
    return new ScoringSettings(t, conf.getDouble("spark.petal.score.smoothingMm", smoothingMm, d.smoothingFwhmMm()),
        conf.getInt("spark.petal.score.topK", topK, d.topK()),
        conf.getInt("spark.petal.score.batchSize", batchSize, d.batchSize()),
        conf.getDouble("spark.petal.score.relativeThreshold", relativeThreshold, d.relativeThreshold()),
        conf.getDouble("spark.petal.score.maskDilationMm", maskDilationMm, d.maskDilationMm()),
        conf.getDouble("spark.petal.score.residualReference", residualReference, d.residualReference()),
        conf.getDouble("spark.petal.score.organLevelAbove", organLevelAbove, d.organLevelFloor()));
  }
}
