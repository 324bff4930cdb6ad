package io.petal.training;

import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;
import io.petal.models.OutputRegion;
import io.petal.schema.BratsLabels;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyInfo;
import java.util.List;

/**
 * The networks' channel layout of each study kind ({@link ModelChannels}), and whether a study
 * fits a layout.
 *
 * <ul>
 *   <li>{@code pet-ct}: {@link ModelChannels#petCt()} (PET in SUV hidden above the SUV threshold,
 *       CT in HU; body CT above −500 HU; region {@code lesion} = label above 0).</li>
 *   <li>{@code brain-mri}: T1, T1ce, T2 and FLAIR, each divided by the study's robust scale
 *       ({@link io.petal.models.StudyScale}); branches [T1, T1ce] and [T2, FLAIR]; the T2/FLAIR
 *       branch is hidden above {@value #BRAIN_THRESHOLD} × the scale (oedema and tumour are bright
 *       there: on the synthetic cohort 0.8 hides 80–90 % of tumour voxels in FLAIR and about
 *       0.2–20 % of normal tissue); body = T1 above 5 % of its scale; regions whole tumour
 *       {@code WT}, tumour core {@code TC} and enhancing tumour {@code ET} from
 *       {@link BratsLabels}, painted back as 2, 1, 4.</li>
 *   <li>{@code spect-bone}: planar {@code counts} divided by the study's robust scale, one branch,
 *       hidden above {@value #BONE_THRESHOLD} × the scale (on the synthetic cohort about 7 % of the
 *       body: bladder, kidneys, the brightest bone, and about half the metastasis pixels); body =
 *       counts above 5 % of the scale; region {@code lesion}; each view a 2D sample.</li>
 * </ul>
 * For the study-relative kinds an anomaly (residual, multiples of the scale) of
 * {@value #RELATIVE_ANOMALY_SCALE} feeds the U-Net's prior as 1.0 (clipped at 1.0), and the
 * network grid is fitted to each study's field of view (a whole-body view is never cropped).
 */
public final class KindChannels {
  /** Default hiding threshold of brain MRI's T2/FLAIR branch, multiples of the study's scale. */
  public static final double BRAIN_THRESHOLD = 0.8;
  /** Default hiding threshold of bone scans' counts, multiples of the study's scale. */
  public static final double BONE_THRESHOLD = 0.5;
  /** Residual (multiples of the study's scale) that maps to prior input 1.0. */
  public static final double RELATIVE_ANOMALY_SCALE = 0.25;
  private static final double RELATIVE_ANOMALY_CLIP = 1.0;

  private KindChannels() {}

  /** The layout of {@code kind}. */
  public static ModelChannels of(StudyKind kind) {
    return switch (kind) {
      case PET_CT -> ModelChannels.petCt();
      case BRAIN_MRI -> new ModelChannels(kind.id(), relative(kind.channels()),
          List.of(List.of("t1", "t1ce"), List.of("t2", "flair")), 1, "t1", BRAIN_THRESHOLD, RELATIVE_ANOMALY_SCALE,
          RELATIVE_ANOMALY_CLIP, List.of(
              OutputRegion.of("WT", BratsLabels.EDEMA, BratsLabels.NECROTIC_CORE, BratsLabels.ENHANCING),
              OutputRegion.of("TC", BratsLabels.NECROTIC_CORE, BratsLabels.ENHANCING),
              OutputRegion.of("ET", BratsLabels.ENHANCING)),
          false, true);
      case SPECT_BONE -> new ModelChannels(kind.id(), relative(kind.channels()), List.of(kind.channels()), 0,
          kind.channels().get(0), BONE_THRESHOLD, RELATIVE_ANOMALY_SCALE, RELATIVE_ANOMALY_CLIP,
          List.of(OutputRegion.anyLabel("lesion")), true, true);
    };
  }

  /** The layout of a study's kind ({@code studies.kind}). */
  public static ModelChannels of(StudyInfo study) {
    return of(StudyKind.of(study.kind()));
  }

  /** Whether a study is of the layout's kind and has every channel the layout reads. */
  public static boolean fits(StudyInfo study, ModelChannels layout) {
    return layout.kind().equals(study.kind()) && study.channels().containsAll(layout.names());
  }

  private static List<ModelChannels.InputChannel> relative(List<String> names) {
    return names.stream().map(n -> new ModelChannels.InputChannel(n, ChannelScaling.STUDY_RELATIVE)).toList();
  }
}
