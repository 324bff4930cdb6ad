package io.petal.segmentation;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.Volume;
import io.petal.models.BodyRule;
import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.MaskThreshold;
import io.petal.scoring.ScoringSettings;
import io.petal.tables.StudyImages;
import io.petal.training.NetworkGrid;
import io.petal.training.NetworkStack;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Prepares {@link SegmentationStudy}s: resampling the layout's channels onto the network grid, the
 * label values (of the chosen {@link AnnotationSource}), and the samples. Annotated abnormal
 * studies give every slice with a label (of any region) and as many label-free body slices (evenly
 * spaced); normal studies give every {@code normalStride}-th body slice as negatives, or, when they
 * carry synthetic lesions (PET/CT only, {@link #insertsSyntheticLesions}), every body slice.
 */
public final class SegmentationStudies implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Slices with a smaller fraction of body pixels are not sampled. */
  static final double MIN_BODY_FRACTION = 0.05;

  private final int size;
  private final double pixelMm;
  private final ScoringSettings scoring;
  private final LabelSource labels;
  private final AnnotationSource annotation;
  private final int normalStride;
  private final ModelChannels layout;
  private final BodyRule body;

  /**
   * @param config the U-Net's grid size, channel layout and normalisation
   * @param pixelMm the configured network pixel spacing (mm; the layout may fit it to each study)
   * @param scoring the prior's threshold settings ({@link MaskThreshold})
   * @param annotation the annotation source the label is read from (a study without it has an empty label)
   */
  public SegmentationStudies(SegmentationConfig config, double pixelMm, ScoringSettings scoring, LabelSource labels,
      AnnotationSource annotation, int normalStride) {
    this.size = config.size();
    this.pixelMm = pixelMm;
    this.scoring = scoring;
    this.labels = labels;
    this.annotation = annotation;
    this.normalStride = normalStride;
    this.layout = config.channels();
    this.body = layout.bodyRule(config.normalisation());
  }

  /**
   * Whether synthetic lesions can be inserted into normal studies of {@code layout}: the lesion
   * generator paints a hot SUV focus and its CT correlate, so PET/CT (PET in SUV, CT in HU) only.
   */
  public static boolean insertsSyntheticLesions(ModelChannels layout) {
    int pet = layout.indexOf("PET");
    int ct = layout.indexOf("CT");
    return pet >= 0 && ct >= 0 && layout.scaling(pet) == ChannelScaling.SUV && layout.scaling(ct) == ChannelScaling.HU;
  }

  /** The prepared study, with samples for training (possibly none). */
  public SegmentationStudy prepare(StudyImages study) {
    NetworkStack stack = NetworkStack.of(study, size, pixelMm, layout);
    float[] label = new float[stack.grid().voxelCount()];
    int source = annotation.indexIn(study.info());
    if (source >= 0) {
      float[] truth = new float[study.grid().voxelCount()];
      byte[] l = study.label(source);
      for (int v = 0; v < truth.length; v++) {
        truth[v] = l[v] & 0xFF;
      }
      label = Resampler.resample(new Volume(study.grid(), truth), stack.grid(), Interpolation.NEAREST, 0f).data();
    }
    boolean normal = Boolean.TRUE.equals(study.info().normal());
    boolean synthetic = normal && labels.usesSynthetic() && insertsSyntheticLesions(layout);
    int[] samples = samples(stack, label, normal, source >= 0, synthetic);
    return new SegmentationStudy(study.info().studyKey(), study.info().patientKey(), stack,
        NetworkGrid.pixelMm(study.grid(), size, pixelMm, layout), label, MaskThreshold.forStudy(scoring, layout, study),
        samples, synthetic);
  }

  private int[] samples(NetworkStack stack, float[] label, boolean normal, boolean labelled, boolean synthetic) {
    int nz = stack.slices();
    int plane = stack.grid().sliceSize();
    int[] lesion = new int[nz];
    int[] other = new int[nz];
    int nl = 0;
    int no = 0;
    for (int k = 0; k < nz; k++) {
      if (body.fraction(stack.channel(body.channel()), k * plane, stack.grid().nx(), stack.grid().ny()) < MIN_BODY_FRACTION) {
        continue;
      }
      boolean hasLesion = false;
      for (int v = k * plane; v < (k + 1) * plane && !hasLesion; v++) {
        hasLesion = label[v] > 0;
      }
      if (hasLesion) {
        lesion[nl++] = k;
      } else {
        other[no++] = k;
      }
    }
    if (synthetic) {
      return Arrays.copyOf(other, no);
    }
    if (normal && labels.usesReal()) {
      return everyNth(other, no, Math.max(1, normalStride));
    }
    if (!normal && labelled && labels.usesReal() && nl > 0) {
      int[] negatives = everyNth(other, no, Math.max(1, no / Math.max(1, nl)));
      int[] all = Arrays.copyOf(lesion, nl + negatives.length);
      System.arraycopy(negatives, 0, all, nl, negatives.length);
      return all;
    }
    return new int[0];
  }

  private static int[] everyNth(int[] values, int n, int stride) {
    int[] out = new int[(n + stride - 1) / stride];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i * stride];
    }
    return out;
  }
}
