package io.petal.cli;

import io.petal.lesions.LesionsJob;
import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal lesions}: lesion statistics into W/tables/lesions and W/tables/lesion_summary. */
@Command(name = "lesions", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Lesion statistics: 3D connected components (18-connectivity) of every annotation (slices.labels, "
        + "mask_source truth:<source>) and every predicted mask (W/tables/masks, mask_source predicted:<model>) "
        + "with SUVmax/mean/peak, MTV, TLG, mean CT HU, centroid, bounding box and site.",
        "Writes W/tables/lesions (one row per lesion) and W/tables/lesion_summary (one row per study and mask); "
            + "the measured cohorts are replaced whole, so a re-run adds no rows."})
public final class LesionsCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--cohort", paramLabel = "NAME", description = "Measure only this cohort (repeatable; default: all).")
  List<String> cohorts;

  @Override
  public Integer call() {
    SparkSession session = spark.session("petal-lesions");
    LesionsJob.Summary s = LesionsJob.run(session, new LesionsJob.Options(warehouse.warehouse(),
        cohorts == null ? Set.of() : new LinkedHashSet<>(cohorts)));
    System.out.printf("lesions %s: %d studies, %d masks, %d lesions -> %s, %s%n", String.join(",", s.cohorts()),
        s.studies(), s.masks(), s.lesions(), warehouse.warehouse().table(LesionsTable.NAME),
        warehouse.warehouse().table(LesionSummaryTable.NAME));
    return 0;
  }
}
