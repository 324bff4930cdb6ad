package io.petal.lesions;

import io.petal.tables.StudyInfo;
import java.io.Serializable;
import java.util.List;

/** Everything {@code petal lesions} measured on one study: one entry per mask (annotation or model). */
public record StudyLesions(StudyInfo info, List<MeasuredMask> masks) implements Serializable {}
