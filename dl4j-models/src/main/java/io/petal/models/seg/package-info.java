/**
 * Lesion segmentation: a U-Net over PET, CT and the autoencoder's anomaly map as a spatial prior
 * ({@link io.petal.models.seg.SegmentationModel}), and label-free training data from synthetic
 * lesions inserted into normal studies ({@link io.petal.models.seg.SyntheticLesionInserter}).
 * See docs/methods.md §1 and §4 of the shared design documents.
 */
package io.petal.models.seg;
