package io.petal.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal ingest}: DICOM or NIfTI studies into the studies, slices and quarantine tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Ingest PET/CT studies (DICOM folders, autoPET-layout NIfTI, or a manifest) into Parquet tables.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
      description = "Folders searched for DICOM files or autoPET-layout NIfTI studies.")
  List<String> inputs;

  @Option(names = "--manifest", paramLabel = "FILE", description = "Study manifest (CSV or Parquet).")
  String manifest;

  @Override
  public Integer call() {
    return PendingStage.report("ingest", "write W/tables/{studies,slices,quarantine}");
  }
}
