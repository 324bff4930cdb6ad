package io.petal.tables;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns an iterator sorted by a key into an iterator of runs of equal keys (lazily: one run in
 * memory at a time). Used to walk a Spark partition study by study.
 *
 * @param <T> element type
 * @param <K> key type
 */
public final class ConsecutiveGroups<T, K> implements Iterator<List<T>> {
  private final Iterator<T> source;
  private final Function<T, K> key;
  private T pending;

  public ConsecutiveGroups(Iterator<T> source, Function<T, K> key) {
    this.source = source;
    this.key = key;
    this.pending = source.hasNext() ? source.next() : null;
  }

  @Override
  public boolean hasNext() {
    return pending != null;
  }

  @Override
  public List<T> next() {
    if (pending == null) {
      throw new NoSuchElementException();
    }
    K k = key.apply(pending);
    List<T> run = new ArrayList<>();
    run.add(pending);
    pending = null;
    while (source.hasNext()) {
      T t = source.next();
      if (!Objects.equals(k, key.apply(t))) {
        pending = t;
        break;
      }
      run.add(t);
    }
    return run;
  }
}
