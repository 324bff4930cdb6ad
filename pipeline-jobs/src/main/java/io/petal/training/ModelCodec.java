package io.petal.training;

import io.petal.models.TrainableModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/** How a model kind is written to and read from a model zip. */
public interface ModelCodec<M extends TrainableModel> extends Serializable {
  void save(M model, OutputStream out) throws IOException;

  M load(InputStream in) throws IOException;
}
