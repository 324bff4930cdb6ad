package io.petal.report;

import io.petal.metrics.Summary;
import java.util.List;

/**
 * The cross-evaluation matrix of several annotation sources ({@code methods.md} §3): one model
 * trained on each source, each scored against every source.
 *
 * @param sources annotation source names, e.g. {@code ["expert_a", "expert_b"]}
 * @param dice {@code dice.get(i).get(j)}: Dice across patients of the model trained on source i,
 *     scored against the masks of source j (a square matrix, rows = trained on)
 */
public record CrossEvaluation(List<String> sources, List<List<Summary>> dice) {

  public CrossEvaluation {
    sources = List.copyOf(sources);
    dice = dice.stream().map(List::copyOf).toList();
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a cross-evaluation needs at least one annotation source");
    }
    int n = sources.size();
    if (dice.size() != n || dice.stream().anyMatch(row -> row.size() != n)) {
      throw new IllegalArgumentException("the cross-evaluation matrix must be " + n + " x " + n + " for sources "
          + sources + ", got rows of sizes " + dice.stream().map(List::size).toList());
    }
  }

  /** Dice of the model trained on source {@code trained}, scored against source {@code scored}. */
  public Summary cell(int trained, int scored) {
    return dice.get(trained).get(scored);
  }
}
