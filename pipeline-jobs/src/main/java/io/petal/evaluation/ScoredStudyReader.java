package io.petal.evaluation;

import io.petal.ingest.IngestedTables;
import io.petal.lesions.PredictedMasks;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.schema.SlicesTable;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Reads studies together with one autoencoder's anomaly maps and some models' predicted masks and
 * probabilities.
 *
 * <p>A study's rows of {@code slices}, {@code anomaly} (model {@code anomalyModel}) and
 * {@code masks} (models {@code maskModels}) are brought together by one co-group on the study key
 * (one shuffle of the selected rows), as {@link io.petal.lesions.LesionInputsReader} does for the
 * lesions job; masks are assembled by {@link PredictedMasks}. A study's rows are held in memory
 * while it is assembled. Without anomaly maps and masks to join, this is
 * {@link StudyImagesReader#read} (no shuffle).
 */
public final class ScoredStudyReader {
  private ScoredStudyReader() {}

  /**
   * @param studies the studies, keyed by {@link StudyImagesReader#key}
   * @param anomalyModel the autoencoder whose maps to join, or null for none
   * @param maskModels the models whose masks to join (empty: none)
   * @return one element per study with slices; a study missing from a joined table has a null
   *     anomaly map or lacks that model's mask
   */
  public static JavaRDD<ScoredStudy> read(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies,
      String anomalyModel, Set<String> maskModels) {
    Dataset<Row> anomaly = anomalyModel == null ? null : IngestedTables.readIfExists(spark, w, AnomalyTable.INSTANCE);
    Dataset<Row> masks = maskModels.isEmpty() ? null : IngestedTables.readIfExists(spark, w, MasksTable.INSTANCE);
    if (anomaly == null && masks == null) {
      return StudyImagesReader.read(spark, w, studies)
          .map(images -> new ScoredStudy(images, null, Collections.emptySortedMap()));
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaPairRDD<String, Row> slices = byStudy(StudyImagesReader.rowsOf(spark,
        IngestedTables.read(spark, w, SlicesTable.INSTANCE), studies)
        .select(Columns.COHORT, Columns.STUDY_KEY, SlicesTable.SLICE_INDEX, SlicesTable.WIDTH, SlicesTable.HEIGHT,
            SlicesTable.CHANNEL_COUNT, SlicesTable.IMAGE, SlicesTable.LABELS));
    JavaPairRDD<String, Row> maps = anomaly == null ? JavaPairRDD.fromJavaRDD(sc.emptyRDD())
        : byStudy(StudyImagesReader.rowsOf(spark, anomaly.filter(functions.col(AnomalyTable.MODEL).equalTo(anomalyModel)),
            studies).select(Columns.COHORT, Columns.STUDY_KEY, AnomalyTable.SLICE_INDEX, AnomalyTable.WIDTH,
            AnomalyTable.HEIGHT, AnomalyTable.ANOMALY, AnomalyTable.SCORE));
    JavaPairRDD<String, Row> predicted = masks == null ? JavaPairRDD.fromJavaRDD(sc.emptyRDD())
        : byStudy(StudyImagesReader.rowsOf(spark, masks.filter(functions.col(MasksTable.MODEL).isin(
            maskModels.toArray())), studies).select(Columns.COHORT, Columns.STUDY_KEY, MasksTable.MODEL,
            MasksTable.SLICE_INDEX, MasksTable.WIDTH, MasksTable.HEIGHT, MasksTable.LABEL, MasksTable.PROBABILITY));
    Broadcast<Map<String, StudyInfo>> infos = sc.broadcast(new LinkedHashMap<>(studies));
    return slices.cogroup(maps, predicted).flatMap(group -> {
      Iterator<Row> studySlices = group._2()._1().iterator();
      if (!studySlices.hasNext()) {
        return Collections.emptyIterator(); // maps or masks of a study whose slices are gone
      }
      StudyInfo info = infos.value().get(group._1());
      StudyImages images = StudyImages.assemble(info, studySlices);
      Iterable<Row> mapRows = group._2()._2();
      AnomalyVolume map = mapRows.iterator().hasNext() ? AnomalyVolume.assemble(info, anomalyModel, mapRows) : null;
      Iterable<Row> maskRows = group._2()._3();
      SortedMap<String, byte[]> studyMasks = new TreeMap<>(PredictedMasks.assemble(info, maskRows));
      SortedMap<String, float[]> probabilities = new TreeMap<>(PredictedMasks.probabilities(info, maskRows));
      return Collections.singletonList(new ScoredStudy(images, map, studyMasks, probabilities)).iterator();
    });
  }

  private static JavaPairRDD<String, Row> byStudy(Dataset<Row> rows) {
    return rows.toJavaRDD().mapToPair(r -> new Tuple2<>(StudyImagesReader.key(r), r));
  }
}
