package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.ModelChannels;
import io.petal.models.OutputRegion;
import io.petal.schema.BratsLabels;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindChannelsTest {
  /** WT, TC and ET contain exactly the label values {@link BratsLabels} puts in them (0..255). */
  @Test
  void brainRegionsFollowTheBratsLabels() {
    List<OutputRegion> regions = KindChannels.of(StudyKind.BRAIN_MRI).regions();
    assertEquals(List.of("WT", "TC", "ET"), regions.stream().map(OutputRegion::name).toList());
    for (int v = 0; v < 256; v++) {
      assertEquals(BratsLabels.wholeTumour(v), regions.get(0).contains(v), "WT " + v);
      assertEquals(BratsLabels.tumourCore(v), regions.get(1).contains(v), "TC " + v);
      assertEquals(BratsLabels.enhancingTumour(v), regions.get(2).contains(v), "ET " + v);
    }
    assertEquals(List.of(BratsLabels.EDEMA, BratsLabels.NECROTIC_CORE, BratsLabels.ENHANCING),
        regions.stream().map(OutputRegion::paintValue).toList(), "painted back as BraTS values");
  }

  @Test
  void everyKindReadsItsOwnChannels() {
    for (StudyKind kind : StudyKind.values()) {
      ModelChannels layout = KindChannels.of(kind);
      assertEquals(kind.id(), layout.kind());
      assertEquals(kind.channels(), layout.names(), kind.id());
      assertEquals(kind.planar(), layout.planar(), kind.id());
      assertTrue(layout.regions().get(0).contains(1), kind.id() + ": label 1 is in the first region");
    }
    assertEquals(List.of("lesion"), KindChannels.of(StudyKind.SPECT_BONE).regionNames());
  }

  @Test
  void aStudyFitsALayoutOfItsKindWithEveryChannel() {
    ImageGrid g = new ImageGrid(4, 4, 2, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    StudyInfo petCt = new StudyInfo("c", "p", "s", "pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"), g, true,
        null, List.of());
    StudyInfo petOnly = new StudyInfo("c", "p", "s", "pet-ct", List.of("PET"), List.of("SUV"), g, true, null,
        List.of());
    assertTrue(KindChannels.fits(petCt, KindChannels.of(StudyKind.PET_CT)));
    assertFalse(KindChannels.fits(petOnly, KindChannels.of(StudyKind.PET_CT)), "CT missing");
    assertFalse(KindChannels.fits(petCt, KindChannels.of(StudyKind.BRAIN_MRI)), "another kind");
  }
}
