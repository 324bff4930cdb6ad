package io.petal.scoring;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scoring throughput on synthetic slices, for benchmarks/score_vs_pytorch.sh. Times
 * {@link AnomalyMapper#mapBatch} — the per-batch work of {@link ScoringJob}: SUV-threshold
 * masking of the PET input, normalisation, the forward pass, residual restricted to the body,
 * Gaussian smoothing, slice scores — on one batch of windows of a synthetic abnormal study
 * ({@link PhantomWindows}), with a freshly initialised default autoencoder (weights do not change
 * the work). Prints one {@code RESULT} line.
 *
 * <pre>
 * --size 128 --batch 32 --warmup 5 --steps 10 --reps 3
 * --micro-batch N   slices per forward pass (default: AutoencoderModel's pixel budget)
 * --export DIR      also write inputs, weights, settings and Petal's results for the PyTorch twin
 *                   ({@link ScoringTwinExport})
 * </pre>
 * Threads: set OMP_NUM_THREADS before the JVM starts.
 */
public final class ScoringBenchmark {
  private static final long PHANTOM_SEED = 5;

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(arg(args, "--size", "128"));
    int batch = Integer.parseInt(arg(args, "--batch", "32"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
    int steps = Integer.parseInt(arg(args, "--steps", "10"));
    int reps = Integer.parseInt(arg(args, "--reps", "3"));
    int micro = Integer.parseInt(arg(args, "--micro-batch", "0"));
    String export = arg(args, "--export", null);

    AutoencoderConfig config = AutoencoderConfig.builder().size(size).maskPatchSize(Math.min(16, size))
        .pixelSpacingMm(PhantomWindows.pixelMmCoveringPhantom(size)).build();
    AutoencoderModel model = AutoencoderModel.create(config);
    if (micro > 0) {
      model.setMicroBatchLimit(micro);
    }
    ScoringSettings d = ScoringSettings.DEFAULT;
    ScoringSettings settings = new ScoringSettings(d.threshold(), d.smoothingFwhmMm(), d.topK(), batch);
    double threshold = settings.threshold().fixedSuv();
    AnomalyMapper mapper = new AnomalyMapper(model, settings);
    PhantomWindows windows = PhantomWindows.of(PHANTOM_SEED, batch, config);
    float[] anomaly = new float[batch * size * size];
    float[] scores = new float[batch];
    float[] hidden = new float[batch];
    Runnable step = () -> mapper.mapBatch(new float[][] {windows.pet(), windows.ct()}, batch, threshold,
        config.pixelSpacingMm(), anomaly, scores, hidden, 0);
    if (export != null) {
      step.run();
      ScoringTwinExport.write(Path.of(export), model, settings, threshold, windows, anomaly, scores, hidden);
    }
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    List<Double> msPerStep = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        step.run();
      }
      msPerStep.add((System.nanoTime() - t0) / 1e6 / steps);
    }
    double[] sorted = msPerStep.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double best = sorted[0];
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    System.out.printf(Locale.ROOT, "RESULT impl=petal size=%d batch=%d threads=%d micro_batch=%d ms_per_batch=%s"
        + " best_slices_per_s=%.1f median_slices_per_s=%.1f%n", size, batch, Nd4j.getEnvironment().maxThreads(),
        model.microBatchLimit(), Arrays.toString(msPerStep.stream().mapToLong(Math::round).toArray()),
        1000 * batch / best, 1000 * batch / median);
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
