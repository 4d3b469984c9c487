// Bad JS values, field by field over the whole schema (read from the generated JSON Schema):
// each is a ConfigError naming the key path; after each, the same instance still renders the
// guide example byte for byte and Object.prototype is untouched. The count is printed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { parse, render, validate } from '../../bindings-wasm/pkg/node/index.mjs';
import { golden, ROOT } from './helpers.mjs';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'core', 'generated', 'gitlab-runner-config.schema.json'), 'utf8'));
const GUIDE = golden('guide_complete_example.toml');
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();

function throwingGetter() {
  const value = {};
  Object.defineProperty(value, 'x', { get() { throw new Error('boom'); }, enumerable: true });
  return value;
}
const cyclic = () => { const a = []; a.push(a); return a; };
const COMMON = [
  undefined, null, Symbol('s'), () => 1, new Map([['a', 1]]), new Set([1]), new Date(NaN), cyclic(), throwingGetter(),
  new Proxy({}, { ownKeys() { throw new Error('trap'); } }), new Proxy([], { get() { throw new Error('trap'); } }),
  new Uint8Array(2), /regexp/,
];
const BAD = {
  string: [1, 1.5, true, [], {}, 10n, '\ud800', Object.freeze([1]), Object.create(null)],
  integer: ['1', 1.5, true, NaN, Infinity, 2 ** 64, 2n ** 63n, -(2n ** 63n) - 1n, []],
  number: ['1.5', true, [], {}, NaN],
  boolean: [1, 0, 'true', [], 1n],
  'date-time': ['not a date', 1, '2024-02-30T00:00:00Z', '2024-01-01T00:00:60Z', new Date(-62198755200000)],
  duration: [true, [], {}, '15 minutes', 1.5],
  array: ['x', {}, 1, [1], [null], [, 'a'], Object.assign([], { length: 1e7 })],
  numbers: ['x', {}, 1, ['1'], [true], [null], [NaN]],
  object: [[], 'x', 1, { '\ud800': 'x' }, new Map()],
  table: [[], 'x', 1, true],
  tables: [{}, 'x', [1], [null], [, {}]],
};

function kind(node) {
  if (node.$ref) return 'table';
  if (node.anyOf) return node.anyOf.some((k) => k.pattern) ? 'duration' : 'string-or-list';
  if (node.format === 'date-time') return 'date-time';
  if (node.type === 'array') {
    if (node.items.$ref) return 'tables';
    return ['integer', 'number'].includes(node.items.type) ? 'numbers' : 'array';
  }
  return node.type;
}

/** Every key of the schema once, as its path from the root, with its kind. */
function* fields(node = SCHEMA, path = [], seen = new Set()) {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    yield [[...path, key], kind(child)];
    const ref = child.$ref ?? (child.type === 'array' ? child.items.$ref : undefined);
    if (ref && !seen.has(ref)) {
      seen.add(ref);
      yield* fields(SCHEMA.$defs[ref.split('/').pop()], [...path, key, ...(child.type === 'array' ? [0] : [])], seen);
    }
  }
}

const nested = (path, value) => path.reduceRight((inner, step) => (typeof step === 'number' ? [inner] : { [step]: inner }), value);
const shown = (path) => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);

test('every field refuses every wrong JS value naming its path, and the instance stays whole', () => {
  let count = 0;
  for (const [path, fieldKind] of fields()) {
    const values = (fieldKind === 'string-or-list' ? BAD.array.filter((v) => v !== 'x') : BAD[fieldKind]).concat(COMMON);
    for (const value of values) {
      for (const call of [render, (config) => validate(config).filter((d) => d.severity === 'error').forEach((d) => { throw Object.assign(new Error(d.message), { name: 'ConfigError', path: d.path }); })]) {
        let error;
        try {
          call(nested(path, value));
        } catch (caught) {
          error = caught;
        }
        if (value === undefined || value === null) {
          // Both mean "not set" in JS (as JSON.stringify leaves undefined out): no error.
          if (error === undefined) continue;
        }
        assert.ok(error, `${shown(path)} = ${String(typeof value)}: accepted`);
        assert.equal(error.name, 'ConfigError', `${shown(path)}: ${error.stack}`);
        assert.ok(`${error.path ?? ''} ${error.message}`.includes(shown(path)), `${shown(path)}: ${error.message}`);
        count += 1;
      }
    }
    assert.equal(render(parse(GUIDE)), GUIDE);
    assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), PROTOTYPE_KEYS);
  }
  console.log(`${count} wrong values refused by render and validate, each naming its key path`);
  assert.ok(count > 10_000, `${count}`);
});

test('__proto__, constructor and prototype keys are data, never the prototype', () => {
  const labels = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "prototype": "p"}');
  const text = render({ runners: [{ name: 'r', autoscaler: { plugin_config: labels } }] });
  const back = parse(text);
  assert.deepEqual(back.runners[0].autoscaler.plugin_config, labels);
  assert.equal(Object.getPrototypeOf(back.runners[0].autoscaler.plugin_config), Object.prototype);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), PROTOTYPE_KEYS);
});
