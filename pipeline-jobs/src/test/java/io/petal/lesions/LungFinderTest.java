package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lungs found on a CT torso phantom, and refused where their extent cannot be known. */
class LungFinderTest {
  @Test
  void lungsSpanTheirPaintedSlices() {
    // lungs centred on slice 40 with a 10-slice semi-axis: slices 30..50 (z 300..500 mm); the
    // one-voxel tips on slices 30 and 50 (1 % of the widest cross-section) do not count, slices 31
    // and 49 (19 %) do
    LungExtent lungs = LungFinder.find(new TorsoPhantom().lungs(40).volume()).orElseThrow();
    assertEquals(490, lungs.apexZMm(), 1e-9);
    assertEquals(310, lungs.baseZMm(), 1e-9);
  }

  @Test
  void airwaysUpToTheNoseDoNotMoveTheApex() {
    // lungs on slices 21..39 joined by bronchi and a trachea to a wide air space on slices 53..57
    LungExtent lungs = LungFinder.find(new TorsoPhantom().lungs(30).airways(30, 55).volume()).orElseThrow();
    assertEquals(390, lungs.apexZMm(), 1e-9);
    assertEquals(210, lungs.baseZMm(), 1e-9);
  }

  @Test
  void bowelGasBelowTheLungsDoesNotMoveTheBase() {
    TorsoPhantom t = new TorsoPhantom().lungs(40).ellipsoid(20, 15, 15, 3, 3, 2, -1000f); // about 50 mL
    assertEquals(310, LungFinder.find(t.volume()).orElseThrow().baseZMm(), 1e-9);
  }

  @Test
  void aHollowTableThroughTheWholeScanIsNotTakenForLungs() {
    TorsoPhantom t = new TorsoPhantom().lungs(40).hollowTable();
    LungExtent lungs = LungFinder.find(t.volume()).orElseThrow();
    assertEquals(490, lungs.apexZMm(), 1e-9);
    assertEquals(310, lungs.baseZMm(), 1e-9);
  }

  @Test
  void noLungsWithoutInsideAir() {
    assertEquals(Optional.empty(), LungFinder.find(new TorsoPhantom().volume()));
  }

  @Test
  void lungsCutByTheFieldOfViewGiveNoExtent() {
    assertTrue(LungFinder.find(new TorsoPhantom().lungs(55).volume()).isEmpty());
  }

  @Test
  void smallAirPocketsAreNotLungs() {
    assertTrue(LungFinder.find(new TorsoPhantom().ellipsoid(20, 15, 30, 3, 3, 3, -1000f).volume()).isEmpty());
  }

  @Test
  void regionsAlongTheBodyRelativeToTheLungs() {
    LungExtent lungs = new LungExtent(500, 300); // H = 200 mm
    assertEquals(BodyRegion.HEAD_NECK, BodyRegion.at(550, lungs));
    assertEquals(BodyRegion.THORAX, BodyRegion.at(500, lungs));
    assertEquals(BodyRegion.THORAX, BodyRegion.at(300, lungs));
    assertEquals(BodyRegion.ABDOMEN, BodyRegion.at(200, lungs)); // 0.5 H below the base
    assertEquals(BodyRegion.PELVIS, BodyRegion.at(199, lungs));
    assertEquals(BodyRegion.PELVIS, BodyRegion.at(60, lungs)); // 1.2 H below
    assertEquals(BodyRegion.LOWER_EXTREMITY, BodyRegion.at(59, lungs));
    assertEquals("lower_extremity", BodyRegion.LOWER_EXTREMITY.columnValue());
  }
}
