// What the playground's editor reads from the engine: findings with ranges whose offsets are
// JS string indexes (UTF-16), misspelled keys' suggestions, a config as a Python script.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parse, toPython, validate } from '../../bindings-wasm/pkg/node/index.mjs';

// A comment with an astral character (two UTF-16 units, four UTF-8 bytes) before everything.
const HEAD = '# 😀 é\nconcurrent = 1\n[[runners]]\nurl = "https://gitlab.example.com/"\ntoken = "${T}"\n';

test('diagnostics carry ranges in JS string indexes and suggestions', () => {
  const text = `${HEAD}executor = "shell"\n  buids_dir = "/b"\n`;
  const [finding] = validate(text);
  const start = text.indexOf('buids_dir');
  assert.deepEqual(finding, {
    severity: 'error',
    code: 'unknown-key',
    path: 'runners[0].buids_dir',
    message: 'unknown key; did you mean builds_dir?',
    line: 7,
    column: 3,
    range: { start: { line: 7, column: 3, offset: start }, end: { line: 7, column: 12, offset: start + 9 } },
    suggestion: 'builds_dir',
  });
  assert.equal(text.slice(finding.range.start.offset, finding.range.end.offset), 'buids_dir');
});

test('a value finding underlines the value; errors thrown carry ranges too', () => {
  const text = `${HEAD}executor = "shell"\nlimit = "é4"\n`;
  const [finding] = validate(text);
  assert.equal(text.slice(finding.range.start.offset, finding.range.end.offset), '"é4"');
  assert.equal(finding.suggestion, null);
  assert.throws(() => parse(text), (error) => {
    const [first] = error.errors;
    assert.equal(text.slice(first.range.start.offset, first.range.end.offset), '"é4"');
    return true;
  });
});

test('findings about a config object have no range', () => {
  const [finding] = validate({ concurrent: 'x' });
  assert.equal(finding.range, null);
});

test('toPython writes the script that builds a config object', () => {
  const source = toPython({ concurrent: 2, runners: [{ name: 'r', url: 'https://x/', token: '${T}', executor: 'shell' }] });
  assert.equal(
    source,
    'from wetwire_gitlab.runner_config import Config, Executor, Runner\n\n' +
      'config = Config(\n    concurrent=2,\n    runners=[\n        Runner(\n            name="r",\n' +
      '            url="https://x/",\n            token="${T}",\n            executor=Executor.SHELL,\n        ),\n    ],\n)\n\n' +
      'print(config.to_toml(), end="")\n',
  );
  assert.throws(() => toPython({ concurrent: 'x' }), { name: 'ConfigError', path: 'concurrent' });
});
