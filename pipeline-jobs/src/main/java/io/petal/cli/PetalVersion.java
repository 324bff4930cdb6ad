package io.petal.cli;

import io.petal.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code petal --version}: the build's version and build time. */
final class PetalVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {BuildInfo.describe()};
  }
}
