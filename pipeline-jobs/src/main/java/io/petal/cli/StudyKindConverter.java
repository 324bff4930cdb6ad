package io.petal.cli;

import io.petal.schema.StudyKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --kind pet-ct|brain-mri|spect-bone}. */
final class StudyKindConverter implements ITypeConverter<StudyKind> {
  @Override
  public StudyKind convert(String value) {
    try {
      return StudyKind.of(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
