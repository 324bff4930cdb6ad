package io.petal.models.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Picks some channels of an NHWC tensor (e.g. one channel group's slices, the input of one
 * branch), and puts a gradient of the picked channels back into a gradient of the whole tensor.
 * Copies go by runs of consecutive channels, one strided copy per run. Output buffers are kept per
 * input array (a few at most: one per micro-batch size).
 */
public final class ChannelSelection {
  private static final int MAX_BINDINGS = 8;

  private final String name;
  private final int[] channels;
  /** Runs of consecutive channels: {from, to (exclusive), first output channel}. */
  private final List<long[]> runs = new ArrayList<>();
  private final Map<INDArray, INDArray> outputs = new IdentityHashMap<>();

  /** @param channels the input channels to pick, in output order; distinct, ≥ 0 */
  public ChannelSelection(String name, int[] channels) {
    if (channels.length == 0 || Arrays.stream(channels).distinct().count() != channels.length
        || Arrays.stream(channels).anyMatch(c -> c < 0)) {
      throw new IllegalArgumentException(name + ": channels must be distinct and >= 0, got " + Arrays.toString(channels));
    }
    this.name = name;
    this.channels = channels.clone();
    int start = 0;
    for (int i = 1; i <= channels.length; i++) {
      if (i == channels.length || channels[i] != channels[i - 1] + 1) {
        runs.add(new long[] {channels[start], channels[i - 1] + 1, start});
        start = i;
      }
    }
  }

  /** The picked input channels, in output order (a copy). */
  public int[] channels() {
    return channels.clone();
  }

  /** [B, H, W, C] → [B, H, W, picked], picked channels in the constructor's order. */
  public INDArray gather(INDArray input) {
    long[] s = input.shape();
    int highest = Arrays.stream(channels).max().orElseThrow();
    if (s.length != 4 || s[3] <= highest) {
      throw new IllegalArgumentException(name + ": cannot pick channel " + highest + " of shape " + Arrays.toString(s));
    }
    INDArray output = outputs.get(input);
    if (output == null) {
      if (outputs.size() >= MAX_BINDINGS) {
        outputs.clear();
      }
      output = Nd4j.create(DataType.FLOAT, s[0], s[1], s[2], channels.length);
      outputs.put(input, output);
    }
    for (long[] run : runs) {
      part(output, run[2], run[2] + run[1] - run[0]).assign(part(input, run[0], run[1]));
    }
    return output;
  }

  /**
   * Writes {@code gradPicked} [B, H, W, picked] into the picked channels of {@code gradInput}
   * [B, H, W, C]; the other channels are left as they are.
   */
  public void scatter(INDArray gradPicked, INDArray gradInput) {
    for (long[] run : runs) {
      part(gradInput, run[0], run[1]).assign(part(gradPicked, run[2], run[2] + run[1] - run[0]));
    }
  }

  private static INDArray part(INDArray nhwc, long from, long to) {
    INDArrayIndex all = NDArrayIndex.all();
    return nhwc.get(all, all, all, NDArrayIndex.interval(from, to));
  }
}
