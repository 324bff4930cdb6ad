package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.text.ReportVocabulary;
import io.petal.models.text.TextFusionConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationModelTest {
  /** 32×32, one slice per modality, 8 base filters, 2 levels; prior on, a prior of 1.0 maps to 1. */
  private static final SegmentationConfig SMALL = SegmentationConfig.builder()
      .size(32).neighbours(0).baseFilters(8).depth(2).priorScale(1).learningRate(1e-2).build();
  private static final SegmentationConfig NO_PRIOR = SMALL.toBuilder().usePrior(false).build();

  @Test
  void predictsOneProbabilityPerCentreSlicePixel() {
    SegmentationConfig config = SMALL.toBuilder().neighbours(1).build();
    SegmentationModel model = SegmentationModel.create(config);
    ToyLesionSlices data = ToyLesionSlices.hotDiscs(3, 3, 32, 1);
    float[] p = model.predict(data.petSuv, data.ctHu, data.prior, 3);
    assertEquals(3 * 32 * 32, p.length);
    for (float v : p) {
      assertTrue(v >= 0 && v <= 1, "probability " + v);
    }
    assertEquals(config.inputChannels(), model.parameterShape("enc0/conv1/W")[2], "3 PET + 3 CT slices + prior");
    assertTrue(model.layerNames().contains("dec1/up") && model.layerNames().contains("head"));
  }

  @Test
  void learnsToSegmentHotSpotsFromPetAlone() {
    SegmentationModel model = SegmentationModel.create(NO_PRIOR);
    ToyLesionSlices heldOut = ToyLesionSlices.hotDiscs(16, 1, 32, 1000);
    double before = ToyLesionSlices.dice(model.predict(heldOut.petSuv, heldOut.ctHu, null, 16), heldOut.labels);
    float[] initial = model.getParams();
    double first = 0;
    double last = 0;
    for (int step = 0; step < 20; step++) {
      ToyLesionSlices batch = ToyLesionSlices.hotDiscs(8, 1, 32, step);
      last = model.fitBatch(batch.petSuv, batch.ctHu, null, batch.labels, 8).total();
      if (step == 0) {
        first = last;
        assertFalse(Arrays.equals(initial, model.getParams()), "a step moves the parameters");
      }
    }
    double after = ToyLesionSlices.dice(model.predict(heldOut.petSuv, heldOut.ctHu, null, 16), heldOut.labels);
    assertTrue(last < 0.3 * first, "loss falls: first " + first + ", last " + last);
    assertTrue(after > 0.9, "held-out Dice after 20 steps " + after + " (before " + before + ")");
    assertEquals(20, model.iteration());
  }

  @Test
  void thePriorChannelIsUsed() {
    // the labels are discs that only the prior shows; PET and CT are noise
    assertEquals(SMALL.inputChannels() - 1, NO_PRIOR.inputChannels());
    double withPrior = heldOutDiceAfterTraining(SMALL);
    double withoutPrior = heldOutDiceAfterTraining(NO_PRIOR);
    assertTrue(withPrior > 0.8, "with the prior: Dice " + withPrior);
    assertTrue(withoutPrior < 0.3, "without the prior the labels cannot be known: Dice " + withoutPrior);
  }

  private static double heldOutDiceAfterTraining(SegmentationConfig config) {
    SegmentationModel model = SegmentationModel.create(config);
    for (int step = 0; step < 20; step++) {
      ToyLesionSlices batch = ToyLesionSlices.discsOnlyInThePrior(8, 1, 32, 1f, step);
      model.fitBatch(batch.petSuv, batch.ctHu, config.usePrior() ? batch.prior : null, batch.labels, 8);
    }
    ToyLesionSlices heldOut = ToyLesionSlices.discsOnlyInThePrior(16, 1, 32, 1f, 1000);
    return ToyLesionSlices.dice(model.predict(heldOut.petSuv, heldOut.ctHu, config.usePrior() ? heldOut.prior : null, 16),
        heldOut.labels);
  }

  @Test
  void saveLoadGivesIdenticalPredictionsAndState() throws IOException {
    SegmentationConfig config = SMALL.toBuilder().neighbours(1).seed(9).build();
    SegmentationModel model = SegmentationModel.create(config);
    ToyLesionSlices data = ToyLesionSlices.hotDiscs(2, 3, 32, 5);
    model.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 2);
    model.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    SegmentationModel loaded = SegmentationModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(config, loaded.config());
    assertEquals(2, loaded.iteration());
    assertArrayEquals(model.getParams(), loaded.getParams());
    assertArrayEquals(model.getOptimizerState(), loaded.getOptimizerState());
    assertArrayEquals(model.predict(data.petSuv, data.ctHu, data.prior, 2), loaded.predict(data.petSuv, data.ctHu, data.prior, 2));
    assertEquals(model.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 2),
        loaded.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 2), "training continues identically");
  }

  @Test
  void loadRefusesAnAutoencoderZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AutoencoderModel.create(AutoencoderConfig.builder().size(16).depth(2).baseFilters(2).latentChannels(2).maskPatchSize(4)
        .build()).save(bytes);
    IOException e = assertThrows(IOException.class, () -> SegmentationModel.load(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(e.getMessage().contains("autoencoder") && e.getMessage().contains("unet"), e.getMessage());
  }

  @Test
  void sameSeedSameParametersAndTraining() {
    ToyLesionSlices data = ToyLesionSlices.hotDiscs(3, 1, 32, 7);
    SegmentationModel a = SegmentationModel.create(SMALL);
    SegmentationModel b = SegmentationModel.create(SMALL);
    assertArrayEquals(a.getParams(), b.getParams());
    assertFalse(Arrays.equals(a.getParams(), SegmentationModel.create(SMALL.toBuilder().seed(43).build()).getParams()));
    for (int i = 0; i < 3; i++) {
      assertEquals(a.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 3),
          b.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 3));
    }
    assertArrayEquals(a.getParams(), b.getParams());
  }

  @Test
  void paramsRoundTripBetweenModels() {
    SegmentationModel a = SegmentationModel.create(SMALL.toBuilder().seed(1).build());
    SegmentationModel b = SegmentationModel.create(SMALL.toBuilder().seed(2).build());
    ToyLesionSlices data = ToyLesionSlices.hotDiscs(2, 1, 32, 6);
    assertNotEquals(a.predict(data.petSuv, data.ctHu, data.prior, 2)[0], b.predict(data.petSuv, data.ctHu, data.prior, 2)[0]);
    b.setParams(a.getParams());
    assertArrayEquals(a.getParams(), b.getParams());
    assertArrayEquals(a.predict(data.petSuv, data.ctHu, data.prior, 2), b.predict(data.petSuv, data.ctHu, data.prior, 2));
    assertEquals(a.parameterCount(), a.getParams().length);
    assertEquals(2L * a.parameterCount(), a.getOptimizerState().length);
    assertThrows(IllegalArgumentException.class, () -> b.setParams(new float[10]));
  }

  @Test
  void microBatchedStepEqualsTheWholeBatchStep() {
    ToyLesionSlices data = ToyLesionSlices.hotDiscs(5, 1, 32, 8);
    SegmentationModel whole = SegmentationModel.create(SMALL);
    SegmentationModel split = SegmentationModel.create(SMALL);
    whole.setMicroBatchLimit(5);
    split.setMicroBatchLimit(2); // passes of 2, 2, 1
    SegmentationStepLoss lw = whole.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 5);
    SegmentationStepLoss ls = split.fitBatch(data.petSuv, data.ctHu, data.prior, data.labels, 5);
    assertEquals(lw.total(), ls.total(), 1e-6);
    assertArrayEquals(whole.predict(data.petSuv, data.ctHu, data.prior, 5), split.predict(data.petSuv, data.ctHu, data.prior, 5),
        1e-4f);
  }

  @Test
  void badArraysAreRejectedWithTheExpectedShape() {
    SegmentationModel model = SegmentationModel.create(SMALL);
    SegmentationModel noPrior = SegmentationModel.create(NO_PRIOR);
    float[] image = new float[2 * 32 * 32];
    float[] plane = new float[2 * 32 * 32];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fitBatch(new float[10], image, plane, plane, 2));
    assertTrue(e.getMessage().contains("PET") && e.getMessage().contains("2048"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.predict(image, image, null, 2));
    assertTrue(e.getMessage().contains("prior"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> noPrior.predict(image, image, plane, 2));
    assertTrue(e.getMessage().contains("usePrior"), e.getMessage());
    float[] badLabels = plane.clone();
    badLabels[3] = 2f;
    e = assertThrows(IllegalArgumentException.class, () -> model.fitBatch(image, image, plane, badLabels, 2));
    assertTrue(e.getMessage().contains("labels") && e.getMessage().contains("index 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.predict(new float[0], new float[0], new float[0], 0));
  }

  /**
   * NO_PRIOR with a two-term text path: the toy report says which finding is the lesion. Both runs
   * weigh the cross-entropy 1, the weight this short training was sized with (every toy slice
   * holds findings; the default 10 is for cohorts where most slices hold none).
   */
  private static final SegmentationConfig TEXT = NO_PRIOR.toBuilder().bceWeight(1)
      .text(new TextFusionConfig(true, 2, 8)).build();

  @Test
  void theReportDecidesWhichFindingIsSegmented() {
    double withText = heldOutDiceOfNamedLesions(TEXT);
    double withoutText = heldOutDiceOfNamedLesions(NO_PRIOR.toBuilder().bceWeight(1).build());
    assertTrue(withText > 0.85, "with the report: Dice " + withText);
    assertTrue(withoutText < 0.7, "without it, the images cannot tell the named finding: Dice " + withoutText);
  }

  private static double heldOutDiceOfNamedLesions(SegmentationConfig config) {
    SegmentationModel model = SegmentationModel.create(config);
    boolean text = config.text().enabled();
    for (int step = 0; step < 80; step++) {
      ToyLesionSlices batch = ToyLesionSlices.lesionNamedByText(8, 32, step);
      model.fitBatch(batch.petSuv, batch.ctHu, null, text ? batch.text : null, batch.labels, 8);
    }
    ToyLesionSlices heldOut = ToyLesionSlices.lesionNamedByText(16, 32, 1000);
    return ToyLesionSlices.dice(model.predict(heldOut.petSuv, heldOut.ctHu, null, text ? heldOut.text : null, 16),
        heldOut.labels);
  }

  @Test
  void saveLoadKeepsTheVocabularyAndTheTextPath() throws IOException {
    List<List<String>> reports = List.of(List.of("hot focus"), List.of("hot focus"), List.of("dense focus"),
        List.of("dense focus"));
    ReportVocabulary vocabulary = ReportVocabulary.fit(reports, 2);
    SegmentationModel model = SegmentationModel.create(TEXT, vocabulary);
    ToyLesionSlices data = ToyLesionSlices.lesionNamedByText(2, 32, 3);
    model.fitBatch(data.petSuv, data.ctHu, null, data.text, data.labels, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    SegmentationModel loaded = SegmentationModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(TEXT, loaded.config());
    ReportVocabulary back = loaded.vocabulary().orElseThrow();
    assertArrayEquals(vocabulary.features("focus hot"), back.features("focus hot"));
    assertArrayEquals(model.predict(data.petSuv, data.ctHu, null, data.text, 2),
        loaded.predict(data.petSuv, data.ctHu, null, data.text, 2));
    assertTrue(SegmentationModel.load(new ByteArrayInputStream(saved(SegmentationModel.create(TEXT)))).vocabulary()
        .isEmpty(), "a model without a vocabulary loads without one");
  }

  @Test
  void aVocabularyMustFitTheTextPath() {
    ReportVocabulary four = ReportVocabulary.fit(List.of(List.of("a"), List.of("a"), List.of("a")), 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentationModel.create(TEXT, four));
    assertTrue(e.getMessage().contains("dimension 4") && e.getMessage().contains("D = 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SegmentationModel.create(NO_PRIOR, four));
  }

  @Test
  void badTextArraysAreRejected() {
    SegmentationModel withText = SegmentationModel.create(TEXT);
    SegmentationModel without = SegmentationModel.create(NO_PRIOR);
    float[] image = new float[2 * 32 * 32];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withText.predict(image, image, null, 2));
    assertTrue(e.getMessage().contains("text") && e.getMessage().contains("null"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> withText.predict(image, image, null, new float[3], 2));
    assertTrue(e.getMessage().contains("4 values"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> withText.fitBatch(image, image, null, new float[] {0, 1, Float.NaN, 0}, image, 2));
    assertTrue(e.getMessage().contains("sample 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> without.predict(image, image, null, new float[4], 2));
    assertTrue(e.getMessage().contains("without report text"), e.getMessage());
  }

  private static byte[] saved(SegmentationModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    return bytes.toByteArray();
  }
}
