// What a browser downloads stays small: the web build's .wasm within the budget of issues 8 and
// 12 ("160 KB" gzipped), held in decimal with room to spare (158,000 bytes, gzip -9), with
// everything the library does, read from the built package. The command line lives only in the
// bin's own .wasm, so neither library carries it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const PKG = new URL('../../bindings-wasm/pkg/', import.meta.url);
const BUDGET = 158_000;

/** Bytes after `gzip -9`; Node's zlib (which compresses about 1 KB worse) where gzip is missing. */
function gzipped(file) {
  try {
    return execFileSync('gzip', ['-9c', file.pathname], { maxBuffer: 1 << 26 }).length;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    return gzipSync(readFileSync(file), { level: 9 }).length;
  }
}

test(`the web build's .wasm is at most ${BUDGET} bytes gzipped`, () => {
  const size = gzipped(new URL('web/gitlab_runner_config_wasm_bg.wasm', PKG));
  assert.ok(size <= BUDGET, `${size} bytes gzipped, ${size - BUDGET} over the budget: see bench/findings.md for what the size is made of`);
});

test('the libraries carry every function of the package and no command line; the bin carries it', async () => {
  const require = createRequire(import.meta.url);
  const node = require(new URL('node/gitlab_runner_config_wasm.js', PKG).pathname);
  const web = await import(new URL('web/gitlab_runner_config_wasm.js', PKG));
  const cli = require(new URL('node/cli/gitlab_runner_config_wasm.js', PKG).pathname);
  const library = [
    'render', 'parse', 'validate', 'validateText', 'format', 'update', 'fix', 'complete', 'hover', 'toPython',
    'dockerAuthConfig', 'schema', 'runnerVersions', 'version',
  ];
  for (const name of library) {
    assert.equal(typeof node[name], 'function', `node: ${name}`);
    assert.equal(typeof web[name], 'function', `web: ${name}`);
  }
  assert.equal(node.cliMain, undefined);
  assert.equal(web.cliMain, undefined);
  assert.equal(typeof cli.cliMain, 'function');
});
