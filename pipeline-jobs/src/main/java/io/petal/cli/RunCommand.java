package io.petal.cli;

import io.petal.jobs.PipelineRun;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.privacy.PseudonymKeys;
import io.petal.spark.ConfigResolver;
import io.petal.spark.PetalConf;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal run}: the whole pipeline (what the nightly job calls). */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"The whole pipeline with sensible defaults: ingest; train the autoencoder on the normal studies of "
        + "split=train (all normals without splits); score every study; train the segmentation on split=train; "
        + "predict on split=test (all without splits); the baselines; evaluate the predicted split with a report "
        + "under W/reports/; lesion statistics. Studies with several annotation sources (seg_<source> columns) get "
        + "one U-Net per source, segmentation@<source>, and the report their cross-evaluation matrix.",
        "Ids become pseudonyms with PETAL_PSEUDONYM_KEY, PETAL_PSEUDONYM_KEY_FILE or --key-file."})
public final class RunCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;
  @Mixin AnomalyOptions anomaly;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Study manifest (CSV or Parquet).")
  String manifest;

  @Option(names = "--cohort", paramLabel = "NAME", description = "Cohort name (default: the manifest's folder name).")
  String cohort;

  @Option(names = "--ae-epochs", description = "Autoencoder epochs. Default: 10.")
  Integer aeEpochs;

  @Option(names = "--seg-epochs", description = "Segmentation epochs. Default: 10.")
  Integer segEpochs;

  @Option(names = "--pretrain", description = "Cross-modality translation pretraining (pet-ct: CT -> PET; brain-mri: "
      + "t1,t1ce -> t2,flair) before a fusion U-Net (one branch per channel group) whose branch for the source group starts from the translator's "
      + "encoder. Off by default (the plain U-Net).")
  boolean pretrain;

  @Option(names = "--pretrain-epochs", description = "Translation pretraining epochs (with --pretrain). Default: 10.")
  Integer pretrainEpochs;

  @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonym key.")
  String keyFile;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-run");
    ConfigResolver conf = spark.resolver(session);
    String key = conf.get(PetalConf.PSEUDONYM_KEY_FILE, keyFile, null);
    PipelineRun.Summary s = PipelineRun.run(session, new PipelineRun.Options(warehouse.warehouse(), manifest, cohort,
        conf.getInt("spark.petal.ae.epochs", aeEpochs, 10), conf.getInt("spark.petal.seg.epochs", segEpochs, 10),
        AutoencoderConfig.defaults(), SegmentationConfig.defaults(), anomaly.settings(conf),
        pretrain ? conf.getInt("spark.petal.pretrain.epochs", pretrainEpochs, 10) : 0),
        PseudonymKeys.resolve(key, false, System.getenv()));
    System.out.println("petal run finished.");
    RunSummaryPrinter.print(s, warehouse.warehouse(), System.out);
    return 0;
  }
}
