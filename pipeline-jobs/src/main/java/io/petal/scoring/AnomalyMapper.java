package io.petal.scoring;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.GaussianBlur;
import io.petal.image.Volume;
import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.Reconstruction;
import io.petal.tables.StudyImages;
import io.petal.training.NetworkStack;
import java.util.Arrays;

/**
 * Anomaly maps with a trained autoencoder (methods.md §1).
 *
 * <p>Per slice, on the network grid: PET voxels above the SUV threshold are hidden from the PET
 * branch (in every slice of the 2.5D window); the anomaly is the positive part of (PET −
 * reconstruction), zero outside the body (CT above the body threshold), smoothed in-plane with a
 * Gaussian of {@code smoothingFwhmMm}, and masked to the body again. The slice score is the mean
 * of the {@code topK} largest values. {@link #map} resamples a study's maps back onto the study's
 * grid (bilinear, in-plane only); {@link #mapWindows} serves callers that already hold network
 * inputs (the segmentation's prior channel, also for slices with inserted synthetic lesions).
 */
public final class AnomalyMapper {
  private final AutoencoderModel model;
  private final ScoringSettings settings;

  public AnomalyMapper(AutoencoderModel model, ScoringSettings settings) {
    this.model = model;
    this.settings = settings;
  }

  /** The autoencoder's configuration (network grid, 2.5D window). */
  public AutoencoderConfig config() {
    return model.config();
  }

  /** The whole study, mapped on the network grid and resampled back onto the study's grid. */
  public StudyAnomaly map(StudyImages study) {
    AutoencoderConfig c = model.config();
    double threshold = settings.threshold().forStudy(study);
    NetworkStack stack = NetworkStack.of(study, c.size(), c.pixelSpacingMm());
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    int nz = stack.slices();
    float[] anomaly = new float[nz * plane];
    float[] scores = new float[nz];
    float[] hiddenFractions = new float[nz];
    int b = settings.batchSize();
    for (int first = 0; first < nz; first += b) {
      int n = Math.min(b, nz - first);
      float[] pet = new float[n * window];
      float[] ct = new float[n * window];
      for (int j = 0; j < n; j++) {
        stack.copyWindow(first + j, c.neighbours(), pet, ct, j * window);
      }
      mapBatch(pet, ct, n, threshold, anomaly, scores, hiddenFractions, first);
    }
    Volume onNetwork = new Volume(stack.grid(), anomaly);
    float[] onStudy = Resampler.resample(onNetwork, study.grid(), Interpolation.LINEAR, 0f).data();
    return new StudyAnomaly(onStudy, scores, hiddenFractions, threshold);
  }

  /**
   * One batch as {@link #map} scores it: the anomaly maps, slice scores and hidden fractions of
   * the centre slices of {@code n} 2.5D windows, all with one threshold.
   *
   * @param pet [n, slices, size, size] SUV
   * @param ct [n, slices, size, size] HU
   * @param thresholdSuv voxels above it are hidden from the network
   * @param anomaly receives [n, size, size] anomaly values (SUV) from plane {@code first}
   * @param scores receives the n slice scores (SUV) from index {@code first}
   * @param hiddenFractions receives the n hidden fractions of the body from index {@code first}
   */
  public void mapBatch(float[] pet, float[] ct, int n, double thresholdSuv, float[] anomaly, float[] scores,
      float[] hiddenFractions, int first) {
    int plane = model.config().size() * model.config().size();
    double[] thresholds = new double[n];
    Arrays.fill(thresholds, thresholdSuv);
    float[] hidden = mapWindows(pet, ct, n, thresholds, anomaly, first * plane);
    for (int j = 0; j < n; j++) {
      scores[first + j] = TopMean.of(anomaly, (first + j) * plane, plane, settings.topK());
      hiddenFractions[first + j] = hidden[j];
    }
  }

  /**
   * Anomaly maps of the centre slices of {@code n} 2.5D windows.
   *
   * @param pet [n, slices, size, size] SUV
   * @param ct [n, slices, size, size] HU
   * @param thresholdSuv per window: voxels above it are hidden from the network
   * @param out receives [n, size, size] anomaly values (SUV) from {@code outOffset}
   * @return per window, the fraction of the centre slice's body pixels that were hidden
   */
  public float[] mapWindows(float[] pet, float[] ct, int n, double[] thresholdSuv, float[] out, int outOffset) {
    AutoencoderConfig c = model.config();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    float[] hidden = hide(pet, thresholdSuv, window);
    Reconstruction r = model.reconstruct(pet, ct, hidden, n);
    float[] fractions = new float[n];
    for (int j = 0; j < n; j++) {
      int centre = j * window + c.neighbours() * plane;
      fractions[j] = residual(pet, ct, hidden, centre, r.petSuv(), j * plane, out, outOffset + j * plane, plane, c);
    }
    return fractions;
  }

  private static float[] hide(float[] pet, double[] thresholds, int window) {
    float[] hidden = new float[pet.length];
    for (int j = 0; j < pet.length / window; j++) {
      double t = thresholds[j];
      for (int v = j * window; v < (j + 1) * window; v++) {
        hidden[v] = pet[v] > t ? 1f : 0f;
      }
    }
    return hidden;
  }

  /** Writes the centre slice's smoothed body residual into {@code out}; returns the hidden fraction of the body. */
  private float residual(float[] pet, float[] ct, float[] hidden, int centre, float[] recon, int reconOffset,
      float[] out, int outOffset, int plane, AutoencoderConfig c) {
    boolean[] body = new boolean[plane];
    int bodyCount = 0;
    int hiddenCount = 0;
    for (int v = 0; v < plane; v++) {
      body[v] = c.normalisation().isBody(ct[centre + v]);
      out[outOffset + v] = 0f;
      if (body[v]) {
        bodyCount++;
        hiddenCount += hidden[centre + v] > 0 ? 1 : 0;
        out[outOffset + v] = Math.max(0f, pet[centre + v] - recon[reconOffset + v]);
      }
    }
    if (settings.smoothingFwhmMm() > 0) {
      float[] slice = Arrays.copyOfRange(out, outOffset, outOffset + plane);
      double sigma = settings.smoothingFwhmMm() / GaussianBlur.FWHM_PER_SIGMA / c.pixelSpacingMm();
      GaussianBlur.blur(slice, c.size(), c.size(), 1, sigma, sigma, 0);
      for (int v = 0; v < plane; v++) {
        out[outOffset + v] = body[v] ? slice[v] : 0f;
      }
    }
    return bodyCount == 0 ? 0f : hiddenCount / (float) bodyCount;
  }
}
