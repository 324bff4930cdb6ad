package io.petal.scoring;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.GaussianBlur;
import io.petal.image.Volume;
import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.BodyRule;
import io.petal.models.ModelChannels;
import io.petal.models.Reconstruction;
import io.petal.tables.StudyImages;
import io.petal.training.NetworkGrid;
import io.petal.training.NetworkStack;
import java.util.Arrays;

/**
 * Anomaly maps with a trained autoencoder (methods.md §1).
 *
 * <p>Per slice, on the network grid: voxels where a channel of the masked branch (PET for PET/CT;
 * T2 or FLAIR for brain MRI; the counts of a bone scan) lies above the threshold
 * ({@link MaskThreshold}), grown in-plane by the settings' mask dilation ({@link MaskDilation}), are
 * hidden from that branch (in every slice of the 2.5D window); the anomaly is the positive part of
 * (value − reconstruction), the reconstruction first raised to a hot organ's own level when the
 * settings give an organ-level floor ({@link OrganLevel}), divided by (1 + reconstruction / C) when
 * the settings give a residual reference C ({@link ScoringSettings#anomaly}), the largest over the masked branch's
 * channels, zero outside the body ({@link BodyRule}: tissue and the lungs or gas it encloses), smoothed in-plane with a Gaussian of
 * {@code smoothingFwhmMm}, and masked to the body again. Its unit is the masked channels' stack
 * unit: SUV for PET/CT, multiples of the study's robust scale otherwise. The slice score is the
 * mean of the {@code topK} largest values. {@link #map} resamples a study's maps back onto the
 * study's grid (bilinear, in-plane only); {@link #mapWindows} serves callers that already hold
 * network inputs (the segmentation's prior channel, also for slices with inserted synthetic
 * lesions).
 */
public final class AnomalyMapper {
  private final AutoencoderModel model;
  private final ScoringSettings settings;

  public AnomalyMapper(AutoencoderModel model, ScoringSettings settings) {
    this.model = model;
    this.settings = settings;
  }

  /** The autoencoder's configuration (network grid, 2.5D window, channels). */
  public AutoencoderConfig config() {
    return model.config();
  }

  /** The whole study, mapped on the network grid and resampled back onto the study's grid. */
  public StudyAnomaly map(StudyImages study) {
    AutoencoderConfig c = model.config();
    double threshold = MaskThreshold.forStudy(settings, c.channels(), study);
    NetworkStack stack = NetworkStack.of(study, c.size(), c.pixelSpacingMm(), c.channels());
    double pixelMm = NetworkGrid.pixelMm(study.grid(), c.size(), c.pixelSpacingMm(), c.channels());
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    int nz = stack.slices();
    float[] anomaly = new float[nz * plane];
    float[] scores = new float[nz];
    float[] hiddenFractions = new float[nz];
    int b = settings.batchSize();
    for (int first = 0; first < nz; first += b) {
      int n = Math.min(b, nz - first);
      float[][] windows = NetworkStack.windows(c.channels().count(), n, c.slices(), c.size());
      for (int j = 0; j < n; j++) {
        stack.copyWindow(first + j, c.neighbours(), windows, j * window);
      }
      mapBatch(windows, n, threshold, pixelMm, anomaly, scores, hiddenFractions, first);
    }
    Volume onNetwork = new Volume(stack.grid(), anomaly);
    float[] onStudy = Resampler.resample(onNetwork, study.grid(), Interpolation.LINEAR, 0f).data();
    return new StudyAnomaly(onStudy, scores, hiddenFractions, threshold);
  }

  /**
   * One batch as {@link #map} scores it: the anomaly maps, slice scores and hidden fractions of
   * the centre slices of {@code n} 2.5D windows, all with one threshold.
   *
   * @param windows per layout channel, [n, slices, size, size] in stack units
   * @param threshold voxels of the masked branch above it are hidden from the network (masked unit)
   * @param pixelMm the network grid's pixel spacing, mm (for the smoothing)
   * @param anomaly receives [n, size, size] anomaly values (masked unit) from plane {@code first}
   * @param scores receives the n slice scores from index {@code first}
   * @param hiddenFractions receives the n hidden fractions of the body from index {@code first}
   */
  public void mapBatch(float[][] windows, int n, double threshold, double pixelMm, float[] anomaly, float[] scores,
      float[] hiddenFractions, int first) {
    int plane = model.config().size() * model.config().size();
    double[] thresholds = new double[n];
    double[] pixels = new double[n];
    Arrays.fill(thresholds, threshold);
    Arrays.fill(pixels, pixelMm);
    float[] hidden = mapWindows(windows, n, thresholds, pixels, anomaly, first * plane);
    for (int j = 0; j < n; j++) {
      scores[first + j] = TopMean.of(anomaly, (first + j) * plane, plane, settings.topK());
      hiddenFractions[first + j] = hidden[j];
    }
  }

  /**
   * Anomaly maps of the centre slices of {@code n} 2.5D windows.
   *
   * @param windows per layout channel, [n, slices, size, size] in stack units
   * @param thresholds per window: voxels of the masked branch above it are hidden from the network
   * @param pixelMm per window, its network grid's pixel spacing, mm (for the smoothing)
   * @param out receives [n, size, size] anomaly values (masked unit) from {@code outOffset}
   * @return per window, the fraction of the centre slice's body pixels that were hidden
   */
  public float[] mapWindows(float[][] windows, int n, double[] thresholds, double[] pixelMm, float[] out,
      int outOffset) {
    AutoencoderConfig c = model.config();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    int[] masked = c.channels().group(c.channels().maskedGroup());
    float[] hidden = hide(windows, masked, thresholds, window);
    double dilationMm = MaskDilation.radiusMm(settings, c.channels());
    for (int j = 0; j < n; j++) {
      MaskDilation.grow(hidden, j * window, c.slices(), c.size(), MaskDilation.radiusPixels(dilationMm, pixelMm[j]));
    }
    Reconstruction r = model.reconstruct(windows, hidden, n);
    BodyRule body = c.channels().bodyRule(c.normalisation());
    float[] fractions = new float[n];
    for (int j = 0; j < n; j++) {
      int centre = j * window + c.neighbours() * plane;
      fractions[j] = residual(windows, masked, body, hidden, centre, r, j * plane, out, outOffset + j * plane, plane,
          pixelMm[j], thresholds[j]);
    }
    return fractions;
  }

  /** 1 where any masked channel lies above its window's threshold. */
  private static float[] hide(float[][] windows, int[] masked, double[] thresholds, int window) {
    float[] hidden = new float[windows[masked[0]].length];
    for (int j = 0; j < hidden.length / window; j++) {
      double t = thresholds[j];
      for (int v = j * window; v < (j + 1) * window; v++) {
        for (int m : masked) {
          if (windows[m][v] > t) {
            hidden[v] = 1f;
            break;
          }
        }
      }
    }
    return hidden;
  }

  /** Writes the centre slice's smoothed body residual into {@code out}; returns the hidden fraction of the body. */
  private float residual(float[][] windows, int[] masked, BodyRule body, float[] hidden, int centre, Reconstruction r,
      int reconOffset, float[] out, int outOffset, int plane, double pixelMm, double threshold) {
    int size = model.config().size();
    double organFloor = settings.organLevelFloor();
    float[] inBody = new float[plane];
    body.slice(windows[body.channel()], centre, size, size, inBody, 0);
    int bodyCount = 0;
    int hiddenCount = 0;
    for (int v = 0; v < plane; v++) {
      out[outOffset + v] = 0f;
      if (inBody[v] > 0) {
        bodyCount++;
        hiddenCount += hidden[centre + v] > 0 ? 1 : 0;
      }
    }
    for (int m : masked) {
      float[] expected = r.channel(m);
      int from = reconOffset;
      if (organFloor > 0) { // levelled on a copy of the slice; the reconstruction stays as it is
        expected = Arrays.copyOfRange(expected, reconOffset, reconOffset + plane);
        from = 0;
        OrganLevel.level(windows[m], centre, expected, threshold, organFloor, size);
      }
      for (int v = 0; v < plane; v++) {
        if (inBody[v] > 0) {
          out[outOffset + v] = Math.max(out[outOffset + v],
              settings.anomaly(windows[m][centre + v], expected[from + v]));
        }
      }
    }
    if (settings.smoothingFwhmMm() > 0) {
      float[] slice = Arrays.copyOfRange(out, outOffset, outOffset + plane);
      double sigma = settings.smoothingFwhmMm() / GaussianBlur.FWHM_PER_SIGMA / pixelMm;
      GaussianBlur.blur(slice, size, size, 1, sigma, sigma, 0);
      for (int v = 0; v < plane; v++) {
        out[outOffset + v] = inBody[v] > 0 ? slice[v] : 0f;
      }
    }
    return bodyCount == 0 ? 0f : hiddenCount / (float) bodyCount;
  }
}
