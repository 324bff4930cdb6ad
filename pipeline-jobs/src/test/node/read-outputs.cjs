// Independent readers for Petal's tests: DuckDB reads Parquet, Apache Arrow JS reads Arrow IPC files.
// Neither shares code with Spark or Arrow Java. Prints one JSON document on stdout.
//
//   node read-outputs.cjs duckdb "<SQL over read_parquet(...)>"   -> {"rows": [{column: value, ...}, ...]}
//   node read-outputs.cjs arrow <file.arrow>                      -> {"fields": [{"name", "type"}], "rows": [...]}
//
// Modules are found through NODE_PATH (the tests point it at the folder install.sh fills).
'use strict';
const fs = require('fs');

// JSON for values the readers return: bigint as number, Arrow vectors and maps as arrays/objects.
function plain(value) {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return null;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  if (typeof value === 'object' && typeof value.toJSON === 'function') return plain(value.toJSON());
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

async function duckdb(sql) {
  const { DuckDBInstance } = require('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(sql);
  return { rows: reader.getRowObjectsJS().map(plain) };
}

function arrow(file) {
  const { tableFromIPC } = require('apache-arrow');
  const table = tableFromIPC(fs.readFileSync(file));
  return {
    fields: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
    rows: table.toArray().map((row) => plain(row.toJSON())),
  };
}

async function main() {
  const [mode, arg] = process.argv.slice(2);
  let result;
  if (mode === 'duckdb') result = await duckdb(arg);
  else if (mode === 'arrow') result = arrow(arg);
  else throw new Error('usage: read-outputs.cjs duckdb "<sql>" | arrow <file>');
  process.stdout.write(JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
