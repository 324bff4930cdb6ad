package io.petal.ingest;

/**
 * One row of the {@code slices} table before it is written (see {@code SlicesTable} for the
 * column meanings and tensor shapes). Rows from a {@link SliceCutter} share their tensor arrays
 * with the next row it cuts.
 *
 * @param image  float32 LE [channels, height, width]
 * @param labels uint8 [label sources, height, width], or null without labels
 */
public record SliceRecord(int sliceIndex, double zMm, String view, int width, int height, int channelCount,
    byte[] image, int labelCount, byte[] labels, int lesionVoxels, float channel0Max, Float lesionChannel0Max) {}
