package io.petal.jobs;

import io.petal.io.CsvText;
import io.petal.io.HadoopFiles;
import io.petal.spark.SerializableHadoopConf;
import io.petal.synth.SynthConfig;
import io.petal.synth.SyntheticCohortConfig;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.brain.BrainMriConfig;
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
 * {@code petal synth}: writes a synthetic cohort of one study kind, chosen by the type of
 * {@link Options#config()}, plus {@code OUT/manifest.csv} (one row per study, the ingest
 * manifest) and {@code OUT/lesions.csv} (the inserted lesions):
 * <ul>
 *   <li>PET/CT ({@link SynthConfig}): the autoPET layout,
 *       {@code OUT/<patient>/<study>/{SUV,CTres,SEG}.nii.gz} (+ {@code ORGANS.nii.gz}, and
 *       {@code preview.png} when asked); lesions by site, size level, radius, centroid;</li>
 *   <li>brain MRI ({@link BrainMriConfig}): the BraTS layout,
 *       {@code OUT/<case>/<case>_{t1,t1ce,t2,flair,seg}.nii.gz}, with a free-text report per study
 *       ({@link BrainMriStudyWriter});</li>
 *   <li>whole-body bone scans ({@link BoneScanConfig}): {@code OUT/<patient>/<study>/NM.dcm} (one
 *       DICOM NM file, anterior and posterior frames) and {@code SEG.nii.gz} (the metastases on the
 *       planar study grid), with a report ({@link BoneScanStudyWriter}).</li>
 * </ul>
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
   * @param annotators annotation sources per study (≥ 1; PET/CT only): the exact mask ({@code seg})
   *     and {@code annotators − 1} redrawn ones ({@code seg_annotator2}, …)
   */
  public record Options(String out, int normal, int abnormal, long seed, boolean preview,
      SyntheticCohortConfig config, int annotators) implements Serializable {
    public Options {
      if (annotators < 1) {
        throw new IllegalArgumentException("a synthetic cohort needs at least one annotator (--annotators), got "
            + annotators);
      }
      if (annotators > 1 && !(config instanceof SynthConfig)) {
        throw new IllegalArgumentException("--annotators applies to pet-ct cohorts only, not " + config.kind());
      }
    }

    /** One annotator: the exact lesion mask only. */
    public Options(String out, int normal, int abnormal, long seed, boolean preview, SyntheticCohortConfig config) {
      this(out, normal, abnormal, seed, preview, config, 1);
    }
  }

  private SynthJob() {}

  /** Generates the cohort and returns its manifest (one row per study, all columns strings). */
  public static Dataset<Row> run(SparkSession spark, Options o) throws java.io.IOException {
    List<SynthCohortPlan.Patient> plan = SynthCohortPlan.plan(o.normal(), o.abnormal(), o.seed());
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    SynthStudyWriter writer = writerFor(o, conf);
    LOG.info("synth: {} {} normal + {} abnormal patients -> {}", o.config().kind(), o.normal(), o.abnormal(), o.out());
    List<SynthStudyWriter.Written> written = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(plan, plan.size())
        .map(writer::write)
        .collect();

    List<List<String>> manifestRows = new ArrayList<>();
    List<List<String>> lesionRows = new ArrayList<>();
    for (SynthStudyWriter.Written w : written) {
      manifestRows.add(w.manifestRow());
      lesionRows.addAll(w.lesionRows());
    }
    HadoopFiles.writeText(HadoopFiles.join(o.out(), MANIFEST), conf.get(),
        CsvText.of(writer.manifestHeader(), manifestRows));
    HadoopFiles.writeText(HadoopFiles.join(o.out(), LESIONS), conf.get(),
        CsvText.of(writer.lesionHeader(), lesionRows));
    LOG.info("synth: wrote {} studies with {} lesions; manifest {}", written.size(), lesionRows.size(),
        HadoopFiles.join(o.out(), MANIFEST));
    return manifestFrame(spark, writer.manifestHeader(), manifestRows);
  }

  /** The writer of the kind {@code o.config()} configures. */
  private static SynthStudyWriter writerFor(Options o, SerializableHadoopConf conf) {
    SyntheticCohortConfig c = o.config();
    if (c instanceof SynthConfig petCt) {
      return new SyntheticStudyWriter(o, petCt, conf);
    }
    if (c instanceof BrainMriConfig brain) {
      return new BrainMriStudyWriter(o, brain, conf);
    }
    if (c instanceof BoneScanConfig bone) {
      return new BoneScanStudyWriter(o, bone, conf);
    }
    throw new IllegalArgumentException("no synthetic study writer for kind " + c.kind());
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
