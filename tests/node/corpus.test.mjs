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

test('unknown-key files: the same diagnostics as Python', { skip }, () => {
  const files = Object.entries(outputs['unknown-keys']);
  assert.equal(files.length, 14);
  for (const [name, python] of files) {
    const text = readFileSync(join(SHARED, 'corpus', 'unknown-keys', name), 'utf8');
    assert.deepEqual(validate(text), python, name);
  }
});
