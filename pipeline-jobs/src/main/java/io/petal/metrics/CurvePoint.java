package io.petal.metrics;

import java.io.Serializable;

/**
 * One point of a ROC curve (x = false-positive rate, y = true-positive rate) or a
 * precision-recall curve (x = recall, y = precision), reached by calling every score
 * {@code >= threshold} positive. The ROC curve's start point (0, 0) calls nothing positive and
 * has threshold NaN.
 */
public record CurvePoint(double x, double y, float threshold) implements Serializable {}
