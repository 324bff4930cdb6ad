package io.petal.models.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts synthetic lesions into a 2.5D stack of normal PET/CT slices, giving segmentation labels
 * for free (the "synthetic tumour" method, docs/methods.md §4, adapted to PET/CT: a hot SUV focus
 * with a slight CT correlate).
 *
 * <p>Each lesion is a 3D ellipsoid cut by every slice of the stack, so neighbouring slices show
 * consistent, smaller (or equal) cross-sections:
 * <ol>
 *   <li><b>Place</b>: a random body pixel of the centre slice; the lesion centre lies within half a
 *       slice spacing (and half its own z half-axis) of the centre slice. A place is refused when
 *       less than {@code minBodyFraction} of the centre-slice cross-section is body, when it
 *       overlaps an earlier lesion, or when its mean SUV is above the {@code hotQuantile} of the
 *       centre slice's body SUV (on or against the brain, heart, bladder); up to {@code maxAttempts} places are
 *       tried, then the lesion is given up.</li>
 *   <li><b>Shape</b>: base radius r drawn in the configured range, each half-axis in
 *       [0.75·r, 1.25·r], random in-plane rotation.</li>
 *   <li><b>Edge</b>: weight w = 1 / (1 + exp(s / edgeMm)), s the signed distance (mm) from the
 *       surface along the ray from the centre (negative inside): 0.5 on the surface.</li>
 *   <li><b>Texture</b>: t = max(0, 1 + textureAmplitude · n) with n smooth 3D noise (N(0, 1) on a
 *       lattice of {@code textureScaleMm}, trilinear).</li>
 *   <li><b>Intensities</b>: PET += w · (contrast − 1) · background · t, so a lesion on a uniform
 *       background of SUV b reaches about contrast · b; background = median SUV of the body pixels
 *       under the lesion's centre-slice cross-section. CT += w · ctDelta.</li>
 * </ol>
 * Only body pixels are changed. A pixel is labelled when it is inside the ellipsoid (w ≥ 0.5) and
 * body. All draws come from the given random state, in a fixed order: the same state gives the same
 * lesions. The inserter holds no state besides its configuration: one instance can serve many
 * threads, each with its own random state.
 */
public final class SyntheticLesionInserter {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticLesionInserter.class);
  /** Edge widths beyond the surface after which the weight (below 0.25 %) is dropped. */
  private static final double EDGE_CUTOFF = 6;

  private final LesionSynthesisConfig config;

  public SyntheticLesionInserter(LesionSynthesisConfig config) {
    this.config = config;
  }

  public LesionSynthesisConfig config() {
    return config;
  }

  /**
   * Inserts 1..maxLesions lesions into one stack, in place.
   *
   * @param petSuv [slices, size, size] PET in SUV, x fastest; modified in place
   * @param ctHu [slices, size, size] CT in HU, x fastest; modified in place
   * @param bodyMask [slices, size, size] 0/1 body mask (e.g.
   *     {@link io.petal.models.InputNormalisation#bodyMask} of the CT); nothing outside it changes
   * @param geometry the stack's shape and spacing
   * @param random source of every draw
   * @return the labels and the lesions' parameters; no lesions when the centre slice has no body
   */
  public SyntheticLesions insert(float[] petSuv, float[] ctHu, float[] bodyMask, SliceStackGeometry geometry,
      SplittableRandom random) {
    check("petSuv", petSuv, geometry);
    check("ctHu", ctHu, geometry);
    check("bodyMask", bodyMask, geometry);
    float[] labels = new float[geometry.voxels()];
    int[] candidates = centreBodyPixels(bodyMask, geometry);
    if (candidates.length == 0) {
      LOG.debug("no body pixel in the centre slice: no lesion inserted");
      return new SyntheticLesions(geometry, labels, List.of());
    }
    double hotLimit = quantile(petSuv, candidates, geometry.centre() * geometry.plane(), config.hotQuantile());
    int wanted = random.nextInt(config.minLesions(), config.maxLesions() + 1);
    List<InsertedLesion> inserted = new ArrayList<>();
    for (int l = 0; l < wanted; l++) {
      for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
        InsertedLesion drawn = draw(random, candidates, geometry);
        long textureSeed = random.nextLong();
        double background = backgroundIfFree(drawn, petSuv, bodyMask, labels, geometry, hotLimit);
        if (!Double.isNaN(background)) {
          InsertedLesion lesion = withBackground(drawn, background);
          paint(lesion, new SplittableRandom(textureSeed), petSuv, ctHu, bodyMask, labels, geometry);
          inserted.add(lesion);
          break;
        }
      }
    }
    if (inserted.size() < wanted) {
      LOG.debug("placed {} of {} lesions within {} attempts each", inserted.size(), wanted, config.maxAttempts());
    }
    return new SyntheticLesions(geometry, labels, inserted);
  }

  private InsertedLesion draw(SplittableRandom random, int[] candidates, SliceStackGeometry g) {
    int pixel = candidates[random.nextInt(candidates.length)];
    double r = uniform(random, config.minRadiusMm(), config.maxRadiusMm());
    double au = r * uniform(random, 0.75, 1.25);
    double av = r * uniform(random, 0.75, 1.25);
    double az = r * uniform(random, 0.75, 1.25);
    double offset = uniform(random, -1, 1) * Math.min(g.sliceSpacingMm() / 2, az / 2);
    double angle = uniform(random, 0, Math.PI);
    double contrast = uniform(random, config.minContrast(), config.maxContrast());
    double ctDelta = uniform(random, config.minCtDeltaHu(), config.maxCtDeltaHu());
    return new InsertedLesion(pixel % g.size(), pixel / g.size(), offset, au, av, az, angle, contrast, Double.NaN, ctDelta);
  }

  /**
   * The median SUV of the body pixels under the lesion's centre-slice cross-section, or NaN when the
   * place is refused (too little body, overlap with an earlier lesion, mean SUV above the hot limit).
   */
  private double backgroundIfFree(InsertedLesion lesion, float[] pet, float[] body, float[] labels, SliceStackGeometry g,
      double hotLimit) {
    double z = -lesion.centreOffsetMm();
    int base = g.centre() * g.plane();
    int extentX = (int) Math.ceil(lesion.maxHalfAxisMm() / g.pixelSpacingXMm());
    int extentY = (int) Math.ceil(lesion.maxHalfAxisMm() / g.pixelSpacingYMm());
    float[] values = new float[(2 * extentX + 1) * (2 * extentY + 1)];
    int inside = 0;
    int bodyCount = 0;
    double sum = 0;
    for (int y = lesion.centreY() - extentY; y <= lesion.centreY() + extentY; y++) {
      for (int x = lesion.centreX() - extentX; x <= lesion.centreX() + extentX; x++) {
        double d = lesion.distance((x - lesion.centreX()) * g.pixelSpacingXMm(), (y - lesion.centreY()) * g.pixelSpacingYMm(), z);
        if (d > 1) {
          continue;
        }
        inside++;
        boolean inImage = x >= 0 && y >= 0 && x < g.size() && y < g.size();
        int i = base + y * g.size() + x;
        if (inImage && labels[i] > 0) {
          return Double.NaN;
        }
        if (inImage && body[i] > 0) {
          values[bodyCount++] = pet[i];
          sum += pet[i];
        }
      }
    }
    if (inside == 0 || bodyCount < config.minBodyFraction() * inside || sum / bodyCount > hotLimit) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, bodyCount);
    return bodyCount % 2 == 1 ? values[bodyCount / 2] : 0.5 * (values[bodyCount / 2 - 1] + values[bodyCount / 2]);
  }

  private void paint(InsertedLesion lesion, SplittableRandom textureRandom, float[] pet, float[] ct, float[] body,
      float[] labels, SliceStackGeometry g) {
    double edge = config.edgeMm();
    double reach = lesion.maxHalfAxisMm() + EDGE_CUTOFF * edge;
    SmoothNoise texture = new SmoothNoise(reach, config.textureScaleMm(), textureRandom);
    double uptake = (lesion.contrast() - 1) * lesion.backgroundSuv();
    int extentX = (int) Math.ceil(reach / g.pixelSpacingXMm());
    int extentY = (int) Math.ceil(reach / g.pixelSpacingYMm());
    for (int k = 0; k < g.slices(); k++) {
      double z = (k - g.centre()) * g.sliceSpacingMm() - lesion.centreOffsetMm();
      if (Math.abs(z) > reach) {
        continue;
      }
      int base = k * g.plane();
      for (int y = Math.max(0, lesion.centreY() - extentY); y <= Math.min(g.size() - 1, lesion.centreY() + extentY); y++) {
        for (int x = Math.max(0, lesion.centreX() - extentX); x <= Math.min(g.size() - 1, lesion.centreX() + extentX); x++) {
          int i = base + y * g.size() + x;
          if (!(body[i] > 0)) {
            continue;
          }
          double xMm = (x - lesion.centreX()) * g.pixelSpacingXMm();
          double yMm = (y - lesion.centreY()) * g.pixelSpacingYMm();
          double d = lesion.distance(xMm, yMm, z);
          // signed distance from the surface along the ray from the centre, mm
          double radius = Math.sqrt(xMm * xMm + yMm * yMm + z * z);
          double signed = d > 0 ? radius * (1 - 1 / d) : Double.NEGATIVE_INFINITY;
          if (signed > EDGE_CUTOFF * edge) {
            continue;
          }
          double weight = 1 / (1 + Math.exp(signed / edge));
          double t = Math.max(0, 1 + config.textureAmplitude() * texture.at(xMm, yMm, z));
          pet[i] += (float) (weight * uptake * t);
          ct[i] += (float) (weight * lesion.ctDeltaHu());
          if (d <= 1) {
            labels[i] = 1f;
          }
        }
      }
    }
  }

  private static InsertedLesion withBackground(InsertedLesion l, double background) {
    return new InsertedLesion(l.centreX(), l.centreY(), l.centreOffsetMm(), l.halfAxisUMm(), l.halfAxisVMm(),
        l.halfAxisZMm(), l.angle(), l.contrast(), background, l.ctDeltaHu());
  }

  private static int[] centreBodyPixels(float[] body, SliceStackGeometry g) {
    int base = g.centre() * g.plane();
    return IntStream.range(0, g.plane()).filter(p -> body[base + p] > 0).toArray();
  }

  /** The q-quantile (nearest rank) of {@code values[offset + p]} over the pixels {@code p}. */
  private static double quantile(float[] values, int[] pixels, int offset, double q) {
    float[] sorted = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      sorted[i] = values[offset + pixels[i]];
    }
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double uniform(SplittableRandom random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  private static void check(String what, float[] array, SliceStackGeometry g) {
    if (array == null || array.length != g.voxels()) {
      throw new IllegalArgumentException(what + " must hold " + g.voxels() + " values (" + g.slices() + " slices x "
          + g.size() + " x " + g.size() + "), got " + (array == null ? "null" : array.length));
    }
  }
}
