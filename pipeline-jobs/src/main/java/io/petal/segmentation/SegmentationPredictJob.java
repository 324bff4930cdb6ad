package io.petal.segmentation;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.Volume;
import io.petal.models.ModelChannels;
import io.petal.models.seg.SegmentationModel;
import io.petal.scoring.ModelBytes;
import io.petal.scoring.ScoringSettings;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.ModelPartitions;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.KindChannels;
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
 * {@code petal segment predict}: region probabilities and the label map of every slice (or view)
 * of the chosen studies of the model's kind, on the study's grid, into {@code W/tables/masks}
 * under the model's name (its partitions replaced, other models kept). The prior comes from the
 * autoencoder named in the model card, on the card's network grid.
 *
 * <p>A row's {@code probability} is that of the first region (PET/CT and bone scans: the lesion;
 * brain MRI: the whole tumour); its {@code label} is the label map rebuilt from the regions at
 * probability ≥ the model's {@link LabelThreshold label threshold} (chosen on its validation
 * patients; 0.5 without them) or the one the caller gives ({@link ModelChannels#paint}: 1 for a lesion; for brain MRI the BraTS value,
 * 2 for whole tumour, overwritten by 1 for core and 4 for enhancing tumour), so readers that take
 * a non-zero label as lesion see the first region, and the evaluation derives every region from
 * the label values as it does for the annotations.
 *
 * <p>A model with a report-text path gets each study's report features under the vocabulary
 * stored in its model.zip (a study without a report: all zero).
 */
public final class SegmentationPredictJob {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentationPredictJob.class);

  /**
   * @param split studies to predict: {@code all} or a split name
   * @param patients only these pseudonymous patients' studies, or null
   * @param labelThreshold probability in (0, 1) at or above which a voxel is labelled, or null for
   *     the model's own ({@link LabelThreshold#of})
   */
  public record Options(Warehouse warehouse, String model, String split, ScoringSettings scoring, int batchSize,
      Set<String> patients, Float labelThreshold) {
    public Options(Warehouse warehouse, String model, String split, ScoringSettings scoring, int batchSize,
        Set<String> patients) {
      this(warehouse, model, split, scoring, batchSize, patients, null);
    }

    public Options(Warehouse warehouse, String model, String split, ScoringSettings scoring, int batchSize) {
      this(warehouse, model, split, scoring, batchSize, null, null);
    }
  }

  /** @param labelThreshold the probability the labels were drawn at */
  public record Summary(String model, int studies, long slices, float labelThreshold) {}

  private SegmentationPredictJob() {}

  public static Summary run(SparkSession spark, Options o) throws IOException {
    ModelCard card = SegmentationTrainer.folder(spark, o.warehouse(), o.model()).readCard();
    if (card == null) {
      throw new IllegalStateException("no segmentation model '" + o.model() + "' under " + o.warehouse()
          + ": run petal segment train --model " + o.model() + " first");
    }
    float threshold = LabelThreshold.of(card, o.labelThreshold());
    String aeName = card.hyperParameters().get(SegmentationTrainer.CARD_AUTOENCODER);
    double pixelMm = Double.parseDouble(card.hyperParameters().get(SegmentationTrainer.CARD_PIXEL_MM));
    ModelBytes seg = ModelBytes.read(o.warehouse(), o.model(), spark.sparkContext().hadoopConfiguration(),
        "segment train");
    boolean usePrior = Boolean.parseBoolean(card.hyperParameters().getOrDefault("usePrior", "true"));
    SegmentationModel trained = SegmentationModel.load(new java.io.ByteArrayInputStream(seg.bytes()));
    ModelChannels layout = trained.config().channels();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBytes> segB = sc.broadcast(seg);
    Broadcast<ModelBytes> aeB = usePrior ? sc.broadcast(ModelBytes.read(o.warehouse(), aeName,
        spark.sparkContext().hadoopConfiguration(), "train-ae")) : null;
    PriorMaps priors = new PriorMaps(aeB, o.scoring());
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, o.warehouse(),
        s -> KindChannels.fits(s, layout) && ("all".equals(o.split()) || o.split().equals(s.split()))
            && (o.patients() == null || o.patients().contains(s.patientKey())));
    ReportFeatures text = ReportText.features(trained, o.model(), StudyReports.read(spark, o.warehouse(), studies),
        studies.values());
    String name = o.model();
    int batch = o.batchSize();
    ScoringSettings scoring = o.scoring();
    JavaRDD<Row> rows = StudyImagesReader.read(spark, o.warehouse(), studies).flatMap(study -> {
      SegmentationModel model = segB.value().load(SegmentationModel::load);
      SegmentationStudies prepare = new SegmentationStudies(model.config(), pixelMm, scoring, LabelSource.REAL,
          AnnotationSource.FIRST, 1);
      return rows(name, study, prepare.prepare(study), new SlicePredictor(model, priors, text, batch),
          model.config().channels(), threshold).iterator();
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
    LOG.info("segment predict {}: {} {} studies, {} slices, regions {} labelled at probability >= {} -> {}", name,
        studies.size(), layout.kind(), slices, layout.regionNames(), threshold, o.warehouse().table(MasksTable.NAME));
    return new Summary(name, studies.size(), slices, threshold);
  }

  private static List<Row> rows(String model, StudyImages study, SegmentationStudy prepared, SlicePredictor predictor,
      ModelChannels layout, float labelThreshold) {
    int nz = prepared.stack().slices();
    int[] all = new int[nz];
    Arrays.setAll(all, k -> k);
    float[][] probability = onStudyGrid(predictor.predict(prepared, all), layout.regions().size(), prepared, study);
    StudyInfo info = study.info();
    int plane = info.grid().sliceSize();
    int regions = probability.length;
    List<Row> out = new ArrayList<>(nz);
    float[] slice = new float[regions * plane];
    for (int k = 0; k < info.grid().nz(); k++) {
      for (int r = 0; r < regions; r++) {
        System.arraycopy(probability[r], k * plane, slice, r * plane, plane);
      }
      byte[] label = layout.paint(slice, 0, plane, labelThreshold);
      out.add(RowFactory.create(info.cohort(), info.patientKey(), info.studyKey(), model, k, info.grid().nx(),
          info.grid().ny(), TensorCodec.encodeFloats(Arrays.copyOf(slice, plane)), label, MasksTable.VERSION));
    }
    return out;
  }

  /** Per region, the probabilities [nz, S, S] of the network grid ([nz, regions, S, S] given) resampled onto the study grid. */
  private static float[][] onStudyGrid(float[] predicted, int regions, SegmentationStudy prepared, StudyImages study) {
    int plane = prepared.stack().grid().sliceSize();
    int nz = prepared.stack().slices();
    float[][] out = new float[regions][];
    for (int r = 0; r < regions; r++) {
      float[] region = new float[nz * plane];
      for (int k = 0; k < nz; k++) {
        System.arraycopy(predicted, (k * regions + r) * plane, region, k * plane, plane);
      }
      out[r] = Resampler.resample(new Volume(prepared.stack().grid(), region), study.grid(), Interpolation.LINEAR, 0f)
          .data();
    }
    return out;
  }
}
