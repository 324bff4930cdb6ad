package io.petal.ingest.dicom;

/**
 * One frame of a DICOM SEG: which segment it belongs to and where it lies.
 *
 * @param index 0-based frame number in the pixel data
 * @param segmentNumber ReferencedSegmentNumber (0062,000B) of the frame's
 *     SegmentIdentificationSequence
 * @param positionMm ImagePositionPatient (0020,0032) of the frame's PlanePositionSequence: the
 *     centre of its first pixel in patient LPS+ mm (3 values)
 */
record SegFrame(int index, int segmentNumber, double[] positionMm) {}
