package io.petal.scoring;

import io.petal.image.GaussianBlur;
import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.InputNormalisation;
import io.petal.models.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what the PyTorch twin of scoring (benchmarks/score_vs_pytorch/score_pytorch.py) needs to
 * run the same computation on the same data, and Petal's own results to compare against.
 *
 * <p>Files in the directory (float32 little-endian, C order):
 * <ul>
 *   <li>{@code pet.f32}, {@code ct.f32}: the inputs, [batch, slices, size, size], SUV and HU;</li>
 *   <li>{@code params.f32}: the model's flat parameter vector; {@code params.txt}: one line per
 *       parameter, {@code name offset dim0 dim1 ...} (libnd4j layouts, see the layer classes);</li>
 *   <li>{@code anomaly.f32} [batch, size, size] SUV, {@code scores.f32} [batch] SUV,
 *       {@code hidden.f32} [batch]: Petal's anomaly maps, slice scores and hidden fractions;</li>
 *   <li>{@code settings.txt}: {@code key=value} lines (shapes, threshold SUV, smoothing sigma in
 *       pixels, top-k, mask fill and indicator, normalisation).</li>
 * </ul>
 */
final class ScoringTwinExport {
  private ScoringTwinExport() {}

  static void write(Path dir, AutoencoderModel model, ScoringSettings settings, double thresholdSuv,
      PhantomWindows windows, float[] anomaly, float[] scores, float[] hidden) throws IOException {
    Files.createDirectories(dir);
    floats(dir.resolve("pet.f32"), windows.pet());
    floats(dir.resolve("ct.f32"), windows.ct());
    floats(dir.resolve("params.f32"), model.parameterStore().toArray());
    String params = model.parameterStore().parameters().stream()
        .map(p -> p.name() + " " + p.offset() + " "
            + Arrays.stream(p.shape()).mapToObj(Long::toString).collect(Collectors.joining(" ")))
        .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(dir.resolve("params.txt"), params, StandardCharsets.UTF_8);
    floats(dir.resolve("anomaly.f32"), anomaly);
    floats(dir.resolve("scores.f32"), scores);
    floats(dir.resolve("hidden.f32"), hidden);
    Files.writeString(dir.resolve("settings.txt"), settings(model.config(), settings, thresholdSuv, windows.batch()),
        StandardCharsets.UTF_8);
  }

  private static String settings(AutoencoderConfig c, ScoringSettings s, double thresholdSuv, int batch) {
    InputNormalisation n = c.normalisation();
    Map<String, Object> kv = new LinkedHashMap<>();
    kv.put("batch", batch);
    kv.put("size", c.size());
    kv.put("neighbours", c.neighbours());
    kv.put("base_filters", c.baseFilters());
    kv.put("depth", c.depth());
    kv.put("latent_channels", c.latentChannels());
    kv.put("mask_indicator", c.maskIndicator());
    kv.put("mask_fill", c.maskFill());
    kv.put("pet_suv_scale", n.petSuvScale());
    kv.put("pet_suv_clip", n.petSuvClip());
    kv.put("ct_hu_min", n.ctHuMin());
    kv.put("ct_hu_max", n.ctHuMax());
    kv.put("body_hu_threshold", n.bodyHuThreshold());
    kv.put("threshold_suv", thresholdSuv);
    kv.put("smoothing_sigma_px", s.smoothingFwhmMm() / GaussianBlur.FWHM_PER_SIGMA / c.pixelSpacingMm());
    kv.put("top_k", s.topK());
    return kv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
  }

  private static void floats(Path file, float[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(buf.array());
    }
  }
}
