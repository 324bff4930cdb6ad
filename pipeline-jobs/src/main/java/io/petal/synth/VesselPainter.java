package io.petal.synth;

/**
 * Paints the great vessels as chains of tubes filled with (contrast-enhanced) blood: aorta with
 * the iliac arteries, inferior and superior vena cava with the iliac veins, pulmonary trunk and
 * arteries, carotid arteries and jugular veins.
 */
final class VesselPainter {
  private VesselPainter() {}

  static void paint(TissueCanvas c) {
    chain(c, new double[][] {
      {14, -18, 492, 14}, {6, -30, 448, 14}, {0, -16, 410, 13}, {18, 12, 408, 12},
      {26, 34, 440, 12}, {24, 38, 520, 11}, {14, 26, 600, 10.5}, {6, 12, 700, 10},
      {0, 12, 745, 9}});
    chain(c, new double[][] {{-30, -8, 345, 10}, {-26, -14, 492, 10}});
    chain(c, new double[][] {
      {-20, 24, 750, 11}, {-22, 24, 700, 11}, {-28, 14, 620, 12}, {-16, -8, 552, 12}});
    chain(c, new double[][] {{6, -44, 492, 12}, {4, -30, 458, 12}});
    for (int side : new int[] {-1, 1}) {
      chain(c, new double[][] {
        {0, 12, 745, 8}, {side * 42, 16, 805, 7.5}, {side * 72, 8, 870, 7}, {side * 82, 6, 940, 6}});
      chain(c, new double[][] {
        {-20, 24, 750, 9}, {side * 38, 26, 810, 8.5}, {side * 68, 16, 875, 8},
        {side * 78, 14, 940, 7}});
      chain(c, new double[][] {{4, -30, 458, 11}, {side * 40, side * 2, 460, 10}});
      chain(c, new double[][] {
        {side * 12, -14, 410, 4.5}, {side * 26, -6, 300, 4.5}, {side * 28, -2, 215, 4}});
      chain(c, new double[][] {
        {side * 38, 2, 215, 6.5}, {side * 34, -2, 300, 6.5}, {side * 28, -8, 345, 7}});
    }
  }

  /** Tubes through points {u, v, w, radius} (mm). */
  private static void chain(TissueCanvas c, double[][] points) {
    for (int s = 1; s < points.length; s++) {
      double[] a = points[s - 1];
      double[] b = points[s];
      c.paint(new Capsule(new Vec3(a[0], a[1], a[2]), new Vec3(b[0], b[1], b[2]), a[3], b[3]),
          Tissue.BLOOD);
    }
  }
}
