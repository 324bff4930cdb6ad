package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class AutoencoderModelTest {
  private static final AutoencoderConfig SMALL = AutoencoderConfig.builder()
      .size(64).neighbours(0).baseFilters(8).depth(3).latentChannels(16).maskPatchSize(12).build();

  @Test
  void layersAndParametersAreNamed() {
    AutoencoderModel model = AutoencoderModel.create(SMALL);
    List<String> layers = model.layerNames();
    for (String branch : List.of("pet_encoder", "ct_encoder")) {
      for (int i = 0; i < 3; i++) {
        assertTrue(layers.contains(branch + "/down" + i), branch + "/down" + i);
        assertTrue(layers.contains(branch + "/conv" + i), branch + "/conv" + i);
      }
    }
    for (String branch : List.of("pet_decoder", "ct_decoder")) {
      assertTrue(layers.contains(branch + "/up0"));
      assertTrue(layers.contains(branch + "/head"));
    }
    assertTrue(layers.contains("fusion/mix"));
    List<String> params = model.parameterNames();
    assertEquals(2 * layers.size(), params.size(), "a weight and a bias per layer");
    // PET branch: 1 slice + indicator channel; first level 8 filters
    assertArrayEquals(new long[] {3, 3, 2, 8}, model.parameterShape("pet_encoder/down0/W"));
    assertArrayEquals(new long[] {3, 3, 1, 8}, model.parameterShape("ct_encoder/down0/W"));
    assertArrayEquals(new long[] {64, 16}, model.parameterShape("fusion/mix/W"));
    assertArrayEquals(new long[] {8, 1}, model.parameterShape("pet_decoder/head/W"));
    assertEquals(Arrays.stream(params.toArray(String[]::new))
        .mapToLong(n -> Arrays.stream(model.parameterShape(n)).reduce(1, Math::multiplyExact)).sum(), model.parameterCount());
  }

  @Test
  void reconstructsTwoSlicesAt64() {
    assertReconstructionShape(SMALL);
  }

  @Test
  void reconstructsTwoSlicesIn25d() {
    assertReconstructionShape(SMALL.toBuilder().neighbours(1).build());
  }

  private static void assertReconstructionShape(AutoencoderConfig config) {
    AutoencoderModel model = AutoencoderModel.create(config);
    SyntheticSlices data = new SyntheticSlices(2, config.slices(), 64, 1);
    Reconstruction r = model.reconstruct(data.petSuv, data.ctHu, null, 2);
    assertEquals(2, r.batch());
    assertEquals(64, r.size());
    assertEquals(2 * 64 * 64, r.channel("PET").length);
    assertEquals(2 * 64 * 64, r.channel("CT").length);
    for (float v : r.channel("PET")) {
      assertTrue(Float.isFinite(v));
    }
  }

  @Test
  void oneStepChangesParametersAndTrainingReducesTheLoss() {
    AutoencoderModel model = AutoencoderModel.create(SMALL);
    SyntheticSlices data = new SyntheticSlices(4, 1, 64, 2);
    float[] before = model.getParams();
    double first = model.fitBatch(data.petSuv, data.ctHu, null, 4).total();
    assertFalse(Arrays.equals(before, model.getParams()), "a step moves the parameters");
    double last = first;
    for (int i = 0; i < 40; i++) {
      last = model.fitBatch(data.petSuv, data.ctHu, null, 4).total();
    }
    assertTrue(last < 0.5 * first, "loss should at least halve in 41 steps: first " + first + ", last " + last);
    assertEquals(41, model.iteration());
  }

  @Test
  void l1LossTrainsToo() {
    AutoencoderModel model = AutoencoderModel.create(SMALL.toBuilder().loss(AutoencoderConfig.Loss.L1).build());
    SyntheticSlices data = new SyntheticSlices(4, 1, 64, 3);
    double first = model.fitBatch(data.petSuv, data.ctHu, null, 4).total();
    double last = first;
    for (int i = 0; i < 30; i++) {
      last = model.fitBatch(data.petSuv, data.ctHu, null, 4).total();
    }
    assertTrue(last < 0.7 * first, "L1 loss should fall: first " + first + ", last " + last);
  }

  @Test
  void hiddenVoxelsCannotLeakIntoTheirReconstruction() {
    AutoencoderConfig config = SMALL.toBuilder().neighbours(1).build();
    AutoencoderModel model = AutoencoderModel.create(config);
    SyntheticSlices data = new SyntheticSlices(2, 3, 64, 4);
    for (int i = 0; i < 5; i++) {
      model.fitBatch(data.petSuv, data.ctHu, null, 2);
    }
    // a hot 10x10 "lesion" in every slice of sample 1, hidden by an SUV threshold
    float[] hot = data.petSuv.clone();
    float[] hidden = new float[hot.length];
    for (int c = 0; c < 3; c++) {
      for (int y = 20; y < 30; y++) {
        for (int x = 30; x < 40; x++) {
          hot[((3 + c) * 64 + y) * 64 + x] = 15f;
        }
      }
    }
    for (int i = 0; i < hot.length; i++) {
      hidden[i] = hot[i] > 2.5f ? 1f : 0f;
    }
    Reconstruction withLesion = model.reconstruct(hot, data.ctHu, hidden, 2);
    Reconstruction withoutLesion = model.reconstruct(data.petSuv, data.ctHu, hidden, 2);
    Reconstruction unmasked = model.reconstruct(hot, data.ctHu, null, 2);
    for (int y = 20; y < 30; y++) {
      for (int x = 30; x < 40; x++) {
        float v = withLesion.valueAt(0, 1, x, y);
        assertTrue(Float.isFinite(v), "finite in the hidden region");
        assertEquals(withoutLesion.valueAt(0, 1, x, y), v, 0f, "hidden values must not influence the output");
      }
    }
    assertNotEquals(unmasked.valueAt(0, 1, 35, 25), withLesion.valueAt(0, 1, 35, 25), "hiding changes the reconstruction");
  }

  @Test
  void saveLoadGivesIdenticalOutputsAndState() throws IOException {
    AutoencoderConfig config = SMALL.toBuilder().neighbours(1).seed(9).build();
    AutoencoderModel model = AutoencoderModel.create(config);
    SyntheticSlices data = new SyntheticSlices(2, 3, 64, 5);
    model.fitBatch(data.petSuv, data.ctHu, null, 2);
    model.fitBatch(data.petSuv, data.ctHu, null, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    assertTrue(entries(bytes.toByteArray()).containsAll(List.of("config.properties", "parameters.f32", "layout.tsv",
        "optimizer.f32", "optimizer.properties")));
    AutoencoderModel loaded = AutoencoderModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(config, loaded.config());
    assertEquals(2, loaded.iteration());
    assertArrayEquals(model.getParams(), loaded.getParams());
    assertArrayEquals(model.getOptimizerState(), loaded.getOptimizerState());
    assertArrayEquals(model.reconstruct(data.petSuv, data.ctHu, null, 2).channel("PET"),
        loaded.reconstruct(data.petSuv, data.ctHu, null, 2).channel("PET"));
    // training continues identically: same masks (seed, iteration) and same state
    assertEquals(model.fitBatch(data.petSuv, data.ctHu, null, 2), loaded.fitBatch(data.petSuv, data.ctHu, null, 2));
  }

  @Test
  void loadRejectsAZipWithoutParameters() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("config.properties"));
      SMALL.toProperties().store(zip, null);
      zip.closeEntry();
    }
    IOException e = assertThrows(IOException.class, () -> AutoencoderModel.load(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(e.getMessage().contains("layout.tsv"), e.getMessage());
  }

  @Test
  void paramsRoundTripBetweenModels() {
    AutoencoderModel a = AutoencoderModel.create(SMALL.toBuilder().seed(1).build());
    AutoencoderModel b = AutoencoderModel.create(SMALL.toBuilder().seed(2).build());
    SyntheticSlices data = new SyntheticSlices(2, 1, 64, 6);
    assertFalse(Arrays.equals(a.getParams(), b.getParams()));
    b.setParams(a.getParams());
    assertArrayEquals(a.getParams(), b.getParams());
    assertArrayEquals(a.reconstruct(data.petSuv, data.ctHu, null, 2).channel("PET"), b.reconstruct(data.petSuv, data.ctHu, null, 2).channel("PET"));
    assertThrows(IllegalArgumentException.class, () -> b.setParams(new float[10]));
  }

  @Test
  void sameSeedSameTraining() {
    SyntheticSlices data = new SyntheticSlices(3, 1, 64, 7);
    AutoencoderModel a = AutoencoderModel.create(SMALL);
    AutoencoderModel b = AutoencoderModel.create(SMALL);
    assertArrayEquals(a.getParams(), b.getParams());
    for (int i = 0; i < 3; i++) {
      assertEquals(a.fitBatch(data.petSuv, data.ctHu, null, 3), b.fitBatch(data.petSuv, data.ctHu, null, 3));
    }
    assertArrayEquals(a.getParams(), b.getParams());
  }

  @Test
  void microBatchedStepEqualsTheWholeBatchStep() {
    SyntheticSlices data = new SyntheticSlices(5, 1, 64, 8);
    AutoencoderModel whole = AutoencoderModel.create(SMALL);
    AutoencoderModel split = AutoencoderModel.create(SMALL);
    whole.setMicroBatchLimit(5);
    split.setMicroBatchLimit(2); // passes of 2, 2, 1
    StepLoss lw = whole.fitBatch(data.petSuv, data.ctHu, null, 5);
    StepLoss ls = split.fitBatch(data.petSuv, data.ctHu, null, 5);
    assertEquals(lw.total(), ls.total(), 1e-5);
    float[] pw = whole.getParams();
    float[] ps = split.getParams();
    float[] before = AutoencoderModel.create(SMALL).getParams();
    double maxStep = 0;
    double maxDiff = 0;
    for (int i = 0; i < pw.length; i++) {
      maxStep = Math.max(maxStep, Math.abs(pw[i] - before[i]));
      maxDiff = Math.max(maxDiff, Math.abs(pw[i] - ps[i]));
    }
    assertTrue(maxDiff < 1e-2 * maxStep, "same update: largest step " + maxStep + ", largest difference " + maxDiff);
  }

  @Test
  void explicitBodyMaskRestrictsTheLoss() {
    SyntheticSlices data = new SyntheticSlices(2, 1, 64, 10);
    AutoencoderModel model = AutoencoderModel.create(SMALL);
    StepLoss none = model.fitBatch(data.petSuv, data.ctHu, new float[data.planes()], 2);
    assertEquals(0.0, none.total(), "no body voxel, no loss");
  }

  @Test
  void badArraysAreRejectedWithTheExpectedShape() {
    AutoencoderModel model = AutoencoderModel.create(SMALL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fitBatch(new float[10], new float[2 * 64 * 64], null, 2));
    assertTrue(e.getMessage().contains("PET") && e.getMessage().contains("8192"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.reconstruct(new float[8192], new float[8192], new float[5], 2));
    assertThrows(IllegalArgumentException.class, () -> model.fitBatch(new float[0], new float[0], null, 0));
  }

  private static List<String> entries(byte[] zip) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
