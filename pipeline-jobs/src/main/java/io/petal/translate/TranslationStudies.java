package io.petal.translate;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.models.InputNormalisation;
import io.petal.tables.StudyImages;
import io.petal.training.NetworkGrid;
import io.petal.training.TrainingData;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Prepares {@link TranslationStudy}s: each source and target channel resampled in-plane onto the
 * network grid ({@link NetworkGrid}: {@code size × size} pixels of {@code pixelMm} mm) and turned
 * into network values as the segmentation network sees them, and the slices with body as samples.
 *
 * <p>Network values per channel: PET (SUV) by {@link InputNormalisation#pet}, CT (HU) by
 * {@link InputNormalisation#ct}; outside the study's field of view PET is 0 SUV and CT air.
 * Body: slices whose CT has at least {@link TrainingData#MIN_BODY_FRACTION} body pixels
 * ({@link InputNormalisation#isBody}).
 */
public final class TranslationStudies implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int size;
  private final double pixelMm;
  private final List<String> sources;
  private final List<String> targets;
  private final InputNormalisation normalisation;

  /**
   * @param size network pixels per side
   * @param pixelMm network pixel spacing, mm
   * @param sources source channel names, in order
   * @param targets target channel names, in order
   */
  public TranslationStudies(int size, double pixelMm, List<String> sources, List<String> targets,
      InputNormalisation normalisation) {
    for (String c : concat(sources, targets)) {
      requireKnown(c);
    }
    this.size = size;
    this.pixelMm = pixelMm;
    this.sources = List.copyOf(sources);
    this.targets = List.copyOf(targets);
    this.normalisation = normalisation;
  }

  /** The channels a study needs for this translation (sources, then targets), and CT for the body. */
  public List<String> requiredChannels() {
    List<String> all = concat(sources, targets);
    return all.contains("CT") ? all : concat(all, List.of("CT"));
  }

  /** The study on the network grid with its samples (possibly none). */
  public TranslationStudy prepare(StudyImages study) {
    ImageGrid grid = NetworkGrid.of(study.grid(), size, pixelMm);
    float[][] s = sources.stream().map(c -> networkValues(study, c, grid)).toArray(float[][]::new);
    float[][] t = targets.stream().map(c -> networkValues(study, c, grid)).toArray(float[][]::new);
    float[] ct = resample(study, "CT", grid);
    int plane = size * size;
    int[] centres = new int[grid.nz()];
    int n = 0;
    for (int k = 0; k < grid.nz(); k++) {
      if (normalisation.bodyFraction(ct, k * plane, plane) >= TrainingData.MIN_BODY_FRACTION) {
        centres[n++] = k;
      }
    }
    return new TranslationStudy(study.info().studyKey(), study.info().patientKey(), size, s, t, Arrays.copyOf(centres, n));
  }

  private float[] networkValues(StudyImages study, String channel, ImageGrid grid) {
    float[] v = resample(study, channel, grid);
    for (int i = 0; i < v.length; i++) {
      v[i] = "PET".equals(channel) ? normalisation.pet(v[i]) : normalisation.ct(v[i]);
    }
    return v;
  }

  private static float[] resample(StudyImages study, String channel, ImageGrid grid) {
    float outside = "CT".equals(channel) ? -1000f : 0f;
    return Resampler.resample(study.channel(channel), grid, Interpolation.LINEAR, outside).data();
  }

  private static void requireKnown(String channel) {
    if (!"PET".equals(channel) && !"CT".equals(channel)) {
      throw new IllegalArgumentException("translation pretraining knows how to scale PET (SUV) and CT (HU) only, not "
          + channel);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
