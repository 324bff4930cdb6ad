package io.petal.synth;

/** A condition on a point of the reference-body frame (u, v, w in mm). */
@FunctionalInterface
interface PointPredicate {
  boolean test(double u, double v, double w);
}
