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
    @Option(names = "--suv-threshold", description = "Hide PET voxels above this SUV from the autoencoder. Default: 2.5.")
    Double suv;

    @Option(names = "--liver-relative", paramLabel = "K",
        description = "Instead: hide voxels above K x the study's liver SUVmean (automatic liver reference).")
    Double liverMultiple;
  }

  @Option(names = "--smoothing-mm", description = "FWHM of the in-plane smoothing of the residual, mm. Default: 8.")
  Double smoothingMm;

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
        conf.getInt("spark.petal.score.batchSize", batchSize, d.batchSize()));
  }
}
