package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyInfo;
import java.util.Collection;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which study kind a training run is for, and the autoencoder configuration that kind needs: the
 * kind's channel layout ({@link KindChannels}), and no 2.5D neighbours for planar views (each
 * view is a 2D sample).
 */
public final class KindSelection {
  private static final Logger LOG = LoggerFactory.getLogger(KindSelection.class);

  private KindSelection() {}

  /**
   * The requested kind, or else the one kind among {@code studies} (PET/CT when there are none).
   *
   * @param where the studies' origin, for the message
   * @throws IllegalArgumentException when no kind is requested and the studies have several
   */
  public static StudyKind resolve(Collection<StudyInfo> studies, StudyKind requested, String where) {
    if (requested != null) {
      return requested;
    }
    TreeSet<String> kinds = new TreeSet<>();
    studies.forEach(s -> kinds.add(s.kind()));
    if (kinds.size() > 1) {
      throw new IllegalArgumentException(where + " holds studies of several kinds " + kinds
          + ": choose the kind to train on (--kind)");
    }
    return kinds.isEmpty() ? StudyKind.PET_CT : StudyKind.of(kinds.first());
  }

  /**
   * {@code config} with the kind's channel layout, no neighbours for planar views, and for a
   * study-relative masked branch the layout's default hiding threshold as the hot-voxel training
   * threshold (an SUV threshold means nothing there).
   */
  public static AutoencoderConfig apply(AutoencoderConfig config, StudyKind kind) {
    ModelChannels layout = KindChannels.of(kind);
    double hotThreshold = layout.maskedScaling() == ChannelScaling.SUV ? config.hotMaskThreshold()
        : layout.defaultRelativeThreshold();
    return config.toBuilder().channels(layout).neighbours(neighbours(config.neighbours(), layout))
        .hotMaskThreshold(hotThreshold).build();
  }

  /** The 2.5D neighbour count for {@code layout}: 0 for planar views (logged when it overrides). */
  public static int neighbours(int configured, ModelChannels layout) {
    if (layout.planar() && configured != 0) {
      LOG.info("{} studies are planar views: each view is a 2D sample, neighbours {} -> 0", layout.kind(), configured);
      return 0;
    }
    return configured;
  }
}
