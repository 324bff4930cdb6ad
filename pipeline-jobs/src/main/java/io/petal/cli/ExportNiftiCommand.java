package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal export-nifti}: maps back onto the original PET grid. */
@Command(name = "export-nifti", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Export anomaly, probability and label volumes per manifest study as NIfTI on the original PET grid.")
public final class ExportNiftiCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The study manifest.")
  String manifest;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Override
  public Integer call() {
    return PendingStage.report("export-nifti", "write DIR/<patient_id>/<study_id>/{anomaly,probability,label}.nii.gz");
  }
}
