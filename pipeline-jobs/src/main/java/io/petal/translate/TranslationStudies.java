package io.petal.translate;

import io.petal.models.BodyRule;
import io.petal.models.InputNormalisation;
import io.petal.models.ModelChannels;
import io.petal.tables.StudyImages;
import io.petal.training.NetworkStack;
import io.petal.training.TrainingData;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Prepares {@link TranslationStudy}s: the study's channels on the network grid of the autoencoder's
 * layout ({@link NetworkStack}: in-plane resampling, study-relative channels divided by the study's
 * robust scale), the source and target channels turned into network values exactly as the
 * segmentation network receives them ({@link io.petal.models.ChannelScaling#toNetwork}), and the
 * slices with at least {@link TrainingData#MIN_BODY_FRACTION} body pixels
 * ({@link ModelChannels#bodyRule}) as samples.
 */
public final class TranslationStudies implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int size;
  private final double pixelMm;
  private final ModelChannels layout;
  private final int[] sources;
  private final int[] targets;
  private final InputNormalisation normalisation;
  private final BodyRule body;

  /**
   * @param size network pixels per side
   * @param pixelMm configured network pixel spacing, mm (the layout may fit it to each study's field of view)
   * @param layout the channel layout of the studies (the autoencoder's)
   * @param sources source channel names, in order; channels of the layout
   * @param targets target channel names, in order; channels of the layout
   * @throws IllegalArgumentException naming the channel when one is not in the layout
   */
  public TranslationStudies(int size, double pixelMm, ModelChannels layout, List<String> sources, List<String> targets,
      InputNormalisation normalisation) {
    this.size = size;
    this.pixelMm = pixelMm;
    this.layout = layout;
    this.sources = indices(layout, sources);
    this.targets = indices(layout, targets);
    this.normalisation = normalisation;
    this.body = layout.bodyRule(normalisation);
  }

  private static int[] indices(ModelChannels layout, List<String> names) {
    return names.stream().mapToInt(n -> {
      int c = layout.indexOf(n);
      if (c < 0) {
        throw new IllegalArgumentException("channel " + n + " is not a channel of " + layout.kind() + " studies "
            + layout.names());
      }
      return c;
    }).toArray();
  }

  /** The study on the network grid with its samples (possibly none). */
  public TranslationStudy prepare(StudyImages study) {
    NetworkStack stack = NetworkStack.of(study, size, pixelMm, layout);
    int plane = size * size;
    int[] centres = new int[stack.slices()];
    int n = 0;
    for (int k = 0; k < stack.slices(); k++) {
      if (body.fraction(stack.channel(body.channel()), k * plane, size, size) >= TrainingData.MIN_BODY_FRACTION) {
        centres[n++] = k;
      }
    }
    return new TranslationStudy(study.info().studyKey(), study.info().patientKey(), size, networkValues(stack, sources),
        networkValues(stack, targets), Arrays.copyOf(centres, n));
  }

  private float[][] networkValues(NetworkStack stack, int[] channels) {
    float[][] out = new float[channels.length][];
    for (int i = 0; i < channels.length; i++) {
      float[] values = stack.channel(channels[i]);
      out[i] = new float[values.length];
      for (int v = 0; v < values.length; v++) {
        out[i][v] = layout.scaling(channels[i]).toNetwork(values[v], normalisation);
      }
    }
    return out;
  }
}
