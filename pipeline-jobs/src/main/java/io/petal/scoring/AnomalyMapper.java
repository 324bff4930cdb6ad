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
 * Anomaly maps of one study with a trained autoencoder (methods.md §1).
 *
 * <p>Per slice, on the network grid: PET voxels above the study's SUV threshold are hidden from
 * the PET branch (in every slice of the 2.5D window); the anomaly is the positive part of (PET −
 * reconstruction), zero outside the body (CT above the body threshold), smoothed in-plane with a
 * Gaussian of {@code smoothingFwhmMm}, and masked to the body again. The slice score is the mean
 * of the {@code topK} largest values. The map is then resampled back onto the study's grid
 * (bilinear, in-plane only).
 */
public final class AnomalyMapper {
  private final AutoencoderModel model;
  private final ScoringSettings settings;

  public AnomalyMapper(AutoencoderModel model, ScoringSettings settings) {
    this.model = model;
    this.settings = settings;
  }

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
    float[] pet = new float[b * window];
    float[] ct = new float[b * window];
    for (int first = 0; first < nz; first += b) {
      int n = Math.min(b, nz - first);
      for (int j = 0; j < n; j++) {
        stack.copyWindow(first + j, c.neighbours(), pet, ct, j * window);
      }
      float[] p = n == b ? pet : Arrays.copyOf(pet, n * window);
      float[] t = n == b ? ct : Arrays.copyOf(ct, n * window);
      float[] hidden = hide(p, threshold);
      Reconstruction r = model.reconstruct(p, t, hidden, n);
      for (int j = 0; j < n; j++) {
        int k = first + j;
        int centre = j * window + c.neighbours() * plane;
        hiddenFractions[k] = residual(p, t, hidden, centre, r.petSuv(), j * plane, anomaly, k * plane, plane, c);
        scores[k] = topMean(anomaly, k * plane, plane, settings.topK());
      }
    }
    Volume onNetwork = new Volume(stack.grid(), anomaly);
    float[] onStudy = Resampler.resample(onNetwork, study.grid(), Interpolation.LINEAR, 0f).data();
    return new StudyAnomaly(onStudy, scores, hiddenFractions, threshold);
  }

  private static float[] hide(float[] pet, double threshold) {
    float[] hidden = new float[pet.length];
    for (int v = 0; v < pet.length; v++) {
      hidden[v] = pet[v] > threshold ? 1f : 0f;
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

  private static float topMean(float[] values, int offset, int count, int k) {
    float[] copy = Arrays.copyOfRange(values, offset, offset + count);
    Arrays.sort(copy);
    int n = Math.min(k, count);
    double sum = 0;
    for (int i = count - n; i < count; i++) {
      sum += copy[i];
    }
    return (float) (sum / n);
  }
}
