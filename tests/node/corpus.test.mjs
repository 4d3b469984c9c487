// Every corpus file gives the same text and the same findings through JS as through Python.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { parse, render, validate } from '../../bindings-wasm/pkg/node/index.mjs';
import { SHARED, pythonOutputs } from './helpers.mjs';

const { outputs, skip } = pythonOutputs();

test('valid files: parse then render agrees byte for byte with Python', { skip }, () => {
  const files = Object.entries(outputs.valid);
  const listed = JSON.parse(readFileSync(join(SHARED, 'corpus', 'manifest.json'), 'utf8'));
  assert.equal(files.length, Object.keys(listed.valid).length);
  for (const [name, python] of files) {
    const text = readFileSync(join(SHARED, 'corpus', 'valid', name), 'utf8');
    assert.equal(render(parse(text)), python, name);
  }
});

/** A JS finding in Python's shape: the same fields, the end of the range as end_line/end_column. */
function asPython({ range, ...finding }) {
  return { ...finding, end_line: range?.end.line ?? null, end_column: range?.end.column ?? null };
}

test('unknown-key files: the same diagnostics as Python', { skip }, () => {
  const files = Object.entries(outputs['unknown-keys']);
  const listed = JSON.parse(readFileSync(join(SHARED, 'corpus', 'manifest.json'), 'utf8'));
  assert.equal(files.length, Object.keys(listed['unknown-keys']).length);
  for (const [name, python] of files) {
    const text = readFileSync(join(SHARED, 'corpus', 'unknown-keys', name), 'utf8');
    assert.deepEqual(validate(text).map(asPython), python, name);
  }
});
