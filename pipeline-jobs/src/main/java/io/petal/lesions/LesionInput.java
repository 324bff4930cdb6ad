package io.petal.lesions;

import io.petal.tables.StudyImages;
import java.io.Serializable;
import java.util.SortedMap;

/**
 * One study as {@code petal lesions} measures it: its images and annotations from {@code slices},
 * and the masks predicted for it, by model name (each a uint8 array on the study's grid, x fastest,
 * non-zero = lesion; empty when no model predicted this study).
 */
public record LesionInput(StudyImages images, SortedMap<String, byte[]> predicted) implements Serializable {}
