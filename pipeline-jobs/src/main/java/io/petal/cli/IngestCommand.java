package io.petal.cli;

import io.petal.ingest.IngestJob;
import io.petal.privacy.PseudonymKeys;
import io.petal.spark.PetalConf;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal ingest}: studies into the studies, slices and quarantine tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Ingest studies (a manifest, autoPET- or BraTS-layout NIfTI folders, or DICOM folders) into Parquet "
        + "tables W/tables/{studies,slices,quarantine}, one Spark task per study. Kinds: pet-ct, brain-mri "
        + "(T1, T1ce, T2, FLAIR), spect-bone (planar NM anterior/posterior views).",
        "Incremental: studies whose input bytes did not change are skipped; a broken study is quarantined "
            + "with a reason and the others still land.",
        "Ids become keyed-HMAC pseudonyms: set PETAL_PSEUDONYM_KEY or PETAL_PSEUDONYM_KEY_FILE (or --key-file)."})
public final class IngestCommand implements Callable<Integer> {
  /** Exit code with {@code --fail-on-quarantine} when some study was quarantined. */
  static final int EXIT_QUARANTINED = 4;

  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
      description = "Folders holding autoPET-layout studies (<patient>/<study>/{SUV,CTres,SEG}.nii.gz), "
          + "BraTS cases (<case>/<case>_{t1,t1ce,t2,flair,seg}.nii.gz), or DICOM files in any layout (grouped by "
          + "study; PT, CT and RTSTRUCT/SEG series are used, or NM planar views when there is no PET).")
  List<String> inputs;

  @Option(names = "--manifest", paramLabel = "FILE", description = "Study manifest (CSV or Parquet), one row per study.")
  String manifest;

  @Option(names = "--cohort", paramLabel = "NAME", description = "Cohort name (default: the manifest's folder name; 'default' for --input).")
  String cohort;

  @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonym key (spark.petal.pseudonymKeyFile).")
  String keyFile;

  @Option(names = "--fail-on-quarantine",
      description = "Exit with code 4 when a study was quarantined (default: exit 0; a bad study never stops the night).")
  boolean failOnQuarantine;

  @Override
  public Integer call() throws Exception {
    if ((manifest == null) == (inputs == null || inputs.isEmpty())) {
      System.err.println("petal ingest: give exactly one of --manifest FILE or --input PATH...");
      return 2;
    }
    SparkSession session = spark.session("petal-ingest");
    String key = spark.resolver(session).get(PetalConf.PSEUDONYM_KEY_FILE, keyFile, null);
    IngestJob.Summary s = IngestJob.run(session, new IngestJob.Options(warehouse.warehouse(), manifest, inputs, cohort),
        PseudonymKeys.resolve(key, false, System.getenv()));
    System.out.printf("ingest %s: %d ingested, %d unchanged, %d quarantined -> %s/tables/%n", s.cohort(), s.ingested(),
        s.unchanged(), s.quarantined(), warehouse.warehouse());
    return failOnQuarantine && s.quarantined() > 0 ? EXIT_QUARANTINED : 0;
  }
}
