// The npm package in a bundled web app: a scratch Vite app installs the packed package, is
// built with `vite build`, and runs in headless Chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { build } from 'vite';

import { installPackage } from '../node/helpers.mjs';
import { launch, serve } from './browser.mjs';

let app;
let server;
let browser;

before(async () => {
  app = mkdtempSync(join(tmpdir(), 'grc-vite-'));
  installPackage(app);
  writeFileSync(join(app, 'index.html'), '<!doctype html><pre id="out">loading</pre><script type="module" src="./main.js"></script>');
  writeFileSync(
    join(app, 'main.js'),
    `import { init, render, validate, version } from '@wetwire/gitlab-runner-config';
await init();
const out = document.getElementById('out');
try {
  render({ concurrent: 'x' });
} catch (error) {
  out.dataset.error = error.path;
}
out.dataset.findings = validate('[[runners]]\\nexecutor = "docker-ssh"\\n').map((d) => d.code).join(',');
out.dataset.version = version;
out.textContent = render({ concurrent: 2, runners: [{ name: 'web', executor: 'docker', docker: { image: 'alpine' } }] });
`,
  );
  await build({ root: app, logLevel: 'error', build: { outDir: join(app, 'dist'), target: 'es2022' } });
  server = await serve(join(app, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(app, { recursive: true, force: true });
});

test('the Vite build renders, reports and validates in the browser', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.locator('#out[data-version]').waitFor({ timeout: 15000 });
  const out = page.locator('#out');
  assert.equal(
    await out.textContent(),
    'concurrent = 2\n\n[[runners]]\n  name = "web"\n  executor = "docker"\n\n  [runners.docker]\n    image = "alpine"\n',
  );
  assert.equal(await out.getAttribute('data-error'), 'concurrent');
  assert.deepEqual((await out.getAttribute('data-findings')).split(','), ['concurrent-unset', 'missing-key', 'missing-key', 'removed-executor']);
  assert.match(await out.getAttribute('data-version'), /^\d+\.\d+\.\d+/);
  assert.deepEqual(errors, []);
});
