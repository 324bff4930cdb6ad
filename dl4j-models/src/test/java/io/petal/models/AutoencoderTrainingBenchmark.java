package io.petal.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput of the autoencoder on synthetic slices, for
 * benchmarks/ae_train_vs_pytorch.sh. Prints one {@code RESULT} line.
 *
 * <pre>
 * --impl petal|samediff   petal: AutoencoderModel.fitBatch (normalisation, masks and micro-batching
 *                         included in the timed step); samediff: SameDiffAutoencoderBaseline.fit on
 *                         prebuilt tensors (no data preparation timed)
 * --size 128 --neighbours 1 --batch 32 --warmup 30 --steps 20 --reps 3
 * --micro-batch N         petal only: slices per pass (default: AutoencoderModel's pixel budget)
 * </pre>
 * Threads: set OMP_NUM_THREADS before the JVM starts.
 */
public final class AutoencoderTrainingBenchmark {
  private AutoencoderTrainingBenchmark() {}

  public static void main(String[] args) {
    String impl = arg(args, "--impl", "petal");
    int size = Integer.parseInt(arg(args, "--size", "128"));
    int neighbours = Integer.parseInt(arg(args, "--neighbours", "1"));
    int batch = Integer.parseInt(arg(args, "--batch", "32"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "30"));
    int steps = Integer.parseInt(arg(args, "--steps", "20"));
    int reps = Integer.parseInt(arg(args, "--reps", "3"));
    int micro = Integer.parseInt(arg(args, "--micro-batch", "0"));
    AutoencoderConfig config = AutoencoderConfig.builder().size(size).neighbours(neighbours)
        .maskPatchSize(Math.min(16, size)).build();
    SyntheticSlices data = new SyntheticSlices(batch, config.slices(), size, 1);
    Runnable step;
    String detail;
    if (impl.equals("petal")) {
      AutoencoderModel model = AutoencoderModel.create(config);
      if (micro > 0) {
        model.setMicroBatchLimit(micro);
      }
      step = () -> model.fitBatch(data.petSuv, data.ctHu, null, batch);
      detail = "micro_batch=" + model.microBatchLimit();
    } else if (impl.equals("samediff")) {
      SameDiffAutoencoderBaseline baseline = new SameDiffAutoencoderBaseline(config);
      BatchAssembler assembler = new BatchAssembler(config);
      BatchAssembler.Tensors t = assembler.tensors(batch);
      float[] body = config.normalisation().bodyMask(centre(data, config), config.size(), config.size());
      float[] hidden = new float[body.length];
      float[][] images = {data.petSuv, data.ctHu};
      assembler.fillInputs(t, images, hidden, 1, 0);
      assembler.fillTargets(t, images, body, hidden, 0);
      step = () -> baseline.fit(t.inputs[0], t.inputs[1], t.targets[0], t.targets[1], t.weights[0], t.weights[1]);
      detail = "micro_batch=" + batch;
    } else {
      throw new IllegalArgumentException("--impl must be petal or samediff, got " + impl);
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
    double best = msPerStep.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double[] sorted = msPerStep.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "RESULT impl=%s size=%d neighbours=%d batch=%d threads=%d %s ms_per_step=%s"
        + " best_slices_per_s=%.1f median_slices_per_s=%.1f%n", impl, size, neighbours, batch,
        Nd4j.getEnvironment().maxThreads(), detail, Arrays.toString(msPerStep.stream().mapToLong(Math::round).toArray()),
        1000 * batch / best, 1000 * batch / median);
  }

  private static float[] centre(SyntheticSlices data, AutoencoderConfig config) {
    int plane = data.size * data.size;
    float[] out = new float[data.batch * plane];
    for (int n = 0; n < data.batch; n++) {
      System.arraycopy(data.ctHu, (n * data.slices + config.neighbours()) * plane, out, n * plane, plane);
    }
    return out;
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
