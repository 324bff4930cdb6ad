package io.petal.jobs;

import io.petal.io.CsvText;
import io.petal.io.HadoopFiles;
import io.petal.spark.SerializableHadoopConf;
import io.petal.synth.SynthConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal synth}: writes a synthetic whole-body FDG PET/CT cohort in the autoPET layout,
 * {@code OUT/<patient>/<study>/{SUV,CTres,SEG}.nii.gz} (+ {@code ORGANS.nii.gz}, and
 * {@code preview.png} when asked), plus {@code OUT/manifest.csv} (one row per study, the ingest
 * manifest) and {@code OUT/lesions.csv} (the inserted lesions: site, size level, radius, centroid).
 * With several annotators, each further annotator's redrawn lesions
 * ({@link io.petal.synth.SyntheticAnnotator}) go to {@code SEG_annotator<a>.nii.gz}, the manifest's
 * annotation-source column {@code seg_annotator<a>}.
 *
 * <p>One Spark task per patient; every patient's content depends only on (seed, patient index),
 * so the output is byte-identical for the same seed whatever the partitioning. {@code OUT} may be
 * any Hadoop path.
 */
public final class SynthJob {
  private static final Logger LOG = LoggerFactory.getLogger(SynthJob.class);
  public static final String MANIFEST = "manifest.csv";
  public static final String LESIONS = "lesions.csv";

  /**
   * What to generate.
   *
   * @param annotators annotation sources per study (≥ 1): the exact mask ({@code seg}) and
   *     {@code annotators − 1} redrawn ones ({@code seg_annotator2}, …)
   */
  public record Options(String out, int normal, int abnormal, long seed, boolean preview, SynthConfig config,
      int annotators) implements Serializable {
    public Options {
      if (annotators < 1) {
        throw new IllegalArgumentException("a synthetic cohort needs at least one annotator (--annotators), got "
            + annotators);
      }
    }

    /** One annotator: the exact lesion mask only. */
    public Options(String out, int normal, int abnormal, long seed, boolean preview, SynthConfig config) {
      this(out, normal, abnormal, seed, preview, config, 1);
    }
  }

  private SynthJob() {}

  /** Generates the cohort and returns its manifest (one row per study, all columns strings). */
  public static Dataset<Row> run(SparkSession spark, Options o) throws java.io.IOException {
    List<SynthCohortPlan.Patient> plan = SynthCohortPlan.plan(o.normal(), o.abnormal(), o.seed());
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    SyntheticStudyWriter writer = new SyntheticStudyWriter(o, conf);
    LOG.info("synth: {} normal + {} abnormal patients -> {}", o.normal(), o.abnormal(), o.out());
    List<SyntheticStudyWriter.Written> written = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(plan, plan.size())
        .map(writer::write)
        .collect();

    List<List<String>> manifestRows = new ArrayList<>();
    List<List<String>> lesionRows = new ArrayList<>();
    for (SyntheticStudyWriter.Written w : written) {
      manifestRows.add(w.manifestRow());
      lesionRows.addAll(w.lesionRows());
    }
    HadoopFiles.writeText(HadoopFiles.join(o.out(), MANIFEST), conf.get(),
        CsvText.of(SyntheticStudyWriter.manifestHeader(o.annotators()), manifestRows));
    HadoopFiles.writeText(HadoopFiles.join(o.out(), LESIONS), conf.get(),
        CsvText.of(SyntheticStudyWriter.LESION_HEADER, lesionRows));
    LOG.info("synth: wrote {} studies with {} lesions; manifest {}", written.size(), lesionRows.size(),
        HadoopFiles.join(o.out(), MANIFEST));
    return manifestFrame(spark, SyntheticStudyWriter.manifestHeader(o.annotators()), manifestRows);
  }

  private static Dataset<Row> manifestFrame(SparkSession spark, List<String> header, List<List<String>> rows) {
    StructType schema = new StructType();
    for (String c : header) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      out.add(RowFactory.create(r.toArray()));
    }
    return spark.createDataFrame(out, schema);
  }
}
