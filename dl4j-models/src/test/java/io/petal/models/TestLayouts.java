package io.petal.models;

import java.util.List;

/** Channel layouts of the other study kinds, as the pipeline builds them, for model tests. */
public final class TestLayouts {
  private TestLayouts() {}

  /** Four study-relative MRI contrasts in two branches, FLAIR/T2 hidden; BraTS regions WT, TC, ET. */
  public static ModelChannels brain() {
    return new ModelChannels("brain-mri",
        List.of(relative("t1"), relative("t1ce"), relative("t2"), relative("flair")),
        List.of(List.of("t1", "t1ce"), List.of("t2", "flair")), 1, "t1", 0.8, 0.25, 1.0,
        List.of(new OutputRegion("WT", OutputRegion.parseValues("1,2,4"), 2),
            new OutputRegion("TC", OutputRegion.parseValues("1,4"), 1),
            new OutputRegion("ET", OutputRegion.parseValues("4"), 4)),
        false, true);
  }

  /** One study-relative counts channel in one branch; planar views; one region, lesion. */
  public static ModelChannels planarCounts() {
    return new ModelChannels("spect-bone", List.of(relative("counts")), List.of(List.of("counts")), 0, "counts", 0.5,
        0.25, 1.0, List.of(OutputRegion.anyLabel("lesion")), true, true);
  }

  private static ModelChannels.InputChannel relative(String name) {
    return new ModelChannels.InputChannel(name, ChannelScaling.STUDY_RELATIVE);
  }
}
