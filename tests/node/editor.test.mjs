// What the playground's editor reads from the engine: findings with ranges whose offsets are
// JS string indexes (UTF-16), misspelled keys' suggestions, completion and hover at a JS string
// index, a config as a Python script.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { complete, hover, parse, toPython, validate } from '../../bindings-wasm/pkg/node/index.mjs';

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
    fix: { safe: false, edits: [{ start, end: start + 9, text: 'builds_dir' }] },
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

/** The text without its `|`, and the JS string index of the `|`. */
function cursor(text) {
  return [text.replace('|', ''), text.indexOf('|')];
}

const DOCKER = '[[runners]]\n  name = "😀 é"\n  executor = "docker"\n  [runners.docker]\n';

test('complete offers the keys of the table in force, after a non-ASCII line', () => {
  const [text, offset] = cursor(`${DOCKER}    pul|`);
  const { from, to, items } = complete(text, offset);
  assert.equal(text.slice(from, to), 'pul');
  assert.deepEqual(items.find((item) => item.label === 'pull_policy'), {
    label: 'pull_policy',
    kind: 'key',
    detail: 'string or array of strings, default "always"',
    documentation: 'Image pull policy or ordered list of policies (always, if-not-present, never); default always.',
    deprecated: false,
    since: null,
    apply: 'pull_policy = "always"',
  });
  assert.equal(items.find((item) => item.label === 'cgroup_parent').since, '16.10');
});

test('complete offers allowed values and headers', () => {
  let [text, offset] = cursor(`${DOCKER}    pull_policy = "|"`);
  let result = complete(text, offset);
  assert.equal(text.slice(result.from, result.to), '""');
  assert.deepEqual(result.items.map((item) => item.apply), ['"always"', '"never"', '"if-not-present"']);
  [text, offset] = cursor('# é😀\n[|');
  result = complete(text, offset);
  assert.deepEqual([result.from, result.to], [offset - 1, offset]);
  assert.deepEqual(result.items.slice(0, 2).map((item) => [item.label, item.kind]), [['[[runners]]', 'table'], ['[session_server]', 'table']]);
});

test('hover describes the key under the cursor, with JS string indexes', () => {
  const [text, offset] = cursor(`${DOCKER}    pull_po|licy = ["never"]\n`);
  const card = hover(text, offset);
  assert.deepEqual(card, {
    from: text.indexOf('pull_policy'),
    to: text.indexOf('pull_policy') + 'pull_policy'.length,
    title: 'runners.docker.pull_policy',
    markdown:
      'Image pull policy or ordered list of policies (always, if-not-present, never); default always.\n\n' +
      '- Kind: string or array of strings\n- Default: `"always"`\n- Allowed: `"always"`, `"never"`, `"if-not-present"`\n',
  });
  assert.equal(hover(text, text.indexOf('never')), null);
  assert.throws(() => hover(42, 0), { name: 'TomlParseError' });
});
