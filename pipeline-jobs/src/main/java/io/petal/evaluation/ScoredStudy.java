package io.petal.evaluation;

import io.petal.tables.StudyImages;
import java.io.Serializable;
import java.util.SortedMap;

/**
 * One study with what the pipeline derived from it: its images and annotations ({@code slices}),
 * one autoencoder's anomaly map ({@code anomaly}) and the masks that segmentation models and
 * baselines predicted ({@code masks}), all on the study's grid.
 *
 * @param anomaly the anomaly map, or null when the model has not scored this study (or none was asked for)
 * @param masks model → uint8 mask ({@code nx·ny·nz}, x fastest, non-zero = lesion); empty when none
 * @param probabilities model → float probability of its first region ({@code nx·ny·nz}, x fastest,
 *     0..1), for the models whose probabilities were read; empty when none
 */
public record ScoredStudy(StudyImages images, AnomalyVolume anomaly, SortedMap<String, byte[]> masks,
    SortedMap<String, float[]> probabilities) implements Serializable {
  /** Without probabilities. */
  public ScoredStudy(StudyImages images, AnomalyVolume anomaly, SortedMap<String, byte[]> masks) {
    this(images, anomaly, masks, java.util.Collections.emptySortedMap());
  }
}
