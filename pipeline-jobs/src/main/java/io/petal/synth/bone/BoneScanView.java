package io.petal.synth.bone;

import io.petal.schema.SlicesTable;

/** The two views of a whole-body bone scan, in study order (the k index of the study grid). */
public enum BoneScanView {
  /** Detector in front of the patient. */
  ANTERIOR(SlicesTable.ANTERIOR),
  /** Detector behind the patient; acquired as seen from behind. */
  POSTERIOR(SlicesTable.POSTERIOR);

  private final String viewName;

  BoneScanView(String viewName) {
    this.viewName = viewName;
  }

  /** The view's name in the slices table. */
  public String viewName() {
    return viewName;
  }
}
