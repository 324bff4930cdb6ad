package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal evaluate}: Evaluate at cohort scale: AUROC, Dice, FPV/FNV, patient-level folds, report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Evaluate at cohort scale: AUROC, Dice, FPV/FNV, patient-level folds, report.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--folds", defaultValue = "1", description = "Patient-level cross-validation folds (1 = use the split).")
  int folds;

  @Override
  public Integer call() {
    return PendingStage.report("evaluate", "write metric tables and W/reports/<run>/report.html");
  }
}
