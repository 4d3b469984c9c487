// The built package as users get it: `npm install` of the packed tarball in a scratch folder,
// then ESM and CommonJS imports in Node and `tsc --strict` against its types.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PACKAGE, ROOT, golden, installPackage } from './helpers.mjs';

let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'grc-package-'));
  installPackage(scratch);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

const example = "{ concurrent: 1, runners: [{ name: 'n', executor: 'shell' }] }";
const expected = 'concurrent = 1\n\n[[runners]]\n  name = "n"\n  executor = "shell"\n';

function node(file, source) {
  writeFileSync(join(scratch, file), source);
  return execFileSync(process.execPath, [file], { cwd: scratch, encoding: 'utf8' });
}

test('the package files are what package.json lists', () => {
  const manifest = JSON.parse(readFileSync(join(scratch, 'node_modules/@wetwire/gitlab-runner-config/package.json'), 'utf8'));
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'node', 'default']);
});

test('ESM import works in Node without top-level await or init', () => {
  const out = node('esm.mjs', `import { render, version } from '@wetwire/gitlab-runner-config';\nprocess.stdout.write(render(${example}) + version);`);
  assert.equal(out, expected + JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).version);
});

test('CommonJS require works in Node', () => {
  const out = node('cjs.cjs', `const { render } = require('@wetwire/gitlab-runner-config');\nprocess.stdout.write(render(${example}));`);
  assert.equal(out, expected);
});

test('the guide example through the installed package', () => {
  const out = node(
    'guide.mjs',
    `import { parse, render } from '@wetwire/gitlab-runner-config';\nimport { readFileSync } from 'node:fs';\n` +
      `process.stdout.write(render(parse(readFileSync(${JSON.stringify(join(ROOT, 'tests/golden/guide_complete_example.toml'))}, 'utf8'))));`,
  );
  assert.equal(out, golden('guide_complete_example.toml'));
});

function tsc(file) {
  copyFileSync(join(ROOT, 'tests/node/typescript', file), join(scratch, file));
  const args = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', file];
  return spawnSync(join(ROOT, 'node_modules/.bin/tsc'), args, { cwd: scratch, encoding: 'utf8' });
}

test('typed code compiles with tsc --strict', () => {
  const result = tsc('good.ts');
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('each wrong type fails to compile', () => {
  const source = readFileSync(join(ROOT, 'tests/node/typescript/bad.ts'), 'utf8').split('\n');
  const expected = source.flatMap((line, i) => (line.includes('// expect:') ? [i + 1] : []));
  const result = tsc('bad.ts');
  const reported = [...new Set([...result.stdout.matchAll(/^bad\.ts\((\d+),\d+\): error/gm)].map((m) => Number(m[1])))];
  assert.deepEqual(reported, expected, result.stdout);
});
