package io.petal.models.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.nn.GradientCheck;
import io.petal.models.nn.Parameter;
import io.petal.models.nn.ParameterStore;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.seg.UNet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TranslationModelTest {
  /** Two source channels (one slice each) → one target; 16×16, 4 base filters, 2 levels; 8×8 patch map. */
  private static final TranslationConfig SMALL = TranslationConfig.builder(List.of("a", "b"), List.of("y"))
      .size(16).neighbours(0).baseFilters(4).depth(2).discriminatorFilters(4).discriminatorDepth(1)
      .learningRate(2e-3).build();

  @Test
  void learnsADeterministicMapping() {
    TranslationModel model = TranslationModel.create(SMALL);
    ToyTranslationPairs heldOut = ToyTranslationPairs.of(8, 16, 1000);
    double before = ToyTranslationPairs.meanAbsoluteError(model.translate(heldOut.source, 8), heldOut.target);
    double firstL1 = 0;
    TranslationStepLoss last = null;
    for (int step = 0; step < 100; step++) {
      ToyTranslationPairs batch = ToyTranslationPairs.of(8, 16, step);
      last = model.fitBatch(batch.source, batch.target, 8);
      if (step == 0) {
        firstL1 = last.l1();
      }
    }
    double after = ToyTranslationPairs.meanAbsoluteError(model.translate(heldOut.source, 8), heldOut.target);
    assertTrue(after < 0.25 * before && after < 0.07, "held-out L1 before " + before + ", after 100 steps " + after);
    assertTrue(last.l1() < 0.25 * firstL1, "training L1 first " + firstL1 + ", last " + last.l1());
    assertTrue(Double.isFinite(last.adversarial()) && Double.isFinite(last.discriminator()), last.toString());
    assertEquals(100, model.iteration());
  }

  /**
   * The gradient left in the store (over two micro-batches) against central differences: the
   * generator's parameters of λ·L1 + adversarial, the discriminator's of its own loss.
   */
  @Test
  void gradientsOfBothNetworksMatchFiniteDifferences() {
    TranslationConfig config = SMALL.toBuilder().size(8).baseFilters(2).depth(1).discriminatorFilters(2)
        .l1Weight(1).build();
    TranslationModel model = TranslationModel.create(config);
    model.setMicroBatchLimit(2);
    ToyTranslationPairs data = ToyTranslationPairs.of(3, 8, 4);
    ParameterStore store = model.parameterStore();
    model.computeGradients(data.source, data.target, 3);
    float[] analytic = store.gradients().toFloatVector();
    List<Integer> generator = new ArrayList<>();
    List<Integer> discriminator = new ArrayList<>();
    Random pick = new Random(3);
    for (Parameter p : store.parameters()) {
      int index = Math.toIntExact(p.offset() + pick.nextInt(Math.toIntExact(p.length())));
      (p.name().startsWith("disc/") ? discriminator : generator).add(index);
    }
    GradientCheck.checkParameters(store, analytic, generator,
        () -> model.computeGradients(data.source, data.target, 3).generator(), "generator loss");
    GradientCheck.checkParameters(store, analytic, discriminator,
        () -> model.computeGradients(data.source, data.target, 3).discriminator(), "discriminator loss");
  }

  @Test
  void microBatchedStepEqualsTheWholeBatchStep() {
    ToyTranslationPairs data = ToyTranslationPairs.of(5, 16, 8);
    TranslationModel whole = TranslationModel.create(SMALL);
    TranslationModel split = TranslationModel.create(SMALL);
    split.setMicroBatchLimit(2); // passes of 2, 2, 1
    TranslationStepLoss lw = whole.fitBatch(data.source, data.target, 5);
    TranslationStepLoss ls = split.fitBatch(data.source, data.target, 5);
    assertEquals(lw.generator(), ls.generator(), 1e-5);
    assertEquals(lw.discriminator(), ls.discriminator(), 1e-6);
    assertArrayEquals(whole.getParams(), split.getParams(), 1e-5f);
  }

  @Test
  void encoderIsNamedAndShapedAsTheSegmentationEncoder() {
    TranslationModel model = TranslationModel.create(SMALL.toBuilder().neighbours(1).build());
    SegmentationConfig segmentation = SegmentationConfig.builder().size(16).neighbours(1).baseFilters(4).depth(2)
        .usePrior(false).build();
    ParameterStore.Builder builder = ParameterStore.builder();
    new UNet(segmentation, builder);
    ParameterStore unet = builder.build(1);
    List<Parameter> encoder = model.encoderParameters();
    assertEquals(unet.names().stream().filter(n -> n.startsWith("enc")).toList(), encoder.stream().map(Parameter::name).toList());
    for (Parameter p : encoder) {
      // two source channels × 3 slices read as the U-Net's 3 PET + 3 CT slices
      assertArrayEquals(unet.get(p.name()).shape(), p.shape(), p.name());
    }
    List<String> layers = model.layerNames();
    assertEquals("enc0/conv1", layers.get(0));
    assertEquals(List.of("head", "disc/conv1", "disc/logit"), layers.subList(layers.size() - 3, layers.size()));
    assertEquals(model.parameterCount(), model.getParams().length);
    assertEquals(2 * model.parameterCount(), model.getOptimizerState().length);
  }

  @Test
  void saveLoadGivesTheSameTranslatorAndState() throws IOException {
    TranslationModel model = TranslationModel.create(SMALL.toBuilder().seed(9).build());
    ToyTranslationPairs data = ToyTranslationPairs.of(2, 16, 5);
    model.fitBatch(data.source, data.target, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    TranslationModel loaded = TranslationModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(model.config(), loaded.config());
    assertEquals(1, loaded.iteration());
    assertArrayEquals(model.getParams(), loaded.getParams());
    assertArrayEquals(model.getOptimizerState(), loaded.getOptimizerState());
    assertArrayEquals(model.translate(data.source, 2), loaded.translate(data.source, 2));
    assertEquals(model.fitBatch(data.source, data.target, 2), loaded.fitBatch(data.source, data.target, 2));
    IOException e = assertThrows(IOException.class, () -> SegmentationModel.load(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(e.getMessage().contains("translator"), e.getMessage());
  }

  @Test
  void badArraysAreRejectedWithTheExpectedShape() {
    TranslationModel model = TranslationModel.create(SMALL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fitBatch(new float[2 * 16 * 16], new float[2 * 16 * 16], 2));
    assertTrue(e.getMessage().contains("source") && e.getMessage().contains("512"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.fitBatch(new float[2 * 512], new float[7], 2));
    assertTrue(e.getMessage().contains("target") && e.getMessage().contains("256"), e.getMessage());
  }
}
