package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal lesions}: Lesion statistics: 3D components with SUVmax/mean/peak, MTV, TLG, site. */
@Command(name = "lesions", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Lesion statistics: 3D components with SUVmax/mean/peak, MTV, TLG, site.")
public final class LesionsCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    return PendingStage.report("lesions", "write W/tables/lesions and W/tables/lesion_summary");
  }
}
