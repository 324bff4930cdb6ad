package io.petal.lesions;

import io.petal.ingest.IngestedTables;
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
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Reads what {@code petal lesions} measures: each study's images and annotations, and the masks
 * models predicted for it.
 *
 * <p>Without a {@code masks} table this is {@link StudyImagesReader#read} (no shuffle). With one,
 * a study's slices and its mask rows are brought together by a co-group on the study: one shuffle
 * of the selected studies' slices and masks, and a study's rows are held in memory while it is
 * assembled (as {@link StudyImages#assemble} does anyway).
 */
public final class LesionInputsReader {
  private LesionInputsReader() {}

  /** The given studies (keyed by {@link StudyImagesReader#key}); studies without slices are absent. */
  public static JavaRDD<LesionInput> read(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies) {
    Dataset<Row> masks = IngestedTables.readIfExists(spark, w, MasksTable.INSTANCE);
    if (masks == null) {
      return StudyImagesReader.read(spark, w, studies)
          .map(images -> new LesionInput(images, Collections.emptySortedMap()));
    }
    JavaPairRDD<String, Row> slices = byStudy(StudyImagesReader.rowsOf(spark,
        IngestedTables.read(spark, w, SlicesTable.INSTANCE), studies)
        .select(Columns.COHORT, Columns.STUDY_KEY, SlicesTable.SLICE_INDEX, SlicesTable.WIDTH, SlicesTable.HEIGHT,
            SlicesTable.CHANNEL_COUNT, SlicesTable.IMAGE, SlicesTable.LABELS));
    JavaPairRDD<String, Row> predicted = byStudy(StudyImagesReader.rowsOf(spark, masks, studies)
        .select(Columns.COHORT, Columns.STUDY_KEY, MasksTable.MODEL, MasksTable.SLICE_INDEX, MasksTable.WIDTH,
            MasksTable.HEIGHT, MasksTable.LABEL));
    Broadcast<Map<String, StudyInfo>> infos =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new LinkedHashMap<>(studies));
    return slices.cogroup(predicted).flatMap(group -> {
      Iterator<Row> studySlices = group._2()._1().iterator();
      if (!studySlices.hasNext()) {
        return Collections.emptyIterator(); // masks of a study whose slices file is gone
      }
      StudyInfo info = infos.value().get(group._1());
      StudyImages images = StudyImages.assemble(info, studySlices);
      return Collections.singletonList(
          new LesionInput(images, PredictedMasks.assemble(info, group._2()._2()))).iterator();
    });
  }

  private static JavaPairRDD<String, Row> byStudy(Dataset<Row> rows) {
    return rows.toJavaRDD().mapToPair(r -> new Tuple2<>(StudyImagesReader.key(r), r));
  }
}
