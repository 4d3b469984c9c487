// The playground in headless Chromium (web-playground/dist/, built by `make playground`),
// printed as a Markdown section: what the first load transfers (gzipped), and how long a
// keystroke takes to reach the preview and the diagnostics on 100- and 1,000-runner configs.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, serve } from '../tests/browser/browser.mjs';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'web-playground', 'dist');
const KEYSTROKES = 40;

function fleet(runners) {
  const lines = ['concurrent = 100', ''];
  for (let i = 0; i < runners; i++) {
    lines.push(
      '[[runners]]',
      `  name = "docker-${i}"`,
      '  url = "https://gitlab.example.com/"',
      '  token = "${RUNNER_TOKEN}"',
      '  executor = "docker"',
      '  limit = 4',
      `  environment = ["RUNNER_INDEX=${i}", "DOCKER_TLS_CERTDIR=/certs"]`,
      '  [runners.docker]',
      '    image = "alpine:3.20"',
      '    privileged = true',
      '    volumes = ["/certs/client", "/cache"]',
      '  [runners.cache]',
      '    Type = "s3"',
      '    Shared = true',
      '    [runners.cache.s3]',
      '      BucketName = "runner-cache"',
      '      AccessKey = "${AWS_ACCESS_KEY}"',
      '      SecretKey = "${AWS_SECRET_KEY}"',
      '',
    );
  }
  return lines.join('\n');
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

async function firstLoad(browser, url) {
  const page = await browser.newPage();
  const files = [];
  page.on('response', (response) => files.push(new URL(response.url()).pathname));
  const start = Date.now();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  const interactive = Date.now() - start;
  await page.close();
  const sizes = files.map((path) => {
    const bytes = readFileSync(join(DIST, path === '/' ? 'index.html' : path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { sizes, interactive };
}

async function keystrokes(browser, url, runners) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('import').setInputFiles({ name: 'fleet.toml', mimeType: 'application/toml', buffer: Buffer.from(fleet(runners)) });
  await page.waitForFunction((n) => document.querySelector('[data-testid="preview"]').textContent.split('[[runners]]').length === n + 1, runners, { timeout: 60000 });
  // The cursor goes to the end of `concurrent = 100`, where typing a digit keeps the file valid.
  await page.locator('[data-testid="toml-editor"] .cm-line').first().click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.latencies = [];
    const preview = document.querySelector('[data-testid="preview"]');
    const editor = document.querySelector('[data-testid="toml-editor"]');
    let pressed = 0;
    editor.addEventListener('keydown', () => (pressed = performance.now()), true);
    new MutationObserver(() => {
      if (pressed) window.latencies.push(performance.now() - pressed);
      pressed = 0;
    }).observe(preview, { childList: true });
    performance.clearMeasures('playground:refresh');
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace');
    await page.waitForFunction((count) => window.latencies.length > count, i);
  }
  const result = await page.evaluate(() => ({
    latency: window.latencies,
    work: performance.getEntriesByName('playground:refresh').map((entry) => entry.duration),
  }));
  await page.close();
  return { runners, latency: median(result.latency), work: median(result.work) };
}

const server = await serve(DIST);
const browser = await launch();
try {
  const { sizes, interactive } = await firstLoad(browser, server.url);
  const rows = [];
  for (const runners of [100, 1000]) rows.push(await keystrokes(browser, server.url, runners));
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log('\n## Playground (headless Chromium, web-playground/dist/ on 127.0.0.1)\n');
  console.log('| first load | raw KB | gzip -9 KB |\n|---|---:|---:|');
  for (const { path, raw, gzip } of sizes) console.log(`| \`${path}\` | ${kb(raw)} | ${kb(gzip)} |`);
  const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  console.log(`| **total** | ${kb(total.raw)} | **${kb(total.gzip)}** |`);
  console.log(`\nTime to interactive (navigation to the engine loaded and the first check shown): ${interactive} ms.\n`);
  console.log(`| keystroke (median of ${KEYSTROKES}) | check + format + highlight + squiggles | key down to preview updated |\n|---|---:|---:|`);
  for (const row of rows) console.log(`| ${row.runners} runners | ${row.work.toFixed(1)} ms | ${row.latency.toFixed(1)} ms |`);
  console.log('\nThe second column is the work done for one change (check, layout, highlighting, squiggles, problems list); the third is measured from the key press, so it adds the editor\'s own update.');
} finally {
  await browser.close();
  server.close();
}
