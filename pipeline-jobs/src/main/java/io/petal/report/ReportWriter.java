package io.petal.report;

import io.petal.BuildInfo;
import io.petal.io.HadoopFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an evaluation report into a folder on any Hadoop filesystem (usually
 * {@link io.petal.warehouse.Warehouse#report W/reports/<run>}): {@value #HTML} (self-contained
 * page with every chart inlined), {@value #SUMMARY} (headline figures, see {@link SummaryJson}),
 * and the metric tables as Parquet ({@link ReportTables}). Runs on the driver without Spark;
 * charts are drawn headless (JFreeChart, Java2D). Each file is written atomically and replaces
 * an older report of the same run.
 */
public final class ReportWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  /** The page's file name. */
  public static final String HTML = "report.html";
  /** The headline figures' file name. */
  public static final String SUMMARY = "summary.json";

  private ReportWriter() {}

  /**
   * Writes the report of {@code data} into {@code outDir}.
   *
   * @param outDir the report folder, any Hadoop path ({@code file:}, {@code hdfs:}, a local path)
   * @return the path of {@value #HTML}
   */
  public static String write(ReportData data, String outDir, Configuration conf) throws IOException {
    long start = System.nanoTime();
    Instant generatedAt = Instant.now();
    String codeVersion = BuildInfo.describe();
    List<SizeSensitivity> bySize = SizeSensitivity.of(data);
    ReportFigures figures = ReportFigures.render(data, bySize);
    String html = HadoopFiles.join(outDir, HTML);
    HadoopFiles.writeText(html, conf, ReportHtml.render(data, figures, bySize, generatedAt, codeVersion));
    HadoopFiles.writeText(HadoopFiles.join(outDir, SUMMARY), conf,
        SummaryJson.of(data, bySize, generatedAt, codeVersion));
    ReportTables.write(data, bySize, outDir, conf);
    LOG.info("report of run {} written to {} ({} figures, {} methods) in {} ms", data.runName(), outDir,
        figures.all().size(), data.methods().size(), (System.nanoTime() - start) / 1_000_000);
    return html;
  }
}
