package io.petal.synth;

import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.SplittableRandom;

/**
 * Further annotators of a synthetic study, so that a cohort can carry several annotation sources
 * (manifest columns {@code seg_<source>}, {@code methods.md} §3) that agree on which lesions exist
 * but not on where their borders lie, as two human readers would.
 *
 * <p>Annotator 1 is the exact lesion mask. Annotator a ≥ 2 redraws each lesion of it (a 3D
 * connected component, 18-connectivity) on the same grid:
 * <ul>
 *   <li>an even-numbered annotator is generous (a high-sensitivity reader): the lesion grown by one
 *       voxel across each of its faces;</li>
 *   <li>an odd-numbered one is conservative (a high-specificity reader): only the lesion's voxels
 *       whose six face neighbours all belong to it; a lesion too thin to keep any voxel is kept
 *       whole, so no annotator misses a lesion;</li>
 *   <li>every redrawn lesion is then shifted by a whole-voxel offset, each axis −1, 0 or +1 voxel
 *       (a contour drawn on a neighbouring slice or column), voxels shifted off the grid dropped.</li>
 * </ul>
 * The offsets come from the patient's own annotator stream, so a redrawn mask depends only on
 * (cohort seed, patient index, annotator) and the exact mask: byte-identical on every run.
 */
public final class SyntheticAnnotator {
  private static final int[][] FACES = Connectivity.FACE.offsets();

  private SyntheticAnnotator() {}

  /**
   * The mask of annotator {@code annotator} (≥ 2): 1 inside a redrawn lesion, 0 elsewhere.
   *
   * @param exact the exact lesion mask (non-zero inside a lesion), x-fastest
   */
  public static Volume redraw(Volume exact, long cohortSeed, int patientIndex, int annotator) {
    if (annotator < 2) {
      throw new IllegalArgumentException("annotator " + annotator + ": annotator 1 is the exact mask, further "
          + "annotators are numbered from 2");
    }
    ImageGrid g = exact.grid();
    ConnectedComponents lesions = ConnectedComponents.of(exact, Connectivity.EDGE);
    int[][] voxels = voxelsOf(lesions);
    SplittableRandom rng = PatientSeeds.annotatorStream(PatientSeeds.patientSeed(cohortSeed, patientIndex), annotator);
    boolean generous = annotator % 2 == 0;
    float[] out = new float[g.voxelCount()];
    for (int c = 0; c < voxels.length; c++) {
      int[] shift = {rng.nextInt(3) - 1, rng.nextInt(3) - 1, rng.nextInt(3) - 1};
      if (generous) {
        int[][] moves = new int[FACES.length + 1][];
        moves[0] = shift;
        for (int f = 0; f < FACES.length; f++) {
          moves[f + 1] = new int[] {shift[0] + FACES[f][0], shift[1] + FACES[f][1], shift[2] + FACES[f][2]};
        }
        for (int v : voxels[c]) {
          for (int[] move : moves) {
            mark(out, g, v, move);
          }
        }
      } else {
        boolean kept = false;
        for (int v : voxels[c]) {
          if (interior(lesions.labels(), g, v, c + 1)) {
            kept |= mark(out, g, v, shift);
          }
        }
        if (!kept) {
          for (int v : voxels[c]) {
            mark(out, g, v, shift);
          }
        }
      }
    }
    return new Volume(g, out);
  }

  /** The flat indices of each component's voxels, component c at index c − 1. */
  private static int[][] voxelsOf(ConnectedComponents lesions) {
    int[][] voxels = new int[lesions.count()][];
    for (int c = 0; c < voxels.length; c++) {
      voxels[c] = new int[lesions.size(c + 1)];
    }
    int[] filled = new int[voxels.length];
    int[] labels = lesions.labels();
    for (int v = 0; v < labels.length; v++) {
      if (labels[v] > 0) {
        voxels[labels[v] - 1][filled[labels[v] - 1]++] = v;
      }
    }
    return voxels;
  }

  /** True when all six face neighbours of voxel {@code v} lie on the grid and in component {@code label}. */
  private static boolean interior(int[] labels, ImageGrid g, int v, int label) {
    int i = v % g.nx();
    int j = (v / g.nx()) % g.ny();
    int k = v / g.sliceSize();
    for (int[] f : FACES) {
      int ni = i + f[0];
      int nj = j + f[1];
      int nk = k + f[2];
      if (!inside(g, ni, nj, nk) || labels[g.index(ni, nj, nk)] != label) {
        return false;
      }
    }
    return true;
  }

  /** Marks voxel {@code v} moved by {@code offset} (i, j, k voxels); false when that falls off the grid. */
  private static boolean mark(float[] out, ImageGrid g, int v, int[] offset) {
    int i = v % g.nx() + offset[0];
    int j = (v / g.nx()) % g.ny() + offset[1];
    int k = v / g.sliceSize() + offset[2];
    if (!inside(g, i, j, k)) {
      return false;
    }
    out[g.index(i, j, k)] = 1f;
    return true;
  }

  private static boolean inside(ImageGrid g, int i, int j, int k) {
    return i >= 0 && j >= 0 && k >= 0 && i < g.nx() && j < g.ny() && k < g.nz();
  }
}
