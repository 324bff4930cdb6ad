package io.petal.evaluation;

import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * One distributed pass over a set of studies: each study is read with its anomaly map and masks
 * ({@link ScoredStudyReader}), evaluated in its task ({@link StudyScorer}), and the results are
 * combined with {@code treeAggregate} into one {@link CohortMetrics}. Voxels and slice scores
 * never leave their task except as histogram counts.
 */
public final class CohortScoring {
  private CohortScoring() {}

  /**
   * @param anomalyModel the autoencoder whose maps are ranked, or null for no ranking
   * @param maskModels the models whose masks are scored
   */
  public static CohortMetrics score(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies,
      String anomalyModel, Set<String> maskModels, StudyScorer scorer) {
    if (studies.isEmpty()) {
      return new CohortMetrics();
    }
    return ScoredStudyReader.read(spark, w, studies, anomalyModel, maskModels)
        .treeAggregate(new CohortMetrics(), scorer::addTo, CohortMetrics::merge);
  }
}
