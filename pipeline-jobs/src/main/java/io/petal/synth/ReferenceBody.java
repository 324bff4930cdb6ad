package io.petal.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The landmarks of the reference adult body shared by the anatomy painters (all in the
 * reference frame of {@link BodyFrame}: u left, v posterior, w down from the vertex; mm). The
 * numbers are rounded textbook proportions of a 175 cm adult: skull base at w ≈ 180, shoulders
 * at ≈ 340, diaphragm domes at ≈ 560, iliac crests at ≈ 770, pubic symphysis at ≈ 895.
 */
final class ReferenceBody {
  private ReferenceBody() {}

  /** The muscle outline (the body without its subcutaneous fat) of the neck and trunk. */
  static final ProfiledTube TRUNK = new ProfiledTube(List.of(
      new ProfiledTube.Station(200, 46, 48, 0, 12),
      new ProfiledTube.Station(295, 50, 52, 0, 16),
      new ProfiledTube.Station(318, 118, 78, 0, 14),
      new ProfiledTube.Station(342, 160, 95, 0, 14),
      new ProfiledTube.Station(380, 155, 100, 0, 14),
      new ProfiledTube.Station(480, 142, 104, 0, 12),
      new ProfiledTube.Station(580, 135, 104, 0, 10),
      new ProfiledTube.Station(680, 132, 100, 0, 8),
      new ProfiledTube.Station(760, 140, 95, 0, 10),
      new ProfiledTube.Station(840, 152, 90, 0, 14),
      new ProfiledTube.Station(905, 150, 86, 0, 16),
      new ProfiledTube.Station(935, 120, 76, 0, 16)), 2.6);

  /** The muscle outline of a thigh; {@code side} is +1 for the left, −1 for the right. */
  static ProfiledTube thigh(int side) {
    return new ProfiledTube(List.of(
        new ProfiledTube.Station(860, 70, 76, side * 80, 14),
        new ProfiledTube.Station(1000, 64, 70, side * 84, 16),
        new ProfiledTube.Station(1300, 54, 58, side * 86, 18)), 2.0);
  }

  /** The surface through the rib centre lines (elliptic); its inset is the thoracic cavity. */
  static final ProfiledTube RIB_CAGE = new ProfiledTube(List.of(
      new ProfiledTube.Station(314, 50, 46, 0, 22),
      new ProfiledTube.Station(340, 85, 66, 0, 14),
      new ProfiledTube.Station(380, 112, 82, 0, 12),
      new ProfiledTube.Station(440, 126, 92, 0, 12),
      new ProfiledTube.Station(520, 130, 95, 0, 12),
      new ProfiledTube.Station(600, 126, 92, 0, 14)), 2.0);

  /** The head (scalp surface). */
  static final Ellipsoid HEAD = new Ellipsoid(new Vec3(0, 5, 114), new Vec3(72, 92, 114));

  /** Posterior position (v) of the centre of the vertebral bodies along the spine. */
  static final Piecewise SPINE_V = new Piecewise(
      new double[] {215, 300, 330, 440, 560, 600, 700, 790, 830},
      new double[] {20, 28, 42, 62, 58, 50, 40, 48, 62});

  /** Half-width (u) of the vertebral bodies along the spine. */
  static final Piecewise VERTEBRA_HALF_U = new Piecewise(
      new double[] {215, 300, 330, 560, 600, 790}, new double[] {10, 12, 14, 19, 21, 24});

  /** Half-depth (v) of the vertebral bodies along the spine. */
  static final Piecewise VERTEBRA_HALF_V = new Piecewise(
      new double[] {215, 300, 330, 560, 600, 790}, new double[] {8, 9, 11, 15, 16, 17});

  /** One vertebral body: its name and its top and bottom depth (mm). */
  record Vertebra(String name, double wTop, double wBottom) {
    double wCentre() {
      return (wTop + wBottom) / 2;
    }
  }

  /** C2–C7, T1–T12 and L1–L5, head to feet. */
  static List<Vertebra> vertebrae() {
    List<Vertebra> list = new ArrayList<>();
    addLevels(list, "C", 2, 6, 222, 15, 12);
    addLevels(list, "T", 1, 12, 318, 21.5, 17);
    addLevels(list, "L", 1, 5, 585, 44, 34);
    return list;
  }

  private static void addLevels(List<Vertebra> list, String prefix, int first, int count,
      double wStart, double step, double height) {
    for (int n = 0; n < count; n++) {
      double top = wStart + n * step;
      list.add(new Vertebra(prefix + (first + n), top, top + height));
    }
  }
}
