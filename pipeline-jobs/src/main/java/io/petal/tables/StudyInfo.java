package io.petal.tables;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.schema.Columns;
import io.petal.schema.StudiesTable;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What a job needs to know of one study besides its slices: keys, kind, channel names and units,
 * the reference grid, whether it is normal, its split and its label sources. Built from a row of
 * the {@code studies} table; holds no patient identity (keys are pseudonyms).
 *
 * @param grid the study's reference grid (voxel index → patient LPS mm)
 * @param normal true for a normal study (diagnosis NEGATIVE), false for abnormal, null if unknown
 * @param split the manifest's split ({@code train}, {@code test}, …) or null
 */
public record StudyInfo(String cohort, String patientKey, String studyKey, String kind, List<String> channels,
    List<String> channelUnits, ImageGrid grid, Boolean normal, String split, List<String> labelSources)
    implements Serializable {

  /** From a row of the {@code studies} table. */
  public static StudyInfo of(Row r) {
    List<Double> affine = r.getList(r.fieldIndex(StudiesTable.AFFINE));
    double[] m = new double[affine.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = affine.get(i);
    }
    ImageGrid grid = new ImageGrid(r.getInt(r.fieldIndex(StudiesTable.NX)), r.getInt(r.fieldIndex(StudiesTable.NY)),
        r.getInt(r.fieldIndex(StudiesTable.NZ)), Affine.of(m));
    int normal = r.fieldIndex(StudiesTable.NORMAL);
    return new StudyInfo(r.getString(r.fieldIndex(Columns.COHORT)), r.getString(r.fieldIndex(Columns.PATIENT_KEY)),
        r.getString(r.fieldIndex(Columns.STUDY_KEY)), r.getString(r.fieldIndex(StudiesTable.KIND)),
        List.copyOf(r.<String>getList(r.fieldIndex(StudiesTable.CHANNELS))),
        List.copyOf(r.<String>getList(r.fieldIndex(StudiesTable.CHANNEL_UNITS))), grid,
        r.isNullAt(normal) ? null : r.getBoolean(normal), r.getString(r.fieldIndex(StudiesTable.SPLIT)),
        List.copyOf(r.<String>getList(r.fieldIndex(StudiesTable.LABEL_SOURCES))));
  }

  /** Index of the named channel (e.g. {@code PET}), or -1. */
  public int channelIndex(String name) {
    return channels.indexOf(name);
  }

  /** True when the study has at least one annotation source. */
  public boolean labelled() {
    return !labelSources.isEmpty();
  }
}
