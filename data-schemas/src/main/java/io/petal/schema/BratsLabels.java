package io.petal.schema;

/**
 * The label values of brain tumour segmentations in the BraTS convention (up to BraTS 2021), as
 * kept unchanged in {@code slices.labels} for {@link StudyKind#BRAIN_MRI} studies, and the three
 * evaluated regions derived from them: whole tumour (1, 2, 4), tumour core (1, 4) and enhancing
 * tumour (4). Value 0 is background.
 */
public final class BratsLabels {
  private BratsLabels() {}

  /** Necrotic and non-enhancing tumour core. */
  public static final int NECROTIC_CORE = 1;
  /** Peritumoural oedema (and infiltrated tissue): bright on T2 and FLAIR. */
  public static final int EDEMA = 2;
  /** Enhancing tumour: bright on contrast-enhanced T1. */
  public static final int ENHANCING = 4;

  /** True for a voxel of the whole tumour (any tumour label). */
  public static boolean wholeTumour(int label) {
    return label == NECROTIC_CORE || label == EDEMA || label == ENHANCING;
  }

  /** True for a voxel of the tumour core (necrotic/non-enhancing core or enhancing tumour). */
  public static boolean tumourCore(int label) {
    return label == NECROTIC_CORE || label == ENHANCING;
  }

  /** True for a voxel of the enhancing tumour. */
  public static boolean enhancingTumour(int label) {
    return label == ENHANCING;
  }
}
