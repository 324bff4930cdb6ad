package io.petal.training;

import java.io.Serializable;

/**
 * One study on the network grid with the centre slices the normal-slice rule accepted as
 * training targets; their neighbours (the 2.5D channels) may be any slice of the stack.
 */
public record TrainingStudy(String studyKey, NetworkStack stack, int[] centres) implements Serializable {}
