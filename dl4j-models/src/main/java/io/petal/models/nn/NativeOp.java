package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A libnd4j custom op bound once to fixed input and output arrays, run many times.
 *
 * <p>Layers rebuild their ops only when their buffers change, so each training step makes one
 * native call per op and creates no op objects.
 */
final class NativeOp implements Runnable {
  private final DynamicCustomOp op;

  private NativeOp(DynamicCustomOp op) {
    this.op = op;
  }

  /** The op {@code name} reading {@code inputs}, writing {@code outputs}, with integer arguments {@code iArgs}. */
  static NativeOp of(String name, INDArray[] inputs, INDArray[] outputs, int... iArgs) {
    return new NativeOp(DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs).addIntegerArguments(iArgs).build());
  }

  /** Same, with boolean arguments instead of integer ones. */
  static NativeOp withBooleans(String name, INDArray[] inputs, INDArray[] outputs, boolean... bArgs) {
    return new NativeOp(DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs).addBooleanArguments(bArgs).build());
  }

  @Override
  public void run() {
    Nd4j.exec(op);
  }
}
