package io.petal.scoring;

import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;
import io.petal.tables.StudyImages;
import java.util.Locale;

/**
 * The threshold above which the voxels of an autoencoder's masked branch are hidden at scoring, in
 * that branch's stack unit: for PET/CT the SUV threshold of the settings ({@link SuvThreshold}:
 * fixed, or a multiple of the study's liver SUVmean); for study-relative channels (MRI, bone
 * scans) a multiple of the study's robust scale — the settings' {@code relativeThreshold}, or the
 * layout's default when that is 0.
 */
public final class MaskThreshold {
  private MaskThreshold() {}

  /** The threshold for {@code study} (SUV, or a multiple of the study's scale). */
  public static double forStudy(ScoringSettings settings, ModelChannels layout, StudyImages study) {
    return layout.maskedScaling() == ChannelScaling.SUV ? settings.threshold().forStudy(study)
        : relative(settings, layout);
  }

  /**
   * The threshold in words, with the mask's dilation ({@link MaskDilation#radiusMm}), the
   * residual's reference and the organ-level floor when set, for logs and model cards.
   */
  public static String describe(ScoringSettings settings, ModelChannels layout) {
    String threshold = layout.maskedScaling() == ChannelScaling.SUV ? settings.threshold().toString()
        : String.format(Locale.ROOT, "%.2f x the study's robust scale of %s", relative(settings, layout),
            layout.groups().get(layout.maskedGroup()));
    double dilation = MaskDilation.radiusMm(settings, layout);
    String grown = dilation > 0 ? String.format(Locale.ROOT, ", grown by %.0f mm", dilation) : "";
    String residual = settings.residualReference() > 0
        ? String.format(Locale.ROOT, ", residual / (1 + reconstruction / %.2f)", settings.residualReference()) : "";
    double floor = settings.organLevelFloor();
    String organs = floor > 0 ? String.format(Locale.ROOT, ", hot organs (expected above %.2f) at their own level",
        floor) : "";
    return threshold + grown + residual + organs;
  }

  private static double relative(ScoringSettings settings, ModelChannels layout) {
    return settings.relativeThreshold() > 0 ? settings.relativeThreshold() : layout.defaultRelativeThreshold();
  }
}
