package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.report.CrossEvaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cross-evaluation matrix: rows by the source in the model's name, columns by the source scored against. */
class CrossEvaluationMatrixTest {
  @Test
  void modelNamesSayWhichSourceTheyWereTrainedOn() {
    assertEquals("seg_b", CrossEvaluationMatrix.trainedOn("segmentation@seg_b"));
    assertEquals("seg", CrossEvaluationMatrix.trainedOn("segmentation"));
    assertEquals("segmentation", CrossEvaluationMatrix.family("segmentation@seg_b"));
    assertEquals("baseline-suv2.5", CrossEvaluationMatrix.family("baseline-suv2.5"));
  }

  @Test
  void eachCellIsTheDiceOfTheRowsModelAgainstTheColumnsSource() {
    // FoldAggregationTest.study: Dice d against the first source, d / 2 against the second
    CohortMetrics m = new CohortMetrics();
    m.add(FoldAggregationTest.study("p1", "segmentation", 0.8, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p2", "segmentation", 0.6, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p1", "segmentation@seg_b", 0.4, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p1", "baseline-suv2.5", 0.1, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p3", "segmentation", 0.2, "seg")); // one source: not in the matrix
    CrossEvaluation x = CrossEvaluationMatrix.of(m, "segmentation");
    assertEquals(List.of("seg", "seg_b"), x.sources());
    assertEquals(0.7, x.cell(0, 0).mean(), 1e-12);
    assertEquals(2, x.cell(0, 0).n());
    assertEquals(0.35, x.cell(0, 1).mean(), 1e-12);
    assertEquals(0.4, x.cell(1, 0).mean(), 1e-12);
    assertEquals(0.2, x.cell(1, 1).mean(), 1e-12);
    assertEquals(1, x.cell(1, 1).n());
  }

  @Test
  void perSourceModelsLeadTheReportAndFillTheMatrixWithoutASingleSegmentationModel() {
    // petal run on a two-source cohort: segmentation@seg and segmentation@seg_b, no plain "segmentation"
    CohortMetrics m = new CohortMetrics();
    m.add(FoldAggregationTest.study("p1", "segmentation@seg_b", 0.9, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p1", "segmentation@seg", 0.2, "seg", "seg_b"));
    m.add(FoldAggregationTest.study("p1", "baseline-suv2.5", 0.95, "seg", "seg_b"));
    ComparedMethods compared = ComparedMethods.of(m, null,
        List.of("baseline-suv2.5", "segmentation@seg", "segmentation@seg_b"));
    assertEquals("segmentation@seg", compared.headline().name(), "the model of the first source, not the best Dice");
    assertEquals("baseline-suv2.5", compared.best().name());
    CrossEvaluation x = CrossEvaluationMatrix.of(m, CrossEvaluationMatrix.family(compared.headline().name()));
    assertEquals(0.2, x.cell(0, 0).mean(), 1e-12);
    assertEquals(0.45, x.cell(1, 1).mean(), 1e-12);
  }

  @Test
  void oneSourceGivesNoMatrixAndAnUntrainedSourceAnEmptyRow() {
    CohortMetrics single = new CohortMetrics();
    single.add(FoldAggregationTest.study("p1", "segmentation", 0.8, "seg"));
    assertNull(CrossEvaluationMatrix.of(single, "segmentation"));
    CohortMetrics two = new CohortMetrics();
    two.add(FoldAggregationTest.study("p1", "segmentation", 0.8, "seg_a", "seg_b"));
    CrossEvaluation x = CrossEvaluationMatrix.of(two, "segmentation");
    assertEquals(0, x.cell(0, 0).n(), "no model of the family was trained on seg_a");
    assertTrue(Double.isNaN(x.cell(1, 1).mean()));
  }
}
