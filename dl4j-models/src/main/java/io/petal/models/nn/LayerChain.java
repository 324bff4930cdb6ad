package io.petal.models.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Layers applied one after another; backward runs them in reverse. */
public final class LayerChain implements Layer {
  private final String name;
  private final List<Layer> layers;

  /** A chain of {@code layers}; each layer's input channels must equal the previous layer's output channels. */
  public LayerChain(String name, List<? extends Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException(name + ": a chain needs at least one layer");
    }
    for (int i = 1; i < layers.size(); i++) {
      Layer prev = layers.get(i - 1);
      Layer next = layers.get(i);
      if (prev.outputChannels() != next.inputChannels()) {
        throw new IllegalArgumentException(name + ": " + prev.name() + " gives " + prev.outputChannels() + " channels but "
            + next.name() + " takes " + next.inputChannels());
      }
    }
    this.name = name;
    this.layers = List.copyOf(layers);
  }

  /** The layers, in forward order. */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int inputChannels() {
    return layers.get(0).inputChannels();
  }

  @Override
  public int outputChannels() {
    return layers.get(layers.size() - 1).outputChannels();
  }

  @Override
  public INDArray forward(INDArray input) {
    INDArray x = input;
    for (Layer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    INDArray g = gradOutput;
    for (int i = layers.size() - 1; i >= 0; i--) {
      g = layers.get(i).backward(g);
    }
    return g;
  }
}
