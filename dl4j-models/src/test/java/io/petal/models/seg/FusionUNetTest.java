package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.ChannelGroups;
import io.petal.models.TestLayouts;
import io.petal.models.nn.GradientCheck;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FusionUNetTest {
  private static final SegmentationConfig TINY = SegmentationConfig.builder()
      .size(8).neighbours(0).baseFilters(2).depth(2).channelGroups(ChannelGroups.parse("CT;PET")).build();

  @Test
  void oneBranchPerGroupPlusThePriorFusedAtEveryLevel() {
    SegmentationConfig config = TINY.toBuilder().size(16).neighbours(1).baseFilters(4).depth(1).build();
    ParameterStore.Builder builder = ParameterStore.builder();
    FusionUNet net = new FusionUNet(config, builder);
    ParameterStore store = builder.build(1);
    assertEquals(List.of("CT/enc0/conv1", "CT/enc0/conv2", "CT/enc1/down", "CT/enc1/conv",
        "PET/enc0/conv1", "PET/enc0/conv2", "PET/enc1/down", "PET/enc1/conv",
        "prior/enc0/conv1", "prior/enc0/conv2", "prior/enc1/down", "prior/enc1/conv",
        "fuse0/conv", "fuse1/conv", "dec0/up", "dec0/conv", "head"), net.layers().stream().map(Layer::name).toList());
    assertArrayEquals(new long[] {3, 3, 3, 4}, store.get("CT/enc0/conv1/W").shape(), "3 CT slices");
    assertArrayEquals(new long[] {3, 3, 1, 4}, store.get("prior/enc0/conv1/W").shape());
    assertArrayEquals(new long[] {12, 4}, store.get("fuse0/conv/W").shape(), "three branches of 4 channels");
    assertArrayEquals(new long[] {24, 8}, store.get("fuse1/conv/W").shape());
    assertArrayEquals(new long[] {2, 2, 4, 8}, store.get("dec0/up/W").shape(), "the plain U-Net's decoder");
    INDArray y = net.forward(Nd4j.rand(DataType.FLOAT, 2, 16, 16, 7));
    assertArrayEquals(new long[] {2, 16, 16, 1}, y.shape());
  }

  /** Zeroing one branch's first convolution cuts its channels (and only those) off the output. */
  @Test
  void eachBranchReadsOnlyItsGroupsSlices() {
    SegmentationConfig config = TINY.toBuilder().neighbours(1).usePrior(false).build();
    ParameterStore.Builder builder = ParameterStore.builder();
    FusionUNet net = new FusionUNet(config, builder);
    ParameterStore store = builder.build(4);
    store.get("CT/enc0/conv1/W").value().assign(0);
    store.get("CT/enc0/conv1/b").value().assign(0.1);
    net.forward(Nd4j.rand(DataType.FLOAT, 2, 8, 8, 6));
    INDArray gx = net.backward(Nd4j.ones(DataType.FLOAT, 2, 8, 8, 1));
    for (int c = 0; c < 6; c++) {
      double magnitude = gx.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c))
          .norm1Number().doubleValue();
      // input channels: PET slices 0-2, CT slices 3-5
      assertEquals(c >= 3, magnitude == 0, "channel " + c + " gradient magnitude " + magnitude);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    SegmentationConfig config = TINY.toBuilder().depth(1).build();
    GradientCheck.check(b -> new FusionUNet(config, b), new long[] {2, 8, 8, config.inputChannels()},
        new long[] {2, 8, 8, 1}, 0, 10);
  }

  @Test
  void trainsThroughTheSegmentationModelAndRoundTripsItsConfig() {
    SegmentationConfig config = SegmentationConfig.builder().size(32).neighbours(0).baseFilters(8).depth(2).usePrior(false)
        .learningRate(1e-2).bceWeight(1) // 20 steps on slices that all hold a lesion: Dice-led, as sized
        .channelGroups(ChannelGroups.parse("PET;CT")).build();
    assertEquals(config, SegmentationConfig.fromProperties(config.toProperties()));
    SegmentationModel model = SegmentationModel.create(config);
    ToyLesionSlices heldOut = ToyLesionSlices.hotDiscs(16, 1, 32, 1000);
    for (int step = 0; step < 20; step++) {
      ToyLesionSlices batch = ToyLesionSlices.hotDiscs(8, 1, 32, step);
      model.fitBatch(batch.petSuv, batch.ctHu, null, batch.labels, 8);
    }
    double dice = ToyLesionSlices.dice(model.predict(heldOut.petSuv, heldOut.ctHu, null, 16), heldOut.labels);
    assertTrue(dice > 0.8, "held-out Dice after 20 steps " + dice);
    assertTrue(model.layerNames().contains("PET/enc2/conv") && model.layerNames().contains("fuse2/conv"));
  }

  @Test
  void brainMriBranchesReadTheirContrastsAndPredictEveryRegion() {
    SegmentationConfig config = TINY.toBuilder().channels(TestLayouts.brain()).usePrior(false)
        .channelGroups(ChannelGroups.parse("t1,t1ce;t2,flair")).build();
    ParameterStore.Builder builder = ParameterStore.builder();
    FusionUNet net = new FusionUNet(config, builder);
    ParameterStore store = builder.build(2);
    assertArrayEquals(new long[] {3, 3, 2, 2}, store.get("t1+t1ce/enc0/conv1/W").shape(), "t1 and t1ce, one slice each");
    assertArrayEquals(new long[] {3, 3, 2, 2}, store.get("t2+flair/enc0/conv1/W").shape());
    INDArray y = net.forward(Nd4j.rand(DataType.FLOAT, 2, 8, 8, 4));
    assertArrayEquals(new long[] {2, 8, 8, 3}, y.shape(), "WT, TC and ET");
  }

  @Test
  void groupsMustCoverTheLayoutsChannels() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FusionUNet(TINY.toBuilder().channelGroups(ChannelGroups.parse("PET")).build(), ParameterStore.builder()));
    assertTrue(e.getMessage().contains("CT is in no group"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new FusionUNet(TINY.toBuilder()
        .channelGroups(ChannelGroups.parse("PET;CT;MR")).build(), ParameterStore.builder()));
    assertTrue(e.getMessage().contains("MR"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FusionUNet(TINY.toBuilder().channelGroups(ChannelGroups.NONE)
        .build(), ParameterStore.builder()));
  }
}
