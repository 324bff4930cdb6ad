package io.petal.models.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.ChannelGroups;
import io.petal.models.nn.Parameter;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderTransferTest {
  private static final SegmentationConfig FUSION = SegmentationConfig.builder().size(16).neighbours(1).baseFilters(4)
      .depth(2).usePrior(false).channelGroups(ChannelGroups.parse("PET;CT")).build();
  private static final TranslationConfig CT_TO_PET = TranslationConfig.builder(List.of("CT"), List.of("PET")).size(16)
      .neighbours(1).baseFilters(4).depth(2).discriminatorFilters(4).discriminatorDepth(2).seed(77).build();

  @Test
  void copiesTheEncoderIntoTheBranchReadingTheSourceGroupAndNothingElse() {
    SegmentationModel segmentation = SegmentationModel.create(FUSION);
    float[] before = segmentation.getParams();
    TranslationModel translator = TranslationModel.create(CT_TO_PET);
    translator.fitBatch(random(2 * 3 * 16 * 16), random(2 * 16 * 16), 2); // moves the biases off zero
    assertEquals("CT/", EncoderTransfer.initialise(segmentation, translator, "ct2pet"));
    for (Parameter p : translator.encoderParameters()) {
      assertArrayEquals(p.value().ravel().toFloatVector(),
          segmentation.parameterStore().get("CT/" + p.name()).value().ravel().toFloatVector(),
          p.name());
    }
    float[] after = segmentation.getParams();
    for (Parameter p : segmentation.parameterStore().parameters()) {
      boolean copied = p.name().startsWith("CT/enc");
      boolean changed = false;
      for (long i = p.offset(); i < p.offset() + p.length(); i++) {
        changed |= before[(int) i] != after[(int) i];
      }
      assertEquals(copied, changed, p.name() + (copied ? " should have been replaced" : " should be untouched"));
    }
  }

  @Test
  void refusesABranchWithOtherShapes() {
    SegmentationModel segmentation = SegmentationModel.create(FUSION);
    TranslationModel oneSlice = TranslationModel.create(CT_TO_PET.toBuilder().neighbours(0).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EncoderTransfer.initialise(segmentation, oneSlice, "ct2pet"));
    assertTrue(e.getMessage().contains("enc0/conv1/W") && e.getMessage().contains("[3, 3, 1, 4]")
        && e.getMessage().contains("[3, 3, 3, 4]") && e.getMessage().contains("ct2pet"), e.getMessage());
    float[] untouched = SegmentationModel.create(FUSION).getParams();
    assertArrayEquals(untouched, segmentation.getParams(), "nothing is copied when the check fails");

    TranslationModel deeper = TranslationModel.create(CT_TO_PET.toBuilder().depth(3).build());
    e = assertThrows(IllegalArgumentException.class, () -> EncoderTransfer.initialise(segmentation, deeper, "deep"));
    assertTrue(e.getMessage().contains("depth 3") && e.getMessage().contains("segmentation depth 2"), e.getMessage());
  }

  @Test
  void refusesWhenNoBranchReadsTheSourceGroup() {
    TranslationModel translator = TranslationModel.create(CT_TO_PET);
    SegmentationModel plain = SegmentationModel.create(FUSION.toBuilder().channelGroups(ChannelGroups.NONE).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EncoderTransfer.initialise(plain, translator, "ct2pet"));
    assertTrue(e.getMessage().contains("no channel groups"), e.getMessage());
    SegmentationModel together = SegmentationModel.create(FUSION.toBuilder().channelGroups(ChannelGroups.parse("PET,CT"))
        .build());
    e = assertThrows(IllegalArgumentException.class, () -> EncoderTransfer.initialise(together, translator, "ct2pet"));
    assertTrue(e.getMessage().contains("[CT]") && e.getMessage().contains("PET,CT"), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }

  private static float[] random(int n) {
    java.util.Random r = new java.util.Random(n);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat();
    }
    return v;
  }
}
