// Three parsers agree on what the JS face writes. fast-check draws configs over the whole schema
// (read from the generated JSON Schema), with hostile strings in every string value and map key;
// each rendering must be read back exactly by smol-toml (here, per case), by the engine's `toml`
// crate (`parse`, whose config renders to the same text, per case) and by Python's tomllib (all
// texts at the end, one Python run). ROBUSTNESS_CASES sets the number of configs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import fc from 'fast-check';

import { parse, render } from '../../bindings-wasm/pkg/node/index.mjs';
import { ROOT } from './helpers.mjs';
import { check } from '../robustness/smol_toml_reader.mjs';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'core', 'generated', 'gitlab-runner-config.schema.json'), 'utf8'));
const CASES = Number(process.env.ROBUSTNESS_CASES ?? 90000);

// Pieces of hostile strings: each is something a template or a careless escaper gets wrong.
const PIECES = [
  '"', '\\', "'", '"""', "'''", '\r', '\n', '\r\n', '[[runners]]', '\n[[runners]]\ntoken = "x"\n',
  '[runners.docker]', '#', '=', '.', ' ', '\t', '\\u0041', '\\"', '\u2028', '\u2029', '\ufeff', '\x85',
  '\u{1F680}', '\u{10FFFF}', 'é', 'x', 'name', '} ', '{', ']', '"]', '${X}', '\x7f', '__proto__', 'constructor',
];
const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).concat('\x7f');
const DURATIONS = ['0', '15m', '1h30m', '1.5s', '300ms', '-2h', '10us'];

const short = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom(...PIECES, ...CONTROLS), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const long = fc.integer({ min: 1, max: 2 }).map((n) => '"\\\n'.repeat(n) + 'a'.repeat(100 * 1024));
// One string in 500 is 100 KB: mostly short strings keep a case cheap.
const strings = fc.oneof({ arbitrary: short, weight: 499 }, { arbitrary: long, weight: 1 });
const dates = fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
const int64 = fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, strings, int64, fc.boolean(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(strings, tie('value'), { maxKeys: 3, noNullPrototype: true }),
})).value;

const tables = new Map();

/** Values the schema allows for `node`, with hostile strings wherever it takes a string. */
function arbitrary(node) {
  if (node.$ref) {
    const name = node.$ref.split('/').pop();
    // Lazily: tables refer to each other.
    return fc.constant(null).chain(() => {
      if (!tables.has(name)) tables.set(name, table(SCHEMA.$defs[name]));
      return tables.get(name);
    });
  }
  if (node.anyOf) {
    if (node.anyOf.some((k) => k.pattern)) return fc.constantFrom(...DURATIONS);
    return fc.oneof(...node.anyOf.map(arbitrary));
  }
  switch (node.type) {
    case 'string':
      if (node.format === 'date-time') return dates;
      return node.enum ? fc.oneof(fc.constantFrom(...node.enum), strings) : strings;
    case 'integer': {
      const min = BigInt(node.minimum ?? -(2 ** 63));
      return fc.bigInt(min > -(2n ** 63n) ? min : -(2n ** 63n), 2n ** 63n - 1n);
    }
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitrary(node.items), { maxLength: 3 });
    case 'object':
      if (node.properties && node.additionalProperties === false) return table(node);
      return fc.dictionary(
        strings,
        node.additionalProperties && Object.keys(node.additionalProperties).length ? arbitrary(node.additionalProperties) : anyValue,
        { maxKeys: 3, noNullPrototype: true },
      );
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(node)}`);
  }
}

/** A few of the table's keys, each with a value: small documents, every key over a run. */
function table(node) {
  const keys = Object.keys(node.properties).sort();
  const values = Object.fromEntries(keys.map((k) => [k, arbitrary(node.properties[k])]));
  return fc
    .uniqueArray(fc.constantFrom(...keys), { maxLength: 5 })
    .chain((chosen) => fc.record(Object.fromEntries(chosen.map((k) => [k, values[k]]))));
}

function floatText(x) {
  return Object.is(x, -0) ? '-0.0' : Number.isFinite(x) ? String(x) : x > 0 ? 'inf' : '-inf';
}

/** What any TOML parser must read the value as (tests/robustness/README.md). */
function tagged(value) {
  if (typeof value === 'boolean') return ['b', value];
  if (typeof value === 'bigint') return ['i', String(value)];
  if (typeof value === 'number') return ['f', floatText(value)];
  if (typeof value === 'string') return ['s', value];
  if (value instanceof Date) return ['d', value.toISOString()];
  if (Array.isArray(value)) return ['a', value.map(tagged)];
  return ['t', Object.keys(value).map((k) => [k, tagged(value[k])])];
}

test(`three parsers read back what JS renders (${CASES} random configs)`, () => {
  const directory = join(ROOT, 'target', 'robustness');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `node-${process.pid}.jsonl`);
  // Written as they come: a soak run's texts outgrow the longest string JS can join them into.
  const out = openSync(file, 'w');
  let count = 0;
  try {
    fc.assert(
      fc.property(table(SCHEMA), (config) => {
        const text = render(config);
        const expected = tagged(config);
        check(text, expected);
        assert.equal(render(parse(text)), text, `the toml crate (parse) reads differently:\n${text}`);
        writeSync(out, JSON.stringify({ text, expected }) + '\n');
        count += 1;
      }),
      { numRuns: CASES, seed: 0x5eed },
    );
  } finally {
    closeSync(out);
  }
  console.log(`${count} random configs rendered by JS, read back exactly by smol-toml and by the toml crate`);
  const python = [join(ROOT, '.venv', 'bin', 'python'), 'python3'].find((p) => p === 'python3' || existsSync(p));
  let said;
  try {
    said = execFileSync(python, [join(ROOT, 'tests', 'robustness', 'tomllib_reader.py'), file], { encoding: 'utf8' });
  } catch (error) {
    if (/No module named 'tomllib'|ENOENT/.test(String(error.stderr ?? error.message))) {
      console.log(`SKIPPED: Python's tomllib is absent (make test installs it): ${count} texts not read by it`);
      return;
    }
    throw error;
  }
  assert.equal(said.trim(), `tomllib: ${count} texts read back exactly`);
  console.log(said.trim());
  rmSync(file);
});
