package io.petal.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the current Spark task's thread to the GPU Spark assigned to the task
 * ({@code spark.task.resource.gpu.amount}), so that executors sharing a node use their own GPUs.
 * Without a GPU resource (CPU clusters, local mode) it does nothing; on ND4J's CPU backend the
 * device call is a no-op.
 */
public final class TaskGpu {
  private static final Logger LOG = LoggerFactory.getLogger(TaskGpu.class);

  private TaskGpu() {}

  /** Call at the start of a task that runs ND4J; returns the GPU index used, or -1. */
  public static int bind() {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return -1;
    }
    ResourceInformation gpu = task.resourcesJMap().get("gpu");
    if (gpu == null || gpu.addresses().length == 0) {
      return -1;
    }
    int device = Integer.parseInt(gpu.addresses()[0].trim());
    int devices = Nd4j.getAffinityManager().getNumberOfDevices();
    if (devices > 1) {
      Nd4j.getAffinityManager().unsafeSetDevice(device);
    }
    LOG.debug("task {} bound to GPU {} ({} visible)", task.taskAttemptId(), device, devices);
    return device;
  }
}
