// The npm package's `gitlab-runner-config` as users get it: the packed tarball installed in a
// scratch folder, run through `npx` (the cross-face comparison with the native binary and the
// wheel's console script is tests/python/test_cli_faces.py).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { installPackage } from './helpers.mjs';

let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'grc-bin-'));
  installPackage(scratch);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

function npx(args, input) {
  const run = spawnSync('npx', ['--no-install', 'gitlab-runner-config', ...args], { cwd: scratch, input, encoding: 'utf8' });
  return [run.stdout, run.stderr, run.status];
}

test('npx gitlab-runner-config lints, converts with placeholders filled in, and writes a private file', () => {
  writeFileSync(join(scratch, 'bad.toml'), '[[runners]]\n  name = "r"\n  url = "https://gitlab.example.com"\n  token = "${T}"\n  executr = "shell"\n');
  const [out, err, status] = npx(['lint', 'bad.toml']);
  assert.equal(status, 1);
  assert.equal(err, '');
  assert.match(out, /\nbad\.toml:5:3: error\[unknown-key\]: runners\[0\]\.executr: unknown key; did you mean executor\?\n1 file: 2 errors/);

  const secret = JSON.stringify({ concurrent: 1, runners: [{ name: 'r', url: 'https://gitlab.example.com', token: '${T}', executor: 'shell' }] });
  process.env.T = 'glrt-filled';
  try {
    assert.deepEqual(npx(['convert', '--from', 'json', '--expand-env', '-o', 'config.toml'], secret), ['', '', 0]);
  } finally {
    delete process.env.T;
  }
  assert.match(readFileSync(join(scratch, 'config.toml'), 'utf8'), /\n {2}token = "glrt-filled"\n/);
  assert.equal(statSync(join(scratch, 'config.toml')).mode & 0o777, 0o600);
  const [, unset, failed] = npx(['convert', '--from', 'json', '--expand-env'], secret);
  assert.equal(failed, 1);
  assert.equal(unset, '-: error[invalid-value]: runners[0].token: environment variable T is not set\n');
});
