package io.petal.cli;

import io.petal.jobs.PipelineRun;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.training.ModelCard;
import io.petal.warehouse.Warehouse;
import java.io.PrintStream;

/** Prints what {@code petal run} (and the demo) produced, stage by stage, with the paths to look at. */
final class RunSummaryPrinter {
  private RunSummaryPrinter() {}

  static void print(PipelineRun.Summary s, Warehouse w, PrintStream out) {
    out.printf("  ingest           : cohort %s: %d ingested, %d unchanged, %d quarantined -> %s%n", s.ingest().cohort(),
        s.ingest().ingested(), s.ingest().unchanged(), s.ingest().quarantined(), w.table("studies"));
    print("autoencoder", s.autoencoder().modelPath(), s.autoencoder().card(), out);
    out.printf("  anomaly maps     : %d slices of %d studies (%d quarantined) -> %s%n", s.score().slices(),
        s.score().studies(), s.score().quarantined(), w.table("anomaly"));
    s.segmentation().forEach(seg -> {
      print(seg.card().name(), seg.modelPath(), seg.card(), out);
      out.printf("  %-16s   report text %s%n", "", reportText(seg.card()));
    });
    s.predict().forEach(p -> out.printf("  predicted masks  : %s: %d slices of %d studies (split %s) -> %s%n",
        p.model(), p.slices(), p.studies(), s.predictedSplit(), w.table("masks")));
    if (s.baselines() != null) {
      out.printf("  baselines        : %s -> %s%n", s.baselines().studiesByModel().keySet(), w.table("masks"));
    } else {
      out.printf("  baselines        : none (SUV baselines are PET/CT methods; %s studies)%n", s.kind().id());
    }
    if (s.lesions() != null) {
      out.printf("  lesions          : %d lesions from %d masks of %d studies -> %s, %s%n", s.lesions().lesions(),
          s.lesions().masks(), s.lesions().studies(), w.table("lesions"), w.table("lesion_summary"));
    } else {
      out.printf("  lesions          : none (SUV lesion statistics are a PET/CT method; %s studies)%n", s.kind().id());
    }
    out.println("  evaluation (split " + s.predictedSplit() + "):");
    s.evaluation().lines().forEach(l -> out.println("    " + l));
  }

  /** "on (332 terms)" or "off", from the segmentation card. */
  private static String reportText(ModelCard card) {
    String terms = card.hyperParameters().get(SegmentationTrainer.CARD_TEXT_TERMS);
    return card.hyperParameters().getOrDefault(SegmentationTrainer.CARD_TEXT, "off")
        + (terms == null ? "" : " (" + terms + " terms)");
  }

  private static void print(String what, String path, ModelCard card, PrintStream out) {
    ModelCard.EpochRecord first = card.epochs().get(0);
    ModelCard.EpochRecord last = card.epochs().get(card.epochs().size() - 1);
    out.printf("  %-16s : %d epoch(s) on %d slices of %d studies, loss %.4f -> %.4f%s -> %s%n", what,
        card.epochs().size(), card.data().slices(), card.data().studies(), first.loss(), last.loss(),
        last.validation().containsKey("dice") ? String.format(java.util.Locale.ROOT, ", validation Dice %.3f",
            last.validation().get("dice")) : "", path);
  }
}
