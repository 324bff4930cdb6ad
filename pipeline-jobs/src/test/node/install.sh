#!/usr/bin/env bash
# Installs the independent readers Petal's tests use (DuckDB and Apache Arrow JS, from the npm
# registry, at the exact versions of package.json) into pipeline-jobs/target/node-readers, outside
# the source tree. Needs node and npm. .ci/run calls it before the build; run it by hand to have
# IndependentReaderTest run locally (without it the test is skipped, under CI=true it fails).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="$here/../../../target/node-readers"
mkdir -p "$dest"
cp "$here/package.json" "$dest/"
cd "$dest"
npm install --no-package-lock --no-audit --no-fund --loglevel=error
echo "independent readers installed in $(pwd)/node_modules"
