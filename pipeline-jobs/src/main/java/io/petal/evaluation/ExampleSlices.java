package io.petal.evaluation;

import io.petal.ingest.IngestedTables;
import io.petal.report.ExampleSlice;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Chooses and cuts out the report's example slices: lesion slices of different patients, from the
 * largest lesion slice of the cohort down to the smallest.
 *
 * <p>Choice: for every evaluated study with a PET and a CT channel and a lesion, its slice with
 * the most lesion voxels (first annotation source, {@code slices.lesion_voxels}); these are ranked
 * by that count (ties by study key) and {@code count} of them are taken at even steps through the
 * ranking, so the examples span large to small lesions. Only the chosen studies are read.
 */
public final class ExampleSlices {
  /** Example slices a report shows by default. */
  public static final int DEFAULT_COUNT = 3;

  /** A chosen slice: the study (key {@link StudyImagesReader#key}) and its slice index. */
  public record Choice(String studyKey, int sliceIndex, int lesionVoxels) {}

  private ExampleSlices() {}

  /** The chosen slices, largest lesion first. */
  public static List<Choice> choose(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies, int count) {
    Map<String, StudyInfo> imaged = new LinkedHashMap<>();
    studies.forEach((key, info) -> {
      if (info.channelIndex("PET") >= 0 && info.channelIndex("CT") >= 0 && info.labelled()) {
        imaged.put(key, info);
      }
    });
    if (imaged.isEmpty() || count <= 0) {
      return List.of();
    }
    List<Choice> candidates = new ArrayList<>();
    for (Row r : StudyImagesReader.rowsOf(spark, IngestedTables.read(spark, w, SlicesTable.INSTANCE), imaged)
        .filter(functions.col(SlicesTable.LESION_VOXELS).gt(0))
        .groupBy(Columns.COHORT, Columns.STUDY_KEY)
        .agg(functions.max(functions.struct(SlicesTable.LESION_VOXELS, SlicesTable.SLICE_INDEX)).as("top"))
        .collectAsList()) {
      Row top = r.getStruct(2);
      candidates.add(new Choice(StudyImagesReader.key(r.getString(0), r.getString(1)), top.getInt(1), top.getInt(0)));
    }
    candidates.sort(Comparator.comparingInt(Choice::lesionVoxels).reversed().thenComparing(Choice::studyKey));
    return evenlySpaced(candidates, count);
  }

  /** {@code count} elements at even steps from the first to the last (all when there are no more). */
  static <T> List<T> evenlySpaced(List<T> ranked, int count) {
    if (ranked.size() <= count) {
      return List.copyOf(ranked);
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(ranked.get(count == 1 ? 0 : (int) Math.round((double) i * (ranked.size() - 1) / (count - 1))));
    }
    return out;
  }

  /**
   * The chosen slices with the anomaly map of {@code anomalyModel} and the mask of
   * {@code maskModel} (either may be null), in the order of {@code chosen}.
   */
  public static List<ExampleSlice> cut(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies,
      List<Choice> chosen, String anomalyModel, String maskModel) {
    if (chosen.isEmpty()) {
      return List.of();
    }
    Map<String, StudyInfo> wanted = new LinkedHashMap<>();
    Map<String, Integer> sliceOf = new LinkedHashMap<>();
    for (Choice c : chosen) {
      wanted.put(c.studyKey(), studies.get(c.studyKey()));
      sliceOf.put(c.studyKey(), c.sliceIndex());
    }
    Map<String, Integer> slices = Map.copyOf(sliceOf);
    List<ExamplePlanes> planes = ScoredStudyReader.read(spark, w, wanted, anomalyModel,
            maskModel == null ? Set.of() : Set.of(maskModel))
        .map(s -> ExamplePlanes.of(s, slices.get(StudyImagesReader.key(s.images().info())), maskModel))
        .collect();
    Map<String, ExampleSlice> byStudy = new LinkedHashMap<>();
    for (ExamplePlanes p : planes) {
      byStudy.put(p.caseId(), p.toExampleSlice());
    }
    List<ExampleSlice> out = new ArrayList<>();
    for (Choice c : chosen) {
      ExampleSlice e = byStudy.get(studies.get(c.studyKey()).studyKey());
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }
}
