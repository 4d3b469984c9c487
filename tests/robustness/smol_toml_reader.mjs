// Reads rendered config.toml texts with smol-toml and compares each with the tagged value it
// must say (see README.md). `node smol_toml_reader.mjs FILE.jsonl` prints the count and exits 1
// at the first text read differently.
import assert from 'node:assert/strict';
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { parse, TomlDate } from 'smol-toml';

const byKey = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function floatText(x) {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

function floatFromText(text) {
  const named = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN };
  return text in named ? named[text] : Number(text);
}

/** A parsed TOML value as a tagged tree. */
export function tagged(value) {
  if (typeof value === 'boolean') return ['b', value];
  if (typeof value === 'bigint') return ['i', String(value)];
  if (typeof value === 'number') return ['f', floatText(value)];
  if (typeof value === 'string') return ['s', value];
  if (value instanceof TomlDate) {
    assert.ok(!value.isLocal(), `a local datetime ${value} where an offset was written`);
    return ['d', new Date(value.getTime()).toISOString()]; // TomlDate's own keeps the offset
  }
  if (Array.isArray(value)) return ['a', value.map(tagged)];
  return ['t', Object.keys(value).map((k) => [k, tagged(value[k])]).sort(byKey)];
}

/** The expected tree in the form `tagged` gives: tables sorted, floats in JS spelling. */
export function canonical([tag, value]) {
  if (tag === 'f') return ['f', floatText(floatFromText(value))];
  if (tag === 'a') return ['a', value.map(canonical)];
  if (tag === 't') return ['t', value.map(([k, v]) => [k, canonical(v)]).sort(byKey)];
  return [tag, value];
}

/** Throws when smol-toml reads `text` as anything but `expected`. */
export function check(text, expected) {
  // Every key lands on a null-prototype object: `__proto__` is a key like any other.
  const got = tagged(parse(text, { integersAsBigInt: true }));
  assert.deepEqual(got, canonical(expected), `smol-toml read differently:\n${text.slice(0, 4000)}`);
}

/** The file's lines, read a megabyte at a time: a soak run's file outgrows a JS string. */
function* lines(path) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let pending = [];
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      let start = 0;
      // A newline byte never occurs inside a multi-byte UTF-8 character: cut at bytes, decode lines.
      for (let end; (end = chunk.indexOf(10, start)) !== -1 && end < n; start = end + 1) {
        pending.push(chunk.subarray(start, end));
        yield Buffer.concat(pending).toString('utf8');
        pending = [];
      }
      if (start < n) pending.push(Buffer.from(chunk.subarray(start, n)));
    }
    if (pending.length) yield Buffer.concat(pending).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function checkFile(path) {
  let count = 0;
  for (const line of lines(path)) {
    if (!line) continue;
    const { text, expected } = JSON.parse(line);
    check(text, expected);
    count += 1;
  }
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`smol-toml: ${checkFile(process.argv[2])} texts read back exactly`);
}
