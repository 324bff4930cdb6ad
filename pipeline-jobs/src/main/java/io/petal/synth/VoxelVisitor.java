package io.petal.synth;

/** Receives one voxel: its flat index and its reference-frame position (mm). */
@FunctionalInterface
interface VoxelVisitor {
  void visit(int index, double u, double v, double w);
}
