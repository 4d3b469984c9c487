// The JS/wasm boundary under hostile values: getters and Proxy traps that throw, sparse arrays,
// lone surrogates, values JSON cannot say, keys that look like the boundary's own markers.
// After each error the same instance still renders the guide example byte for byte, and
// Object.prototype is never touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { format, parse, render, validate } from '../../bindings-wasm/pkg/node/index.mjs';
import { golden } from './helpers.mjs';

const GUIDE = golden('guide_complete_example.toml');
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();

/** The instance still works exactly, and nothing leaked onto Object.prototype. */
function stillWhole() {
  assert.equal(render(parse(GUIDE)), GUIDE);
  assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), PROTOTYPE_KEYS);
  assert.equal({}.polluted, undefined);
}

function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

test('a getter that throws is a ConfigError with its path, 2,000 times over, and the instance survives', () => {
  const boom = new Error('boom');
  const config = { concurrent: 1 };
  Object.defineProperty(config, 'listen_address', {
    get() {
      throw boom;
    },
    enumerable: true,
  });
  for (let i = 0; i < 2000; i++) {
    assert.throws(() => render(config), { name: 'ConfigError', path: 'listen_address' });
    assert.deepEqual(validate(config).map((d) => `${d.path}: ${d.code}`), ['listen_address: wrong-type']);
  }
  const error = thrown(() => render(config));
  assert.equal(error.message, 'listen_address: could not be read: a getter or Proxy trap threw (see the cause)');
  assert.equal(error.cause, boom);
  assert.equal(render({ concurrent: 1 }), 'concurrent = 1\n');
  stillWhole();
});

test('Proxy traps that throw are ConfigErrors at the value being read', () => {
  const trap = () => {
    throw new RangeError('trap');
  };
  const cases = [
    [{ runners: [{ docker: new Proxy({ image: 'alpine' }, { ownKeys: trap }) }] }, 'runners[0].docker'],
    [{ runners: [{ docker: new Proxy({ image: 'alpine' }, { getPrototypeOf: trap }) }] }, 'runners[0].docker'],
    [{ runners: [{ docker: new Proxy({ image: 'alpine' }, { get: trap }) }] }, 'runners[0].docker.image'],
    [{ runners: [{ environment: new Proxy(['A=1'], { get: trap }) }] }, 'runners[0].environment'],
    [{ runners: [{ environment: new Proxy([, 'A=1'], { has: trap }) }] }, 'runners[0].environment[0]'],
  ];
  for (const [config, path] of cases) {
    const error = thrown(() => render(config));
    assert.equal(error.name, 'ConfigError');
    assert.equal(error.path, path);
    assert.ok(error.cause instanceof RangeError);
    assert.deepEqual(validate(config).map((d) => d.path), [path]);
  }
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => render({ runners: [{ docker: proxy }] }), { path: 'runners[0].docker' });
  stillWhole();
});

test('cycles and deep nesting are errors with the path where they turn back', () => {
  const cyclic = { a: { b: {} } };
  cyclic.a.b.c = cyclic;
  assert.throws(() => render({ runners: [{ autoscaler: { plugin_config: cyclic } }] }), {
    message: 'runners[0].autoscaler.plugin_config.a.b.c: nested more than 64 levels deep (is there a cycle?)',
  });
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  const error = thrown(() => render({ runners: [{ autoscaler: { plugin_config: deep } }] }));
  assert.match(error.message, /^runners\[0\]\.autoscaler\.plugin_config(\.a)+: nested more than 64 levels deep/);
  // Shared but acyclic values are fine.
  const shared = { x: 1 };
  assert.equal(
    render({ runners: [{ autoscaler: { plugin_config: { one: shared, two: shared } } }] }),
    '[[runners]]\n\n  [runners.autoscaler]\n\n    [runners.autoscaler.plugin_config]\n\n      [runners.autoscaler.plugin_config.one]\n        x = 1\n\n      [runners.autoscaler.plugin_config.two]\n        x = 1\n',
  );
  stillWhole();
});

test('values JSON cannot say cross exactly, both ways', () => {
  const floats = (IdleScaleFactor) => render({ runners: [{ machine: { IdleScaleFactor } }] });
  assert.equal(floats(-Infinity), '[[runners]]\n\n  [runners.machine]\n    IdleScaleFactor = -inf\n');
  assert.equal(floats(-0), '[[runners]]\n\n  [runners.machine]\n    IdleScaleFactor = -0.0\n');
  assert.equal(floats(0.1 + 0.2), '[[runners]]\n\n  [runners.machine]\n    IdleScaleFactor = 0.30000000000000004\n');
  assert.throws(() => floats(NaN), { message: 'runners[0].machine.IdleScaleFactor: NaN is not a number gitlab-runner can use' });
  const big = 2n ** 62n;
  const text = `[[runners]]\n\n  [runners.autoscaler]\n\n    [runners.autoscaler.plugin_config]\n      x = nan\n      sizes = [1, ${big}, -${big}, -inf]\n`;
  const config = parse(text);
  assert.deepEqual(config.runners[0].autoscaler.plugin_config, { x: NaN, sizes: [1, big, -big, -Infinity] });
  assert.equal(render(config), text);
  assert.equal(render({ concurrent: 3n }), 'concurrent = 3\n');
  assert.throws(() => floats(3n), { message: 'runners[0].machine.IdleScaleFactor: expected float, got bigint' });
  // Dates: datetimes only, milliseconds kept when there are some (as the core writes fractions).
  assert.equal(render({ runners: [{ token_obtained_at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 60)) }] }), '[[runners]]\n  token_obtained_at = 2024-01-02T03:04:05.06Z\n');
  assert.throws(() => render({ concurrent: new Date(0) }), { message: 'concurrent: expected integer, got Date' });
  assert.throws(() => render({ runners: [{ token_obtained_at: new Date(NaN) }] }), { message: 'runners[0].token_obtained_at: invalid datetime: invalid Date' });
  for (const [value, type] of [[Symbol('s'), 'symbol'], [new Set(), 'class instance'], [new (class Shell {})(), 'class instance'], [Object('x'), 'class instance']]) {
    assert.throws(() => render({ log_level: value }), { message: `log_level: expected string, got ${type}` });
  }
  stillWhole();
});

test('keys that look like markers or prototypes stay keys, and nothing is polluted', () => {
  const labels = JSON.parse('{"\\u0000": "undefined", "\\u0000\\u0000v": "x", "__proto__": "p", "constructor": "c", "prototype": "q"}');
  const text = render({ runners: [{ docker: { sysctls: labels } }] }, { strict: false });
  assert.equal(
    text,
    '[[runners]]\n\n  [runners.docker]\n\n    [runners.docker.sysctls]\n      "\\u0000" = "undefined"\n      "\\u0000\\u0000v" = "x"\n      __proto__ = "p"\n      constructor = "c"\n      prototype = "q"\n',
  );
  const back = parse(text).runners[0].docker.sysctls;
  assert.deepEqual(Object.keys(back), Object.keys(labels));
  assert.equal(Object.getPrototypeOf(back), Object.prototype);
  assert.equal(back.__proto__, 'p');
  // The marker shape written by the user is plain data.
  assert.throws(() => render({ concurrent: { '\0': 'bigint', v: '5' } }), { message: 'concurrent: expected integer, got object' });
  const lenient = parse('__proto__ = 1\nconstructor = { prototype = { polluted = true } }\n', { strict: false });
  assert.equal(render(lenient, { strict: false }), '__proto__ = 1\n\n[constructor]\n\n  [constructor.prototype]\n    polluted = true\n');
  stillWhole();
});

test('a sparse array is an error at its first hole, found without walking its length', () => {
  const huge = [];
  huge.length = 1e7;
  const start = performance.now();
  for (const call of [() => render({ runners: [{ environment: huge }] }), () => render({ runners: huge })]) {
    const error = thrown(call);
    assert.equal(error.name, 'ConfigError');
    assert.ok(['runners[0].environment[0]', 'runners[0]'].includes(error.path), error.path);
  }
  assert.deepEqual(validate({ runners: [{ environment: huge }] }).map((d) => `${d.path}: ${d.message}`).filter((m) => m.includes('slot')), [
    'runners[0].environment[0]: expected string, got empty array slot',
  ]);
  const longest = [];
  longest.length = 2 ** 32 - 1;
  assert.throws(() => render({ runners: [{ environment: longest }] }), { message: 'runners[0].environment[0]: expected string, got empty array slot' });
  assert.throws(() => render({ runners: [{ environment: ['A=1', , 'B=2'] }] }), { message: 'runners[0].environment[1]: expected string, got empty array slot' });
  assert.throws(() => render({ runners: [, {}] }), { message: 'runners[0]: expected table (Runner), got empty array slot' });
  assert.ok(performance.now() - start < 2000, 'holes are found at once');
  // undefined written into the array is a value, not a hole.
  assert.throws(() => render({ runners: [{ environment: [undefined] }] }), { message: 'runners[0].environment[0]: expected string, got undefined' });
  stillWhole();
});

test('lone surrogates are errors naming the path, never U+FFFD', () => {
  const lone = 'a\ud800b';
  assert.throws(() => render({ runners: [{ name: lone }] }), {
    name: 'ConfigError',
    path: 'runners[0].name',
    message: 'runners[0].name: expected string, got string that is not valid Unicode (a lone surrogate)',
  });
  assert.throws(() => render({ runners: [{ environment: ['A=1', '\udc00'] }] }), { path: 'runners[0].environment[1]' });
  assert.throws(() => render({ runners: [{ docker: { sysctls: { [lone]: '1' } } }] }), {
    path: 'runners[0].docker.sysctls."a\ufffdb"',
    message: 'runners[0].docker.sysctls."a\ufffdb": key is not valid Unicode (a lone surrogate)',
  });
  assert.deepEqual(validate({ runners: [{ name: lone }] }).map((d) => d.code).slice(0, 1), ['wrong-type']);
  for (const call of [() => parse(`name = "${lone}"`), () => format(lone)]) {
    assert.throws(call, { name: 'TomlParseError', message: 'expected config.toml text (a string), got string that is not valid Unicode (a lone surrogate)' });
  }
  // Pairs are characters like any other.
  assert.equal(render({ runners: [{ name: '😀\ud83d\ude00' }] }), '[[runners]]\n  name = "😀😀"\n');
  stillWhole();
});
