package io.petal.suv;

/**
 * Timing values of one PET instance (one frame or bed position) of a series, as written in its
 * header. Strings are raw DICOM values; {@code null} means the attribute is absent.
 *
 * @param acquisitionDate AcquisitionDate (0008,0022), DA
 * @param acquisitionTime AcquisitionTime (0008,0032), TM
 * @param frameReferenceTimeMs FrameReferenceTime (0054,1300) in ms: offset of the time the pixel
 *     values occurred (the frame's mid-time) from the series reference time
 * @param actualFrameDurationMs ActualFrameDuration (0018,1242) in ms
 */
public record PetInstanceTiming(
    String acquisitionDate,
    String acquisitionTime,
    Double frameReferenceTimeMs,
    Double actualFrameDurationMs) {}
