// The JS face: same output as Python's for the same config, errors with paths, no crash.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { format, parse, render, schema, validate, version } from '../../bindings-wasm/pkg/node/index.mjs';
import { GOLDEN, PACKAGE, golden } from './helpers.mjs';

/** The user guide's complete example, as the plain object of its TOML. */
const guideExample = {
  concurrent: 10,
  check_interval: 3,
  log_level: 'info',
  runners: [
    {
      name: 'production-runner',
      url: 'https://gitlab.example.com/',
      token: '${RUNNER_TOKEN}',
      executor: 'docker',
      limit: 10,
      docker: {
        image: 'alpine:latest',
        privileged: false,
        volumes: ['/var/run/docker.sock:/var/run/docker.sock', '/cache:/cache'],
        pull_policy: 'if-not-present',
      },
      cache: {
        Type: 's3',
        Path: 'runner/',
        Shared: true,
        s3: {
          ServerAddress: 's3.amazonaws.com',
          BucketName: 'gitlab-runner-cache',
          BucketLocation: 'us-east-1',
          AccessKey: '${AWS_ACCESS_KEY}',
          SecretKey: '${AWS_SECRET_KEY}',
        },
      },
    },
  ],
};

test('the guide example renders to the same golden file as Python', () => {
  assert.equal(render(guideExample), golden('guide_complete_example.toml'));
});

test('keys are rendered in canonical order whatever the object order', () => {
  const shuffled = { runners: [{ executor: 'shell', name: 'n' }], log_level: 'info', concurrent: 1 };
  assert.equal(render(shuffled), 'concurrent = 1\nlog_level = "info"\n\n[[runners]]\n  name = "n"\n  executor = "shell"\n');
});

test('every golden file written by the Python face parses and renders back byte for byte', () => {
  for (const name of readdirSync(GOLDEN).filter((file) => file.endsWith('.toml'))) {
    const text = golden(name);
    assert.equal(render(parse(text)), text, name);
    assert.equal(format(text), text, name);
  }
});

function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

test('wrong types name the path', () => {
  const error = thrown(() => render({ runners: [{ docker: { privileged: 'yes' } }] }));
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'ConfigError');
  assert.equal(error.message, 'runners[0].docker.privileged: expected bool, got string');
  assert.equal(error.path, 'runners[0].docker.privileged');
  assert.equal(error.code, 'wrong-type');
});

test('every problem is reported at once', () => {
  const error = thrown(() => render({ concurrent: '4', runners: [{ buids_dir: '/b', limit: 1.5 }] }));
  assert.deepEqual(
    error.errors.map((e) => `${e.path}: ${e.message}`),
    [
      'concurrent: expected integer, got string',
      'runners[0].buids_dir: unknown key; did you mean builds_dir?',
      'runners[0].limit: expected integer, got number',
    ],
  );
});

test('undefined, null, cycles, functions and huge numbers are errors with a path', () => {
  const cyclic = { name: 'x' };
  cyclic.self = cyclic;
  const cases = [
    [{ concurrent: undefined }, 'concurrent: expected integer, got undefined'],
    [{ runners: [null] }, 'runners[0]: expected table (Runner), got null'],
    [{ log_level: () => 'info' }, 'log_level: expected string, got function'],
    [{ concurrent: 2 ** 60 }, 'concurrent: integer beyond 2^53 has lost precision as a JavaScript number; pass a BigInt'],
    [{ concurrent: 2n ** 70n }, 'concurrent: integer out of range (TOML integers are 64-bit)'],
    [{ runners: [{ autoscaler: { plugin_config: cyclic } }] }, 'runners[0].autoscaler.plugin_config.self: nested more than 64 levels deep (is there a cycle?)'],
    [{ runners: [{ docker: new Map() }] }, 'runners[0].docker: expected table (DockerConfig), got class instance'],
  ];
  for (const [input, message] of cases) {
    const error = thrown(() => render(input));
    assert.equal(error.message, message);
    assert.equal(error.path, message.split(': ')[0]);
  }
  assert.equal(render({ concurrent: 2n ** 60n }), 'concurrent = 1152921504606846976\n');
  assert.equal(parse('concurrent = 1152921504606846976\n').concurrent, 2n ** 60n);
});

test('text functions given something else throw instead of reading stray memory', () => {
  for (const [input, type] of [[5, 'number'], [true, 'boolean'], [{}, 'object'], [undefined, 'undefined'], [null, 'null'], [Symbol('s'), 'symbol']]) {
    for (const call of [() => parse(input), () => format(input)]) {
      const error = thrown(call);
      assert.equal(error.name, 'TomlParseError');
      assert.equal(error.message, `expected config.toml text (a string), got ${type}`);
      assert.equal(error.path, '');
    }
  }
  assert.equal(format('concurrent=1'), 'concurrent = 1\n');
});

test('keys named __proto__ stay keys', () => {
  const text = '[[runners]]\n\n  [runners.labels]\n    __proto__ = "x"\n';
  const config = parse(text);
  assert.equal(Object.getPrototypeOf(config.runners[0].labels), Object.prototype);
  assert.deepEqual(Object.keys(config.runners[0].labels), ['__proto__']);
  assert.equal(render(config), text);
});

test('Dates become datetimes', () => {
  assert.equal(render({ runners: [{ token_obtained_at: new Date(0) }] }), '[[runners]]\n  token_obtained_at = 1970-01-01T00:00:00Z\n');
});

test('invalid TOML throws a TomlParseError with line and column', () => {
  const error = thrown(() => parse('concurrent = 1\n[[runners]\n'));
  assert.equal(error.name, 'TomlParseError');
  assert.equal(error.line, 2);
  assert.equal(error.column, 11);
  const typed = thrown(() => parse('[[runners]]\nlimit = "2"\n'));
  assert.equal(typed.message, 'runners[0].limit: expected integer, got string (line 2, column 9)');
});

test('the instance keeps working after 10,000 bad calls', () => {
  const bad = [() => render({ concurrent: 'x' }), () => parse('= ='), () => render(null), () => render({ runners: 'no' })];
  for (let i = 0; i < 10_000; i++) {
    assert.throws(bad[i % bad.length]);
  }
  assert.equal(render(guideExample), golden('guide_complete_example.toml'));
});

test('strict and lenient modes', () => {
  const text = 'concurrent = 1\nfuture_key = true\n';
  assert.throws(() => parse(text), /future_key: unknown key in Config/);
  const config = parse(text, { strict: false });
  assert.equal(config.future_key, true);
  assert.equal(render(config, { strict: false }), text);
});

test('validate takes objects or text', () => {
  assert.deepEqual(validate('[[runners]]\nexecutor = "docker-ssh"\nurl = "https://x/"\ntoken = "${T}"\n[runners.docker]\n[runners.ssh]\n'), [
    {
      severity: 'info',
      code: 'concurrent-unset',
      path: 'concurrent',
      message: 'not set: gitlab-runner runs one job at a time',
      line: null,
      column: null,
      range: null,
      suggestion: null,
      fix: null,
    },
    {
      severity: 'error',
      code: 'removed-executor',
      path: 'runners[0].executor',
      message: 'the docker-ssh executor was removed in gitlab-runner 16.0; use docker',
      line: 2,
      column: 1,
      range: { start: { line: 2, column: 1, offset: 12 }, end: { line: 2, column: 24, offset: 35 } },
      suggestion: null,
      fix: null,
    },
  ]);
  const findings = validate({ concurrent: 1, runners: [{ url: 'https://x/', token: 'glrt-x', executor: 'shell', shell: 'fish' }] });
  assert.deepEqual(findings.map((d) => d.code), ['inline-secret', 'invalid-value']);
  assert.ok(findings.every((d) => !d.message.includes('glrt-x')));
  assert.deepEqual(validate(undefined).map((d) => d.code), ['wrong-type']);
});

test('schema and version', () => {
  const json = schema();
  assert.equal(json.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(json.properties.concurrent.default, 1);
  const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
  assert.equal(version, manifest.version);
});

test('the CommonJS entry is the same engine', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('../../bindings-wasm/pkg/node/index.cjs');
  assert.equal(cjs.render(guideExample), golden('guide_complete_example.toml'));
});
