package io.petal.io.dicom;

/**
 * Tags (as {@code group << 16 | element}) of the standard attributes Petal reads, grouped by use,
 * and the vendor private attributes needed for SUV, as {@link PrivateTag}s.
 *
 * <p>Every standard tag here is also in {@link DicomDictionary}, so it reads with its proper VR
 * from implicit VR files. Units are those of the standard: mm for geometry, ms for
 * ActualFrameDuration and FrameReferenceTime, s for RadionuclideHalfLife, Bq for
 * RadionuclideTotalDose, kg for PatientWeight and m for PatientSize.
 */
public final class DicomTags {
  private DicomTags() {}

  // Items and delimiters (group FFFE; never stored in a DicomObject).
  /** (FFFE,E000) Item. */
  public static final int ITEM = 0xFFFEE000;
  /** (FFFE,E00D) ItemDelimitationItem. */
  public static final int ITEM_DELIMITATION = 0xFFFEE00D;
  /** (FFFE,E0DD) SequenceDelimitationItem. */
  public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  // File meta information (group 0002, always explicit VR little endian).
  /** (0002,0010) UI TransferSyntaxUID. */
  public static final int TRANSFER_SYNTAX_UID = 0x00020010;
  /** (0002,0002) UI MediaStorageSOPClassUID. */
  public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
  /** (0002,0003) UI MediaStorageSOPInstanceUID. */
  public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;

  // Identification: patient, study, series, instance.
  /** (0008,0005) CS SpecificCharacterSet. */
  public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  /** (0008,0008) CS ImageType. */
  public static final int IMAGE_TYPE = 0x00080008;
  /** (0008,0016) UI SOPClassUID. */
  public static final int SOP_CLASS_UID = 0x00080016;
  /** (0008,0018) UI SOPInstanceUID. */
  public static final int SOP_INSTANCE_UID = 0x00080018;
  /** (0008,0020) DA StudyDate. */
  public static final int STUDY_DATE = 0x00080020;
  /** (0008,0021) DA SeriesDate. */
  public static final int SERIES_DATE = 0x00080021;
  /** (0008,0022) DA AcquisitionDate. */
  public static final int ACQUISITION_DATE = 0x00080022;
  /** (0008,0023) DA ContentDate. */
  public static final int CONTENT_DATE = 0x00080023;
  /** (0008,002A) DT AcquisitionDateTime. */
  public static final int ACQUISITION_DATE_TIME = 0x0008002A;
  /** (0008,0030) TM StudyTime. */
  public static final int STUDY_TIME = 0x00080030;
  /** (0008,0031) TM SeriesTime. */
  public static final int SERIES_TIME = 0x00080031;
  /** (0008,0032) TM AcquisitionTime. */
  public static final int ACQUISITION_TIME = 0x00080032;
  /** (0008,0033) TM ContentTime. */
  public static final int CONTENT_TIME = 0x00080033;
  /** (0008,0050) SH AccessionNumber. */
  public static final int ACCESSION_NUMBER = 0x00080050;
  /** (0008,0060) CS Modality. */
  public static final int MODALITY = 0x00080060;
  /** (0008,0070) LO Manufacturer. */
  public static final int MANUFACTURER = 0x00080070;
  /** (0008,1090) LO ManufacturerModelName. */
  public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
  /** (0008,1030) LO StudyDescription. */
  public static final int STUDY_DESCRIPTION = 0x00081030;
  /** (0008,103E) LO SeriesDescription. */
  public static final int SERIES_DESCRIPTION = 0x0008103E;
  /** (0010,0010) PN PatientName. */
  public static final int PATIENT_NAME = 0x00100010;
  /** (0010,0020) LO PatientID. */
  public static final int PATIENT_ID = 0x00100020;
  /** (0010,0030) DA PatientBirthDate. */
  public static final int PATIENT_BIRTH_DATE = 0x00100030;
  /** (0010,0040) CS PatientSex. */
  public static final int PATIENT_SEX = 0x00100040;
  /** (0010,1010) AS PatientAge. */
  public static final int PATIENT_AGE = 0x00101010;
  /** (0010,1020) DS PatientSize. */
  public static final int PATIENT_SIZE = 0x00101020;
  /** (0010,1030) DS PatientWeight. */
  public static final int PATIENT_WEIGHT = 0x00101030;
  /** (0020,000D) UI StudyInstanceUID. */
  public static final int STUDY_INSTANCE_UID = 0x0020000D;
  /** (0020,000E) UI SeriesInstanceUID. */
  public static final int SERIES_INSTANCE_UID = 0x0020000E;
  /** (0020,0010) SH StudyID. */
  public static final int STUDY_ID = 0x00200010;
  /** (0020,0011) IS SeriesNumber. */
  public static final int SERIES_NUMBER = 0x00200011;
  /** (0020,0012) IS AcquisitionNumber. */
  public static final int ACQUISITION_NUMBER = 0x00200012;
  /** (0020,0013) IS InstanceNumber. */
  public static final int INSTANCE_NUMBER = 0x00200013;
  /** (0018,0015) CS BodyPartExamined. */
  public static final int BODY_PART_EXAMINED = 0x00180015;

  // Codes (items of code sequences).
  /** (0008,0100) SH CodeValue. */
  public static final int CODE_VALUE = 0x00080100;
  /** (0008,0102) SH CodingSchemeDesignator. */
  public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
  /** (0008,0104) LO CodeMeaning. */
  public static final int CODE_MEANING = 0x00080104;

  // References between instances.
  /** (0008,1115) SQ ReferencedSeriesSequence. */
  public static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
  /** (0008,1140) SQ ReferencedImageSequence. */
  public static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
  /** (0008,114A) SQ ReferencedInstanceSequence. */
  public static final int REFERENCED_INSTANCE_SEQUENCE = 0x0008114A;
  /** (0008,1150) UI ReferencedSOPClassUID. */
  public static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
  /** (0008,1155) UI ReferencedSOPInstanceUID. */
  public static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
  /** (0008,1160) IS ReferencedFrameNumber. */
  public static final int REFERENCED_FRAME_NUMBER = 0x00081160;
  /** (0008,2112) SQ SourceImageSequence. */
  public static final int SOURCE_IMAGE_SEQUENCE = 0x00082112;
  /** (0008,9124) SQ DerivationImageSequence. */
  public static final int DERIVATION_IMAGE_SEQUENCE = 0x00089124;

  // Geometry (mm, LPS+ patient coordinates).
  /** (0020,0032) DS ImagePositionPatient. */
  public static final int IMAGE_POSITION_PATIENT = 0x00200032;
  /** (0020,0037) DS ImageOrientationPatient. */
  public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
  /** (0020,0052) UI FrameOfReferenceUID. */
  public static final int FRAME_OF_REFERENCE_UID = 0x00200052;
  /** (0020,1041) DS SliceLocation. */
  public static final int SLICE_LOCATION = 0x00201041;
  /** (0018,0050) DS SliceThickness. */
  public static final int SLICE_THICKNESS = 0x00180050;
  /** (0018,0088) DS SpacingBetweenSlices. */
  public static final int SPACING_BETWEEN_SLICES = 0x00180088;
  /** (0028,0030) DS PixelSpacing. */
  public static final int PIXEL_SPACING = 0x00280030;
  /** (0018,5100) CS PatientPosition. */
  public static final int PATIENT_POSITION = 0x00185100;

  // Image pixel module and modality rescale.
  /** (0028,0002) US SamplesPerPixel. */
  public static final int SAMPLES_PER_PIXEL = 0x00280002;
  /** (0028,0004) CS PhotometricInterpretation. */
  public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  /** (0028,0006) US PlanarConfiguration. */
  public static final int PLANAR_CONFIGURATION = 0x00280006;
  /** (0028,0008) IS NumberOfFrames. */
  public static final int NUMBER_OF_FRAMES = 0x00280008;
  /** (0028,0009) AT FrameIncrementPointer. */
  public static final int FRAME_INCREMENT_POINTER = 0x00280009;
  /** (0028,0010) US Rows. */
  public static final int ROWS = 0x00280010;
  /** (0028,0011) US Columns. */
  public static final int COLUMNS = 0x00280011;
  /** (0028,0100) US BitsAllocated. */
  public static final int BITS_ALLOCATED = 0x00280100;
  /** (0028,0101) US BitsStored. */
  public static final int BITS_STORED = 0x00280101;
  /** (0028,0102) US HighBit. */
  public static final int HIGH_BIT = 0x00280102;
  /** (0028,0103) US PixelRepresentation. */
  public static final int PIXEL_REPRESENTATION = 0x00280103;
  /** (0028,0120) xs PixelPaddingValue. */
  public static final int PIXEL_PADDING_VALUE = 0x00280120;
  /** (0028,1052) DS RescaleIntercept. */
  public static final int RESCALE_INTERCEPT = 0x00281052;
  /** (0028,1053) DS RescaleSlope. */
  public static final int RESCALE_SLOPE = 0x00281053;
  /** (0028,1054) LO RescaleType. */
  public static final int RESCALE_TYPE = 0x00281054;
  /** (0028,1050) DS WindowCenter. */
  public static final int WINDOW_CENTER = 0x00281050;
  /** (0028,1051) DS WindowWidth. */
  public static final int WINDOW_WIDTH = 0x00281051;
  /** (0028,2110) CS LossyImageCompression. */
  public static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;
  /** (7FE0,0010) OW PixelData. */
  public static final int PIXEL_DATA = 0x7FE00010;
  /** (7FE0,0008) OF FloatPixelData. */
  public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
  /** (7FE0,0009) OD DoubleFloatPixelData. */
  public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;

  // PET: units, corrections, timing (ms for durations, s for half-life, Bq for dose).
  /** (0028,0051) CS CorrectedImage. */
  public static final int CORRECTED_IMAGE = 0x00280051;
  /** (0054,1001) CS Units. */
  public static final int UNITS = 0x00541001;
  /** (0054,1102) CS DecayCorrection. */
  public static final int DECAY_CORRECTION = 0x00541102;
  /** (0054,1000) CS SeriesType. */
  public static final int SERIES_TYPE = 0x00541000;
  /** (0054,1002) CS CountsSource. */
  public static final int COUNTS_SOURCE = 0x00541002;
  /** (0054,1300) DS FrameReferenceTime. */
  public static final int FRAME_REFERENCE_TIME = 0x00541300;
  /** (0018,1242) IS ActualFrameDuration. */
  public static final int ACTUAL_FRAME_DURATION = 0x00181242;
  /** (0054,1321) DS DecayFactor. */
  public static final int DECAY_FACTOR = 0x00541321;
  /** (0054,1330) US ImageIndex. */
  public static final int IMAGE_INDEX = 0x00541330;
  /** (0054,0081) US NumberOfSlices. */
  public static final int NUMBER_OF_SLICES = 0x00540081;
  /** (0054,0101) US NumberOfTimeSlices. */
  public static final int NUMBER_OF_TIME_SLICES = 0x00540101;
  /** (0054,0016) SQ RadiopharmaceuticalInformationSequence. */
  public static final int RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE = 0x00540016;
  /** (0018,0031) LO Radiopharmaceutical. */
  public static final int RADIOPHARMACEUTICAL = 0x00180031;
  /** (0018,1072) TM RadiopharmaceuticalStartTime. */
  public static final int RADIOPHARMACEUTICAL_START_TIME = 0x00181072;
  /** (0018,1078) DT RadiopharmaceuticalStartDateTime. */
  public static final int RADIOPHARMACEUTICAL_START_DATE_TIME = 0x00181078;
  /** (0018,1074) DS RadionuclideTotalDose. */
  public static final int RADIONUCLIDE_TOTAL_DOSE = 0x00181074;
  /** (0018,1075) DS RadionuclideHalfLife. */
  public static final int RADIONUCLIDE_HALF_LIFE = 0x00181075;
  /** (0018,1076) DS RadionuclidePositronFraction. */
  public static final int RADIONUCLIDE_POSITRON_FRACTION = 0x00181076;
  /** (0054,0300) SQ RadionuclideCodeSequence. */
  public static final int RADIONUCLIDE_CODE_SEQUENCE = 0x00540300;
  /** (0054,0304) SQ RadiopharmaceuticalCodeSequence. */
  public static final int RADIOPHARMACEUTICAL_CODE_SEQUENCE = 0x00540304;

  // NM / SPECT.
  /** (0054,0022) SQ DetectorInformationSequence. */
  public static final int DETECTOR_INFORMATION_SEQUENCE = 0x00540022;
  /** (0054,0220) SQ ViewCodeSequence. */
  public static final int VIEW_CODE_SEQUENCE = 0x00540220;
  /** (0054,0222) SQ ViewModifierCodeSequence. */
  public static final int VIEW_MODIFIER_CODE_SEQUENCE = 0x00540222;
  /** (0054,0012) SQ EnergyWindowInformationSequence. */
  public static final int ENERGY_WINDOW_INFORMATION_SEQUENCE = 0x00540012;
  /** (0054,0013) SQ EnergyWindowRangeSequence. */
  public static final int ENERGY_WINDOW_RANGE_SEQUENCE = 0x00540013;
  /** (0054,0052) SQ RotationInformationSequence. */
  public static final int ROTATION_INFORMATION_SEQUENCE = 0x00540052;
  /** (0054,0021) US NumberOfDetectors. */
  public static final int NUMBER_OF_DETECTORS = 0x00540021;
  /** (0054,0011) US NumberOfEnergyWindows. */
  public static final int NUMBER_OF_ENERGY_WINDOWS = 0x00540011;
  /** (0054,0020) US DetectorVector. */
  public static final int DETECTOR_VECTOR = 0x00540020;
  /** (0054,0010) US EnergyWindowVector. */
  public static final int ENERGY_WINDOW_VECTOR = 0x00540010;
  /** (0054,0080) US SliceVector. */
  public static final int SLICE_VECTOR = 0x00540080;
  /** (0054,0100) US TimeSliceVector. */
  public static final int TIME_SLICE_VECTOR = 0x00540100;
  /** (0018,1063) DS FrameTime. */
  public static final int FRAME_TIME = 0x00181063;

  // RT structure set.
  /** (3006,0002) SH StructureSetLabel. */
  public static final int STRUCTURE_SET_LABEL = 0x30060002;
  /** (3006,0004) LO StructureSetName. */
  public static final int STRUCTURE_SET_NAME = 0x30060004;
  /** (3006,0010) SQ ReferencedFrameOfReferenceSequence. */
  public static final int REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = 0x30060010;
  /** (3006,0012) SQ RTReferencedStudySequence. */
  public static final int RT_REFERENCED_STUDY_SEQUENCE = 0x30060012;
  /** (3006,0014) SQ RTReferencedSeriesSequence. */
  public static final int RT_REFERENCED_SERIES_SEQUENCE = 0x30060014;
  /** (3006,0016) SQ ContourImageSequence. */
  public static final int CONTOUR_IMAGE_SEQUENCE = 0x30060016;
  /** (3006,0020) SQ StructureSetROISequence. */
  public static final int STRUCTURE_SET_ROI_SEQUENCE = 0x30060020;
  /** (3006,0022) IS ROINumber. */
  public static final int ROI_NUMBER = 0x30060022;
  /** (3006,0024) UI ReferencedFrameOfReferenceUID. */
  public static final int REFERENCED_FRAME_OF_REFERENCE_UID = 0x30060024;
  /** (3006,0026) LO ROIName. */
  public static final int ROI_NAME = 0x30060026;
  /** (3006,0036) CS ROIGenerationAlgorithm. */
  public static final int ROI_GENERATION_ALGORITHM = 0x30060036;
  /** (3006,0039) SQ ROIContourSequence. */
  public static final int ROI_CONTOUR_SEQUENCE = 0x30060039;
  /** (3006,002A) IS ROIDisplayColor. */
  public static final int ROI_DISPLAY_COLOR = 0x3006002A;
  /** (3006,0040) SQ ContourSequence. */
  public static final int CONTOUR_SEQUENCE = 0x30060040;
  /** (3006,0042) CS ContourGeometricType. */
  public static final int CONTOUR_GEOMETRIC_TYPE = 0x30060042;
  /** (3006,0046) IS NumberOfContourPoints. */
  public static final int NUMBER_OF_CONTOUR_POINTS = 0x30060046;
  /** (3006,0048) IS ContourNumber. */
  public static final int CONTOUR_NUMBER = 0x30060048;
  /** (3006,0050) DS ContourData. */
  public static final int CONTOUR_DATA = 0x30060050;
  /** (3006,0080) SQ RTROIObservationsSequence. */
  public static final int RT_ROI_OBSERVATIONS_SEQUENCE = 0x30060080;
  /** (3006,0082) IS ObservationNumber. */
  public static final int OBSERVATION_NUMBER = 0x30060082;
  /** (3006,0084) IS ReferencedROINumber. */
  public static final int REFERENCED_ROI_NUMBER = 0x30060084;
  /** (3006,00A4) CS RTROIInterpretedType. */
  public static final int RT_ROI_INTERPRETED_TYPE = 0x300600A4;

  // Segmentation (DICOM SEG) and multi-frame functional groups.
  /** (0062,0001) CS SegmentationType. */
  public static final int SEGMENTATION_TYPE = 0x00620001;
  /** (0062,0010) CS SegmentationFractionalType. */
  public static final int SEGMENTATION_FRACTIONAL_TYPE = 0x00620010;
  /** (0062,000E) US MaximumFractionalValue. */
  public static final int MAXIMUM_FRACTIONAL_VALUE = 0x0062000E;
  /** (0062,0002) SQ SegmentSequence. */
  public static final int SEGMENT_SEQUENCE = 0x00620002;
  /** (0062,0004) US SegmentNumber. */
  public static final int SEGMENT_NUMBER = 0x00620004;
  /** (0062,0005) LO SegmentLabel. */
  public static final int SEGMENT_LABEL = 0x00620005;
  /** (0062,0006) ST SegmentDescription. */
  public static final int SEGMENT_DESCRIPTION = 0x00620006;
  /** (0062,0008) CS SegmentAlgorithmType. */
  public static final int SEGMENT_ALGORITHM_TYPE = 0x00620008;
  /** (0062,0003) SQ SegmentedPropertyCategoryCodeSequence. */
  public static final int SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE = 0x00620003;
  /** (0062,000F) SQ SegmentedPropertyTypeCodeSequence. */
  public static final int SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE = 0x0062000F;
  /** (0062,000A) SQ SegmentIdentificationSequence. */
  public static final int SEGMENT_IDENTIFICATION_SEQUENCE = 0x0062000A;
  /** (0062,000B) US ReferencedSegmentNumber. */
  public static final int REFERENCED_SEGMENT_NUMBER = 0x0062000B;
  /** (5200,9229) SQ SharedFunctionalGroupsSequence. */
  public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
  /** (5200,9230) SQ PerFrameFunctionalGroupsSequence. */
  public static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
  /** (0020,9111) SQ FrameContentSequence. */
  public static final int FRAME_CONTENT_SEQUENCE = 0x00209111;
  /** (0020,9157) UL DimensionIndexValues. */
  public static final int DIMENSION_INDEX_VALUES = 0x00209157;
  /** (0020,9057) UL InStackPositionNumber. */
  public static final int IN_STACK_POSITION_NUMBER = 0x00209057;
  /** (0020,9128) UL TemporalPositionIndex. */
  public static final int TEMPORAL_POSITION_INDEX = 0x00209128;
  /** (0020,9113) SQ PlanePositionSequence. */
  public static final int PLANE_POSITION_SEQUENCE = 0x00209113;
  /** (0020,9116) SQ PlaneOrientationSequence. */
  public static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
  /** (0028,9110) SQ PixelMeasuresSequence. */
  public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
  /** (0028,9145) SQ PixelValueTransformationSequence. */
  public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
  /** (0018,9074) DT FrameAcquisitionDateTime. */
  public static final int FRAME_ACQUISITION_DATE_TIME = 0x00189074;
  /** (0018,9151) DT FrameReferenceDateTime. */
  public static final int FRAME_REFERENCE_DATE_TIME = 0x00189151;
  /** (0018,9220) FD FrameAcquisitionDuration. */
  public static final int FRAME_ACQUISITION_DURATION = 0x00189220;

  // Vendor private attributes used for SUV (see shared/docs/suv.md).
  /** Philips (7053,xx00) DS SUV scale factor (g/mL per stored unit, for Units CNTS). */
  public static final PrivateTag PHILIPS_SUV_SCALE_FACTOR =
      new PrivateTag(0x7053, "Philips PET Private Group", 0x00, VR.DS, "SUVScaleFactor");
  /** Philips (7053,xx09) DS activity concentration scale factor (Bq/mL per stored unit). */
  public static final PrivateTag PHILIPS_ACTIVITY_CONCENTRATION_SCALE_FACTOR =
      new PrivateTag(
          0x7053, "Philips PET Private Group", 0x09, VR.DS, "ActivityConcentrationScaleFactor");
  /** GE (0009,xx0D) DT post-injection scan date-time (the scan start GE means). */
  public static final PrivateTag GE_POST_INJECTION_DATE_TIME =
      new PrivateTag(0x0009, "GEMS_PETD_01", 0x0D, VR.DT, "PostInjectionDateTime");

  /** "(gggg,eeee)" with lower-case hex digits, the form dcmdump prints. */
  public static String format(int tag) {
    return String.format("(%04x,%04x)", tag >>> 16, tag & 0xFFFF);
  }
}
