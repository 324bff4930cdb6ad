package io.petal.lesions;

import java.io.Serializable;
import java.util.List;

/**
 * The lesions of one mask of a study with their sites ({@code sites.get(n)} belongs to
 * {@code lesions.get(n)}; an entry is null where the site is not known).
 */
public record MeasuredMask(MaskSource source, List<LesionStatistics> lesions, List<Site> sites)
    implements Serializable {

  public MeasuredMask {
    if (lesions.size() != sites.size()) {
      throw new IllegalArgumentException(lesions.size() + " lesions but " + sites.size() + " sites");
    }
  }

  public LesionBurden burden() {
    return LesionBurden.of(lesions);
  }
}
