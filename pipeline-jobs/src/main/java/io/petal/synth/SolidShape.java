package io.petal.synth;

/** A primitive shape that can be shrunk uniformly, e.g. to get the marrow inside a bone's cortex. */
interface SolidShape extends Shape {

  /**
   * The same shape with its surface moved inwards by {@code mm}, or {@code null} when nothing
   * would remain.
   */
  SolidShape inset(double mm);
}
