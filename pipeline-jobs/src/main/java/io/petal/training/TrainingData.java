package io.petal.training;

import io.petal.image.ImageGrid;
import io.petal.models.AutoencoderConfig;
import io.petal.models.BodyRule;
import io.petal.models.ModelChannels;
import io.petal.tables.StudyImages;
import java.util.Arrays;

/**
 * Turns an ingested study into a {@link TrainingStudy}: the layout's channels resampled onto the
 * network grid ({@link NetworkStack}), and the centre slices the normal-slice rule accepts.
 */
public final class TrainingData implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Slices with a smaller fraction of body pixels (on the network grid) are never trained on. */
  public static final double MIN_BODY_FRACTION = 0.01;

  private final int size;
  private final double pixelMm;
  private final NormalSliceRule rule;
  private final int margin;
  private final ModelChannels layout;
  private final BodyRule body;

  /**
   * @param config the autoencoder's grid (size, pixel spacing), channels and body rule; its 2.5D
   *     neighbour count is the margin: slices on each side of a centre slice that must be
   *     lesion-free too (for {@link NormalSliceRule#LESION_FREE_SLICES})
   * @param rule a resolved rule (not {@link NormalSliceRule#AUTO})
   */
  public TrainingData(AutoencoderConfig config, NormalSliceRule rule) {
    if (rule == NormalSliceRule.AUTO) {
      throw new IllegalArgumentException("resolve the AUTO rule over the cohort first");
    }
    this.size = config.size();
    this.pixelMm = config.pixelSpacingMm();
    this.rule = rule;
    this.margin = config.neighbours();
    this.layout = config.channels();
    this.body = layout.bodyRule(config.normalisation());
  }

  /** The study on the network grid with its accepted centre slices (possibly none). */
  public TrainingStudy prepare(StudyImages study) {
    NetworkStack stack = NetworkStack.of(study, size, pixelMm, layout);
    ImageGrid target = stack.grid();
    float[] bodyChannel = stack.channel(body.channel());
    boolean[] candidate = candidates(study);
    int plane = size * size;
    int[] centres = new int[target.nz()];
    int n = 0;
    for (int k = 0; k < target.nz(); k++) {
      if (candidate[k] && body.fraction(bodyChannel, k * plane, size, size) >= MIN_BODY_FRACTION) {
        centres[n++] = k;
      }
    }
    return new TrainingStudy(study.info().studyKey(), stack, Arrays.copyOf(centres, n));
  }

  private boolean[] candidates(StudyImages study) {
    int nz = study.grid().nz();
    boolean[] ok = new boolean[nz];
    boolean normal = Boolean.TRUE.equals(study.info().normal());
    if (normal) {
      Arrays.fill(ok, true);
      return ok;
    }
    if (rule == NormalSliceRule.NEGATIVE_STUDIES || study.labelCount() == 0) {
      return ok;
    }
    boolean[] lesion = new boolean[nz];
    byte[] label = study.label(0);
    int plane = study.grid().sliceSize();
    for (int k = 0; k < nz; k++) {
      for (int v = k * plane; v < (k + 1) * plane; v++) {
        if (label[v] != 0) {
          lesion[k] = true;
          break;
        }
      }
    }
    for (int k = 0; k < nz; k++) {
      ok[k] = true;
      for (int d = Math.max(0, k - margin); d <= Math.min(nz - 1, k + margin); d++) {
        ok[k] &= !lesion[d];
      }
    }
    return ok;
  }
}
