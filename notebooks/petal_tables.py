"""Read a Petal warehouse from Python: its tables through ``bin/petal sql``, its JSON files directly.

The notebooks beside this file use it; it needs only the Python standard library and pandas (the
Debian package ``python3-pandas``), no Parquet library. Each call of :func:`query` runs several
named Spark SQL queries in ONE ``petal sql`` process (one JVM start, about 15 s): every query's
rows go out as JSON text in one ``UNION ALL`` and come back here as one pandas DataFrame each.

The warehouse is the folder in ``PETAL_WAREHOUSE`` (default: ``petal-warehouse`` in the
repository root, where ``bin/petal demo`` writes when run from there); ``PETAL_BIN`` overrides
the ``bin/petal`` launcher of this checkout. The tables hold pseudonymous keys only; notebooks
should still aggregate in SQL and show counts and distributions, and never read
``studies.metadata`` or ``quarantine.source`` / ``reason`` (free text that can name source files).
"""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
WAREHOUSE_ENV = "PETAL_WAREHOUSE"
PETAL_BIN_ENV = "PETAL_BIN"
_PRESENT = "__petal_present"


def warehouse():
    """The warehouse folder: ``$PETAL_WAREHOUSE`` (relative to the working directory) or the repository's ``petal-warehouse``."""
    given = os.environ.get(WAREHOUSE_ENV)
    w = Path(given).expanduser().resolve() if given else REPO / "petal-warehouse"
    if not (w / "tables").is_dir():
        raise FileNotFoundError(
            f"no warehouse at {w} (no tables/ folder): run `bin/petal demo` in the repository root, "
            f"or set {WAREHOUSE_ENV} to the folder given to --warehouse")
    return w


def tables(w):
    """Names of the tables under ``w/tables`` that hold at least one Parquet file."""
    root = Path(w) / "tables"
    return sorted(d.name for d in root.iterdir() if d.is_dir() and next(d.rglob("*.parquet"), None) is not None)


def query(w, **queries):
    """Runs each named Spark SQL query over the views of ``w`` (``petal sql``) and returns ``{name: DataFrame}``.

    All queries run in one ``petal sql`` process. Row order is not kept (sort in pandas); give
    result columns distinct names. An empty result is an empty DataFrame with the query's columns.
    Arrays and maps arrive as Python lists and dicts, timestamps as ISO-8601 text (UTC).
    """
    if not queries:
        return {}
    parts = []
    for name, sql in queries.items():
        if not name.isidentifier():
            raise ValueError(f"query name {name!r} must be a Python identifier")
        body = sql.strip().rstrip(";")
        # The LEFT JOIN keeps one all-null row for an empty result, so its column names still come back.
        parts.append(
            f"SELECT '{name}' AS query, to_json(struct(t.*), map('ignoreNullFields', 'false')) AS row "
            f"FROM (SELECT 1 AS one) AS d LEFT JOIN (SELECT true AS {_PRESENT}, * FROM ({body}) AS q) AS t ON true")
    rows = {name: [] for name in queries}
    with tempfile.TemporaryDirectory(prefix="petal-sql-") as tmp:
        out = Path(tmp) / "result.jsonl"
        _petal_sql(w, "\nUNION ALL\n".join(parts), out)
        with out.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                rows[record["query"]].append(json.loads(record["row"]))
    return {name: _frame(r) for name, r in rows.items()}


def _frame(records):
    columns = [c for c in records[0] if c != _PRESENT]
    present = [r for r in records if r[_PRESENT]]
    return pd.DataFrame([[r[c] for c in columns] for r in present], columns=columns)


def _petal_sql(w, sql, out):
    launcher = os.environ.get(PETAL_BIN_ENV) or str(REPO / "bin" / "petal")
    cmd = [launcher, "sql", "--warehouse", str(w), "--conf", "spark.ui.showConsoleProgress=false",
           "--format", "json", "--out", str(out), sql]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0:
        tail = "\n".join(run.stdout.splitlines()[-25:])
        raise RuntimeError(f"petal sql failed with exit code {run.returncode}:\n{tail}")


def model_cards(w):
    """``{model name: model card dict}`` from ``w/models/*/model-card.json``."""
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((Path(w) / "models").glob("*/model-card.json"))}


def report_summaries(w):
    """``{run name: summary dict}`` from ``w/reports/*/summary.json`` (written by ``petal evaluate``)."""
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((Path(w) / "reports").glob("*/summary.json"))}
