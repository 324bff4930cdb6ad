package io.petal.segmentation;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.Volume;
import io.petal.models.seg.SegmentationModel;
import io.petal.scoring.ModelBytes;
import io.petal.scoring.ScoringSettings;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.ModelPartitions;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.ModelCard;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal segment predict}: lesion probability and label of every slice of the chosen
 * studies, on the study's grid, into {@code W/tables/masks} under the model's name (its partitions
 * replaced, other models kept). The prior comes from the autoencoder named in the model card, on
 * the card's network grid; label = probability ≥ 0.5.
 */
public final class SegmentationPredictJob {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentationPredictJob.class);
  public static final float LABEL_THRESHOLD = 0.5f;

  /** @param split studies to predict: {@code all} or a split name */
  /** @param patients only these pseudonymous patients' studies, or null */
  public record Options(Warehouse warehouse, String model, String split, ScoringSettings scoring, int batchSize,
      Set<String> patients) {
    public Options(Warehouse warehouse, String model, String split, ScoringSettings scoring, int batchSize) {
      this(warehouse, model, split, scoring, batchSize, null);
    }
  }

  public record Summary(String model, int studies, long slices) {}

  private SegmentationPredictJob() {}

  public static Summary run(SparkSession spark, Options o) throws IOException {
    ModelCard card = SegmentationTrainer.folder(spark, o.warehouse(), o.model()).readCard();
    if (card == null) {
      throw new IllegalStateException("no segmentation model '" + o.model() + "' under " + o.warehouse()
          + ": run petal segment train --model " + o.model() + " first");
    }
    String aeName = card.hyperParameters().get(SegmentationTrainer.CARD_AUTOENCODER);
    double pixelMm = Double.parseDouble(card.hyperParameters().get(SegmentationTrainer.CARD_PIXEL_MM));
    ModelBytes seg = ModelBytes.read(o.warehouse(), o.model(), spark.sparkContext().hadoopConfiguration(),
        "segment train");
    boolean usePrior = Boolean.parseBoolean(card.hyperParameters().getOrDefault("usePrior", "true"));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBytes> segB = sc.broadcast(seg);
    Broadcast<ModelBytes> aeB = usePrior ? sc.broadcast(ModelBytes.read(o.warehouse(), aeName,
        spark.sparkContext().hadoopConfiguration(), "train-ae")) : null;
    PriorMaps priors = new PriorMaps(aeB, o.scoring());
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, o.warehouse(),
        s -> s.channelIndex("PET") >= 0 && s.channelIndex("CT") >= 0 && ("all".equals(o.split()) || o.split().equals(s.split()))
            && (o.patients() == null || o.patients().contains(s.patientKey())));
    String name = o.model();
    int batch = o.batchSize();
    ScoringSettings scoring = o.scoring();
    JavaRDD<Row> rows = StudyImagesReader.read(spark, o.warehouse(), studies).flatMap(study -> {
      SegmentationModel model = segB.value().load(SegmentationModel::load);
      SegmentationStudies prepare = new SegmentationStudies(model.config().size(), pixelMm, scoring.threshold(),
          LabelSource.REAL, AnnotationSource.FIRST, 1, model.config().normalisation());
      return rows(name, study, prepare.prepare(study), new SlicePredictor(model, priors, batch)).iterator();
    });
    sc.setCallSite("masks of " + name + " at SegmentationPredictJob.java");
    try {
      ModelPartitions.replace(o.warehouse(), MasksTable.INSTANCE, spark.createDataFrame(rows, MasksTable.INSTANCE.schema()));
    } finally {
      sc.clearCallSite();
    }
    segB.destroy();
    long slices = spark.read().parquet(o.warehouse().table(MasksTable.NAME))
        .filter(org.apache.spark.sql.functions.col(MasksTable.MODEL).equalTo(name)).count();
    LOG.info("segment predict {}: {} studies, {} slices -> {}", name, studies.size(), slices,
        o.warehouse().table(MasksTable.NAME));
    return new Summary(name, studies.size(), slices);
  }

  private static List<Row> rows(String model, StudyImages study, SegmentationStudy prepared, SlicePredictor predictor) {
    int nz = prepared.stack().slices();
    int[] all = new int[nz];
    Arrays.setAll(all, k -> k);
    Volume onNetwork = new Volume(prepared.stack().grid(), predictor.predict(prepared, all));
    float[] probability = Resampler.resample(onNetwork, study.grid(), Interpolation.LINEAR, 0f).data();
    StudyInfo info = study.info();
    int plane = info.grid().sliceSize();
    List<Row> out = new ArrayList<>(nz);
    for (int k = 0; k < info.grid().nz(); k++) {
      float[] p = Arrays.copyOfRange(probability, k * plane, (k + 1) * plane);
      float[] label = new float[plane];
      for (int v = 0; v < plane; v++) {
        label[v] = p[v] >= LABEL_THRESHOLD ? 1f : 0f;
      }
      out.add(RowFactory.create(info.cohort(), info.patientKey(), info.studyKey(), model, k, info.grid().nx(),
          info.grid().ny(), TensorCodec.encodeFloats(p), TensorCodec.encodeLabels(label), MasksTable.VERSION));
    }
    return out;
  }
}
