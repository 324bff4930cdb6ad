package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sites: the manifest's for annotations, the body region otherwise, none when unknown. */
class SiteResolverTest {
  private static LesionStatistics at(double zMm) {
    return new LesionStatistics(1, 1, 0.1, 1, 1, 1, null, new double[] {0, 0, zMm},
        new IndexBox(0, 0, 0, 0, 0, 0), new double[] {1, 1, 1});
  }

  @Test
  void manifestSiteForAnnotationsBodyRegionForPredictions() {
    AtomicInteger searches = new AtomicInteger();
    SiteResolver r = new SiteResolver(SiteResolver.studySite(Map.of("Primary_Site", "left thigh")), () -> {
      searches.incrementAndGet();
      return Optional.of(new LungExtent(500, 300));
    });
    assertEquals(new Site("left thigh", "metadata:Primary_Site"), r.siteOf(MaskSource.truth("seg"), at(400)));
    assertEquals(new Site("thorax", Site.BODY_REGION_METHOD), r.siteOf(MaskSource.predicted("unet"), at(400)));
    assertEquals(new Site("abdomen", Site.BODY_REGION_METHOD), r.siteOf(MaskSource.predicted("unet"), at(250)));
    assertEquals(1, searches.get(), "lungs are looked for once per study");
  }

  @Test
  void bodyRegionWhenTheManifestHasNoSiteAndNothingWithoutLungs() {
    SiteResolver withLungs = new SiteResolver(SiteResolver.studySite(Map.of("site", " ")), () -> Optional.of(new LungExtent(500, 300)));
    assertEquals("head_neck", withLungs.siteOf(MaskSource.truth("seg"), at(600)).name());
    SiteResolver without = new SiteResolver(null, Optional::empty);
    assertNull(without.siteOf(MaskSource.truth("seg"), at(400)));
  }
}
