package io.petal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every figure of a report, by section. A figure whose data is missing (no method scored at a
 * level, no segmenting method) is absent; the page says so instead.
 *
 * @param roc ROC curves, slice level then pixel level (those scored)
 * @param perPatient Dice, false-positive and false-negative volume distributions (empty when no method segments)
 * @param sensitivity sensitivity by lesion size, or null when no method segments
 * @param examples one figure per example slice
 */
record ReportFigures(List<Figure> roc, List<Figure> perPatient, Figure sensitivity, List<Figure> examples) {

  /** Draws the figures of {@code data}; {@code bySize} from {@link SizeSensitivity#of}. */
  static ReportFigures render(ReportData data, List<SizeSensitivity> bySize) {
    List<Figure> roc = present(Stream.of(RankingLevel.values()).map(level -> RocChart.figure(data, level)));
    List<Figure> perPatient = present(Stream.of(PerPatientChart.DICE, PerPatientChart.FALSE_POSITIVE_VOLUME,
        PerPatientChart.FALSE_NEGATIVE_VOLUME).map(metric -> PerPatientChart.figure(data, metric)));
    List<Figure> examples = new ArrayList<>();
    for (int e = 0; e < data.examples().size(); e++) {
      examples.add(ExampleSliceFigure.figure(data.examples().get(e), e + 1));
    }
    return new ReportFigures(roc, perPatient, SensitivityChart.figure(data, bySize), examples);
  }

  /** All figures in page order. */
  List<Figure> all() {
    List<Figure> all = new ArrayList<>(roc);
    all.addAll(perPatient);
    if (sensitivity != null) {
      all.add(sensitivity);
    }
    all.addAll(examples);
    return all;
  }

  private static List<Figure> present(Stream<Figure> figures) {
    return figures.filter(Objects::nonNull).toList();
  }
}
