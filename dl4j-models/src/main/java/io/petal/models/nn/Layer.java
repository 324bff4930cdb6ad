package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable step of a network over NHWC float32 tensors ([batch, height, width, channels]).
 *
 * <p>Layers own their output and input-gradient buffers and reuse them from step to step (one set
 * per input array they have seen, e.g. per micro-batch size), so a training step allocates no
 * large arrays. The arrays a layer returns stay valid until its next {@code forward} on the same
 * input.
 *
 * <p>Call order: {@link #forward} then at most one {@link #backward}, which may overwrite the
 * layer's forward activations (ReLU masks are computed in place) and writes the gradients of the
 * layer's parameters into their {@link Parameter#gradient()} views (overwriting, not adding).
 */
public interface Layer {
  /** Unique name within its network, e.g. {@code pet_encoder/down0}. */
  String name();

  /** Number of channels the input must have. */
  int inputChannels();

  /** Number of channels of the output. */
  int outputChannels();

  /** Computes the output for {@code input} ([batch, height, width, inputChannels]). */
  INDArray forward(INDArray input);

  /**
   * Back-propagates {@code gradOutput} (same shape as the last output; may be modified in place)
   * and returns the gradient with respect to the last input.
   */
  INDArray backward(INDArray gradOutput);
}
