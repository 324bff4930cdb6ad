package io.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The front door: help for every subcommand, usage errors, local-cluster answers. */
class PetalCliTest {
  static final List<String> SUBCOMMANDS = List.of("synth", "ingest", "train-ae", "pretrain", "score", "segment",
      "evaluate", "lesions", "sql", "export-nifti", "run", "demo", "local-cluster");

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cl = PetalCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsEverySubcommand() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String s : SUBCOMMANDS) {
      assertTrue(r.out().contains("  " + s + " ") || r.out().contains("  " + s + "\n"), s + " missing in:\n" + r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"synth", "ingest", "train-ae", "pretrain", "score", "evaluate", "lesions", "sql",
      "export-nifti", "run", "demo", "local-cluster"})
  void everySubcommandHasHelpWithDefaults(String sub) {
    Result r = run(sub, "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Usage: petal " + sub), r.out());
    assertTrue(r.out().contains("--help"), r.out());
  }

  @Test
  void tableCommandsTakeTheWarehouseWithItsDefault() {
    for (String sub : List.of("ingest", "train-ae", "pretrain", "score", "evaluate", "lesions", "sql", "run", "demo")) {
      Result r = run(sub, "--help");
      assertTrue(r.out().contains("--warehouse=W") && r.out().contains("./petal-warehouse"), sub + ":\n" + r.out());
    }
  }

  @Test
  void segmentHasTheBaselinesWithTheirDefaults() {
    Result r = run("segment", "baselines", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Usage: petal segment baselines") && r.out().contains("--suv=SUV")
        && r.out().contains("Default: 2.5") && r.out().contains("--anomaly-threshold"), r.out());
  }

  @Test
  void segmentTrainNamesAPerSourceModelAfterItsAnnotationSource() {
    io.petal.spark.ConfigResolver conf = new io.petal.spark.ConfigResolver(new org.apache.spark.SparkConf(false),
        new java.util.Properties());
    SegmentTrainCommand bySource = new SegmentTrainCommand();
    new CommandLine(bySource).parseArgs("--annotation-source", "seg_expert_b");
    assertEquals("segmentation@seg_expert_b", bySource.options(conf).model());
    assertEquals("seg_expert_b", bySource.options(conf).annotation().name());
    SegmentTrainCommand named = new SegmentTrainCommand();
    new CommandLine(named).parseArgs("--annotation-source", "seg_expert_b", "--model", "mine");
    assertEquals("mine", named.options(conf).model());
    SegmentTrainCommand plain = new SegmentTrainCommand();
    new CommandLine(plain).parseArgs();
    assertEquals("segmentation", plain.options(conf).model());
    assertEquals(io.petal.segmentation.AnnotationSource.FIRST, plain.options(conf).annotation());
  }

  @Test
  void segmentTrainTakesChannelGroupsAndATranslatorAndPretrainMatchesItsEncoder() {
    io.petal.spark.ConfigResolver conf = new io.petal.spark.ConfigResolver(new org.apache.spark.SparkConf(false),
        new java.util.Properties());
    SegmentTrainCommand fusion = new SegmentTrainCommand();
    new CommandLine(fusion).parseArgs("--groups", "PET;CT", "--init-from", "ct2pet", "--base-filters", "8");
    assertEquals(io.petal.models.ChannelGroups.parse("PET;CT"), fusion.options(conf).config().channelGroups());
    assertEquals("ct2pet", fusion.options(conf).initFrom());
    SegmentTrainCommand plain = new SegmentTrainCommand();
    new CommandLine(plain).parseArgs();
    assertTrue(plain.options(conf).config().channelGroups().isEmpty(), "the plain U-Net by default");
    assertEquals(null, plain.options(conf).initFrom());
    assertEquals(10.0, plain.options(conf).config().bceWeight(), "cross-entropy weight 10 by default");
    SegmentTrainCommand weighted = new SegmentTrainCommand();
    new CommandLine(weighted).parseArgs("--bce-weight", "2.5", "--seed", "7");
    assertEquals(2.5, weighted.options(conf).config().bceWeight());
    assertEquals(7L, weighted.options(conf).config().seed());

    PretrainCommand pretrain = new PretrainCommand();
    new CommandLine(pretrain).parseArgs("--base-filters", "8", "--epochs", "3");
    io.petal.models.translate.TranslationConfig t = pretrain.options(conf, List.of("CT"), List.of("PET")).config();
    io.petal.models.seg.SegmentationConfig s = fusion.options(conf).config();
    assertEquals(List.of(s.neighbours(), s.depth(), s.baseFilters()), List.of(t.neighbours(), t.depth(), t.baseFilters()),
        "the translator's encoder has the shape of the segmentation branch's");
    assertEquals(3, pretrain.options(conf, List.of("CT"), List.of("PET")).epochs());
    assertEquals("translator", pretrain.options(conf, List.of("CT"), List.of("PET")).model());
  }

  @Test
  void localClusterStatusAndStopSayWhenNothingRuns(@TempDir java.nio.file.Path dir) {
    Result status = run("local-cluster", "status", "--dir", dir.toString());
    assertEquals(1, status.code(), status.err());
    assertTrue(status.out().contains("no local cluster runs from " + dir), status.out());
    Result stop = run("local-cluster", "stop", "--dir", dir.toString());
    assertEquals(0, stop.code(), stop.err());
    assertTrue(stop.out().contains("no local cluster was running"), stop.out());
    for (String sub : List.of("start", "status", "stop")) {
      Result help = run("local-cluster", sub, "--help");
      assertTrue(help.out().contains("--dir=DIR") && help.out().contains("petal-cluster"), sub + ":\n" + help.out());
    }
  }

  @Test
  void synthRefusesAnUnknownKindAndASpacingForPetCt() {
    Result kind = run("synth", "--out", "x", "--kind", "ultrasound");
    assertEquals(2, kind.code());
    assertTrue(kind.err().contains("unknown study kind 'ultrasound'") && kind.err().contains("spect-bone"), kind.err());
    Result spacing = run("synth", "--out", "x", "--spacing", "2");
    assertEquals(2, spacing.code());
    assertTrue(spacing.err().contains("--spacing applies to brain-mri and spect-bone"), spacing.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result r = run("synth", "--out", "x", "--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such-option"), r.err());
  }
}
