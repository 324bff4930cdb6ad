package io.petal.segmentation;

import io.petal.models.AutoencoderModel;
import io.petal.scoring.AnomalyMapper;
import io.petal.scoring.ModelBytes;
import io.petal.scoring.ScoringSettings;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * The segmentation's prior channel: the autoencoder's anomaly map of each window's centre slice,
 * computed on the fly from the (possibly lesion-inserted) network inputs, exactly as
 * {@code petal score} computes it. Absent (null) for the no-prior ablation.
 */
final class PriorMaps implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ModelBytes> autoencoder;
  private final ScoringSettings settings;

  /** @param autoencoder the broadcast autoencoder, or null for no prior */
  PriorMaps(Broadcast<ModelBytes> autoencoder, ScoringSettings settings) {
    this.autoencoder = autoencoder;
    this.settings = settings;
  }

  boolean enabled() {
    return autoencoder != null;
  }

  /**
   * @param windows per layout channel, [n, slices, size, size] in stack units
   * @param thresholds per window, the masked-branch threshold of its study
   * @param pixelMm per window, its network grid's pixel spacing (mm)
   * @return [n, size, size] anomaly maps (masked unit), or null without a prior
   */
  float[] of(float[][] windows, int n, double[] thresholds, double[] pixelMm, int plane) {
    if (autoencoder == null) {
      return null;
    }
    AnomalyMapper mapper = new AnomalyMapper(autoencoder.value().load(AutoencoderModel::load), settings);
    float[] prior = new float[n * plane];
    mapper.mapWindows(windows, n, thresholds, pixelMm, prior, 0);
    return prior;
  }
}
