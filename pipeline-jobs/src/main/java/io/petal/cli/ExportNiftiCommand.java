package io.petal.cli;

import io.petal.export.ExportNiftiJob;
import io.petal.privacy.PseudonymKeys;
import io.petal.spark.PetalConf;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal export-nifti}: anomaly, probability and label volumes per manifest study, on the original PET grid. */
@Command(name = "export-nifti", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Export anomaly, probability and label volumes per manifest study as NIfTI on the original PET grid "
        + "and affine: OUT/<patient_id>/<study_id>/{anomaly,probability,label}.nii.gz.",
        "Manifest ids are mapped to pseudonyms with the operator's key (PETAL_PSEUDONYM_KEY, "
            + "PETAL_PSEUDONYM_KEY_FILE or --key-file)."})
public final class ExportNiftiCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The study manifest.")
  String manifest;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (any Hadoop path).")
  String out;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Autoencoder whose anomaly maps to export.")
  String model;

  @Option(names = "--segmentation-model", defaultValue = "segmentation",
      description = "Segmentation model whose probabilities and labels to export.")
  String segmentationModel;

  @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonym key.")
  String keyFile;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-export-nifti");
    String key = spark.resolver(session).get(PetalConf.PSEUDONYM_KEY_FILE, keyFile, null);
    ExportNiftiJob.Summary s = ExportNiftiJob.run(session,
        new ExportNiftiJob.Options(warehouse.warehouse(), manifest, out, model, segmentationModel),
        PseudonymKeys.resolve(key, false, System.getenv()));
    System.out.printf("export-nifti: %d studies, %d files -> %s (%d studies without outputs)%n", s.studies(), s.files(),
        out, s.missing());
    return s.studies() == 0 ? 1 : 0;
  }
}
