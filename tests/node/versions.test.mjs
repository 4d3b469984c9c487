// runnerVersions(): the releases the version-aware checks know, from the engine's schema.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { runnerVersions, validate } from '../../bindings-wasm/pkg/node/index.mjs';
import { SHARED } from './helpers.mjs';

const history = join(SHARED, 'reference', 'key-versions.json');

test('the releases are gitlab-runner\'s, oldest first', { skip: !existsSync(history) && `${history} is absent` }, () => {
  assert.deepEqual(runnerVersions(), JSON.parse(readFileSync(history, 'utf8')).versions);
});

test('every release is a runnerVersion validate takes', () => {
  const versions = runnerVersions();
  assert.equal(versions[0], '12.0');
  for (const runnerVersion of versions) assert.deepEqual(validate('concurrent = 1\n', { runnerVersion }), []);
});
