package io.petal.segmentation;

import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.text.ReportVocabulary;
import io.petal.tables.StudyInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code segment train} uses the studies' free-text reports (methods.md §2): the vocabulary is
 * fitted on the training patients' reports only, the {@link TextFusionMode} decides whether a fresh
 * model has a text path, and every training and validation study gets its report's features.
 * The model card and the log get counts only (studies with a report, terms), never report text.
 */
final class ReportText {
  private static final Logger LOG = LoggerFactory.getLogger(ReportText.class);
  /** Card keys besides {@link SegmentationTrainer#CARD_TEXT} and {@link SegmentationTrainer#CARD_TEXT_TERMS}. */
  static final String CARD_VOCABULARY_REPORTS = "textVocabularyReports";
  static final String CARD_TRAINING_REPORTS = "textTrainingStudiesWithReport";

  private ReportText() {}

  /**
   * A fresh model: the vocabulary fitted on {@code train}'s reports (grouped by patient), and the
   * text path on when {@code mode} says so for that vocabulary.
   */
  static SegmentationModel freshModel(SegmentationConfig config, TextFusionMode mode, StudyReports reports,
      Collection<StudyInfo> train) {
    ReportVocabulary vocabulary = ReportVocabulary.fit(reports.byPatient(train), config.text().vocabularySize());
    boolean on = mode.enables(vocabulary);
    if (on && config.fusion()) {
      if (mode == TextFusionMode.ON) {
        throw new IllegalArgumentException("--text on conditions the plain U-Net's decoder; the fusion U-Net (--groups "
            + config.channelGroups().format() + ") has no text path: use --text off or drop --groups");
      }
      LOG.info("report text off: the fusion U-Net (groups {}) has no text path", config.channelGroups().format());
      on = false;
    }
    SegmentationConfig c = config.toBuilder().text(config.text().withEnabled(on)).build();
    return SegmentationModel.create(c, on ? vocabulary : null);
  }

  /**
   * The report features of {@code studies} for {@code model}, or null when it has no text path.
   *
   * @param name the model's name, for the error when a model with a text path lacks its vocabulary
   */
  static ReportFeatures features(SegmentationModel model, String name, StudyReports reports,
      Collection<StudyInfo> studies) {
    if (!model.config().text().enabled()) {
      return null;
    }
    ReportVocabulary vocabulary = model.vocabulary().orElseThrow(() -> new IllegalStateException("segmentation model '"
        + name + "' has a report-text path but its model.zip holds no vocabulary (entry text-vocabulary.txt)"));
    return ReportFeatures.of(vocabulary, reports, studies);
  }

  /** Model-card entries: text on/off, and with text the vocabulary's size and the report counts. */
  static Map<String, String> card(SegmentationModel model, StudyReports reports, Collection<StudyInfo> train) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(SegmentationTrainer.CARD_TEXT, model.config().text().enabled() ? "on" : "off");
    model.vocabulary().ifPresent(v -> {
      out.put(SegmentationTrainer.CARD_TEXT_TERMS, Integer.toString(v.terms()));
      out.put(CARD_VOCABULARY_REPORTS, Integer.toString(v.reports()));
    });
    out.put(CARD_TRAINING_REPORTS, reports.countIn(train) + " of " + train.size());
    return out;
  }

  /** For the log: "on (n of m training studies with a report, k terms)" or "off (…)". */
  static String describe(SegmentationModel model, StudyReports reports, Collection<StudyInfo> train) {
    String counts = String.format(Locale.ROOT, "%d of %d training studies with a report", reports.countIn(train),
        train.size());
    return model.config().text().enabled()
        ? "on (" + counts + ", vocabulary " + model.vocabulary().map(v -> v.terms() + " terms").orElse("missing") + ")"
        : "off (" + counts + ")";
  }
}
