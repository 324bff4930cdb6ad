package io.petal.suv;

/**
 * The scan (series reference) date-time of a PET series and why it was chosen.
 *
 * @param dateTime the chosen date-time
 * @param rule the rule that chose it
 * @param why one line naming the compared values, for the studies table
 */
public record ScanTime(DicomDateTime dateTime, ScanTimeRule rule, String why) {}
