package io.petal.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Paints the skeleton below the skull: vertebrae (body, arch, spinous and transverse
 * processes, discs, spinal canal with cord), ribs, sternum, clavicles, scapulae, humeral heads,
 * sacrum, pelvis and femora. Each bone is a cortical shell around marrow; the cortex is at least
 * half a voxel thick so it survives coarse grids.
 */
final class SkeletonPainter {
  private final TissueCanvas c;
  private final double minCortex;
  private final List<SolidShape> pendingOuter = new ArrayList<>();
  private final List<SolidShape> pendingInner = new ArrayList<>();

  private SkeletonPainter(TissueCanvas c) {
    this.c = c;
    this.minCortex = 0.5 * c.largestSpacingReferenceMm();
  }

  /** Nominal cortical thickness of vertebral bodies, ribs and flat bones, long bones (mm). */
  private static final double VERTEBRA_CORTEX_MM = 2.5;
  private static final double THIN_CORTEX_MM = 1.5;
  private static final double LONG_BONE_CORTEX_MM = 4;
  /** Radius of the spinal canal (mm). */
  private static final double CANAL_RADIUS = 7;
  /** Rib tube radius (mm). */
  private static final double RIB_RADIUS = 5;

  static void paint(TissueCanvas c) {
    SkeletonPainter s = new SkeletonPainter(c);
    s.spine();
    s.ribs();
    s.shoulderGirdle();
    s.pelvis();
  }

  /**
   * Queues {@code outer} as cortex and, where room is left, its inset as marrow. Queued parts are
   * painted by {@link #flush}: all cortex first, then all marrow, so that the parts of one bone
   * (a femoral head, neck and shaft) share one continuous marrow space.
   */
  private void bone(SolidShape outer, double cortexMm) {
    pendingOuter.add(outer);
    SolidShape inner = outer.inset(Math.max(cortexMm, minCortex));
    if (inner != null) {
      pendingInner.add(inner);
    }
  }

  private void flush() {
    pendingOuter.forEach(s -> c.paint(s, Tissue.BONE_CORTEX));
    pendingInner.forEach(s -> c.paint(s, Tissue.BONE_MARROW));
    pendingOuter.clear();
    pendingInner.clear();
  }

  private void spine() {
    List<ReferenceBody.Vertebra> levels = ReferenceBody.vertebrae();
    for (int n = 0; n < levels.size(); n++) {
      ReferenceBody.Vertebra vb = levels.get(n);
      double wc = vb.wCentre();
      double a = ReferenceBody.VERTEBRA_HALF_U.at(wc);
      double b = ReferenceBody.VERTEBRA_HALF_V.at(wc);
      double cv = ReferenceBody.SPINE_V.at(wc);
      double canalV = cv + b + 10;
      bone(new EllipticCylinder(0, cv, a, b, vb.wTop(), vb.wBottom()), VERTEBRA_CORTEX_MM);
      bone(new EllipticCylinder(0, canalV, 14 + 0.2 * a, 11, vb.wTop() + 2, vb.wBottom() - 2),
          THIN_CORTEX_MM);
      bone(new Capsule(new Vec3(0, canalV + 8, wc), new Vec3(0, canalV + 22, wc + 10), 4.5),
          THIN_CORTEX_MM);
      for (int side : new int[] {-1, 1}) {
        bone(new Capsule(new Vec3(side * 8, canalV - 2, wc),
            new Vec3(side * (a + 22), canalV - 8, wc), 4), THIN_CORTEX_MM);
      }
      flush();
      if (n + 1 < levels.size()) {
        double nextTop = levels.get(n + 1).wTop();
        if (nextTop > vb.wBottom()) {
          c.paint(new EllipticCylinder(0, cv, a, b, vb.wBottom(), nextTop), Tissue.MUSCLE);
        }
      }
    }
    double last = levels.get(levels.size() - 1).wBottom();
    for (double w = 200; w < last + 20; w += 15) {
      Vec3 p = canalCentre(w);
      Vec3 q = canalCentre(w + 15);
      c.paint(new Capsule(p, q, CANAL_RADIUS), Tissue.SPINAL_CORD);
    }
    Rotation sacralAxes = Rotation.fromAxes(new Vec3(0, 0.42, 0.91), new Vec3(1, 0, 0));
    bone(new Ellipsoid(new Vec3(0, 72, 838), new Vec3(50, 46, 17), sacralAxes), THIN_CORTEX_MM);
    flush();
  }

  private static Vec3 canalCentre(double w) {
    return new Vec3(0, ReferenceBody.SPINE_V.at(w) + ReferenceBody.VERTEBRA_HALF_V.at(w) + 10, w);
  }

  private void ribs() {
    List<ReferenceBody.Vertebra> levels = ReferenceBody.vertebrae();
    int segments = 12;
    for (int rib = 1; rib <= 12; rib++) {
      String name = "T" + rib;
      ReferenceBody.Vertebra thoracic = levels.stream()
          .filter(v -> v.name().equals(name)).findFirst().orElseThrow();
      double w0 = thoracic.wCentre();
      double theta0 = Math.toRadians(22);
      double theta1 = Math.toRadians(rib <= 7 ? 158 : rib <= 10 ? 132 - (rib - 8) * 6 : rib == 11 ? 100 : 80);
      double drop = 50 + 4 * rib;
      for (int side : new int[] {-1, 1}) {
        Vec3 prev = null;
        for (int s = 0; s <= segments; s++) {
          double f = (double) s / segments;
          double w = w0 + drop * Math.pow(f, 1.3);
          double theta = theta0 + f * (theta1 - theta0);
          ProfiledTube.Station st = ReferenceBody.RIB_CAGE.at(w);
          Vec3 p = new Vec3(side * st.halfU() * Math.sin(theta),
              st.centreV() + st.halfV() * Math.cos(theta), w);
          if (prev != null) {
            bone(new Capsule(prev, p, RIB_RADIUS), THIN_CORTEX_MM);
          }
          prev = p;
        }
      }
    }
    for (double w = 335; w < 545; w += 15) {
      ProfiledTube.Station st = ReferenceBody.RIB_CAGE.at(w + 7.5);
      double front = st.centreV() - st.halfV() + 4;
      bone(new EllipticCylinder(0, front, w < 380 ? 22 : 15, 7, w, w + 15), THIN_CORTEX_MM);
    }
    flush();
  }

  private void shoulderGirdle() {
    ProfiledTube.Station top = ReferenceBody.RIB_CAGE.at(338);
    double front = top.centreV() - top.halfV();
    for (int side : new int[] {-1, 1}) {
      Vec3[] clavicle = {new Vec3(side * 16, front - 2, 336), new Vec3(side * 75, -62, 328),
          new Vec3(side * 140, -30, 328), new Vec3(side * 158, -8, 336)};
      for (int s = 1; s < clavicle.length; s++) {
        bone(new Capsule(clavicle[s - 1], clavicle[s], 7), THIN_CORTEX_MM);
      }
      Rotation plane = Rotation.fromAxes(new Vec3(side, -0.5, 0), new Vec3(0, 0, 1));
      bone(new Ellipsoid(new Vec3(side * 95, 104, 420), new Vec3(48, 72, 7), plane),
          THIN_CORTEX_MM);
      bone(Ellipsoid.sphere(new Vec3(side * 140, 30, 348), 22), VERTEBRA_CORTEX_MM);
    }
    flush();
  }

  private void pelvis() {
    for (int side : new int[] {-1, 1}) {
      Rotation wing = Rotation.fromAxes(new Vec3(side * 0.7, -0.7, 0), new Vec3(0, 0, 1));
      bone(new Ellipsoid(new Vec3(side * 85, 32, 805), new Vec3(60, 45, 11), wing),
          VERTEBRA_CORTEX_MM);
      bone(new Capsule(new Vec3(side * 85, 25, 830), new Vec3(side * 86, 12, 872), 16),
          VERTEBRA_CORTEX_MM);
      Vec3 head = new Vec3(side * 86, 8, 880);
      bone(Ellipsoid.sphere(head, 24), VERTEBRA_CORTEX_MM);
      bone(new Capsule(new Vec3(side * 80, -2, 884), new Vec3(side * 14, -48, 893), 9),
          THIN_CORTEX_MM);
      bone(new Capsule(new Vec3(side * 82, 24, 890), new Vec3(side * 58, 40, 928), 12),
          VERTEBRA_CORTEX_MM);
      Vec3 neckEnd = new Vec3(side * 118, 12, 902);
      bone(new Capsule(head, neckEnd, 15), VERTEBRA_CORTEX_MM);
      bone(Ellipsoid.sphere(new Vec3(side * 124, 16, 896), 18), VERTEBRA_CORTEX_MM);
      bone(new Capsule(neckEnd, new Vec3(side * 96, 16, 1300), 14), LONG_BONE_CORTEX_MM);
    }
    flush();
  }
}
