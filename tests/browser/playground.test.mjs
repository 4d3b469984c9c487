// The playground (web-playground/dist/, built by `make playground`) in headless Chromium:
// presets against the Python face's golden files, live checks while typing, import, the form,
// share links without secrets, no request beyond 127.0.0.1, no console error, axe-core clean.
// Screenshots of the main states land in target/playground-shots/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { format, parse, render } from '../../bindings-wasm/pkg/node/index.mjs';
import { launch, serve } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'web-playground', 'dist');
const PRESETS = join(ROOT, 'web-playground', 'src', 'presets');
const GOLDEN = join(ROOT, 'tests', 'golden', 'presets');
const SHOTS = join(ROOT, 'target', 'playground-shots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
let browser;
/** Every request that went anywhere but the test server, from every page of every test. */
const outside = [];

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'web-playground/dist/ is missing: run `make playground` first');
  server = await serve(DIST);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page of the playground; `errors` collects console errors and uncaught exceptions. */
async function open(options = {}, hash = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      outside.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url + hash);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
  return { page, errors, context };
}

const preview = (page) => page.getByTestId('preview').textContent();
// The editor (in a shadow root) draws every line of these short documents, one element each.
const editorLines = () => [...document.querySelector('[data-testid="toml-editor"]').shadowRoot.querySelectorAll('.cm-line')];
const editorText = (page) => page.evaluate(`(${editorLines})().map((line) => line.textContent).join('\\n')`);

/** Replaces the editor's text by typing it, as a user would. */
async function typeInto(page, text) {
  await page.locator('[data-testid="toml-editor"] .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Typed line by line: the editor's auto-indent would otherwise re-indent the next line.
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    await page.keyboard.insertText(line);
    if (index < lines.length - 1) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
  }
}

/** Clicks Share and waits for the new link (it is made asynchronously: compression). */
async function shareLink(page) {
  const before = await page.locator('#share-link').inputValue();
  await page.getByTestId('share').click();
  await page.waitForFunction((old) => document.querySelector('#share-link').value !== old, before);
  return page.locator('#share-link').inputValue();
}

async function importFile(page, name, text) {
  await page.getByTestId('import').setInputFiles({ name, mimeType: 'application/toml', buffer: Buffer.from(text) });
  // The file is read asynchronously: wait until the editor holds it.
  await page.waitForFunction(`(${editorLines})().map((line) => line.textContent).join('\\n') === ${JSON.stringify(text)}`);
}

test('the page loads without a console error and shows a preview', async () => {
  const { page, errors, context } = await open();
  assert.match(await page.locator('#engine-version').textContent(), /^engine \d+\.\d+\.\d+/);
  // The preview keeps the user's layout and comments, tidied by the engine's format().
  assert.equal(await preview(page), format(readFileSync(join(PRESETS, 'guide-docker-s3.toml'), 'utf8')));
  assert.match(await preview(page), /^# The user guide's complete example/);
  assert.equal(await page.getByTestId('runner-version').inputValue(), '19.4');
  await page.screenshot({ path: join(SHOTS, 'light.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("each preset's preview equals the Python face's rendering", async () => {
  const presets = readdirSync(PRESETS).filter((name) => name.endsWith('.toml'));
  assert.equal(presets.length, 7);
  const { page, errors, context } = await open();
  const offered = await page.getByTestId('preset').locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  assert.deepEqual(offered.toSorted(), presets.map((name) => name.replace(/\.toml$/, '')).toSorted());
  await page.locator('#layout').selectOption('canonical');
  for (const name of presets) {
    await page.getByTestId('preset').selectOption(name.replace(/\.toml$/, ''));
    await page.waitForFunction((text) => document.querySelector('[data-testid="preview"]').textContent === text, readFileSync(join(GOLDEN, name), 'utf8'), { timeout: 5000 })
      .catch(() => undefined);
    assert.equal(await preview(page), readFileSync(join(GOLDEN, name), 'utf8'), `preset ${name}`);
    assert.equal(await editorText(page), readFileSync(join(PRESETS, name), 'utf8'), `preset ${name} text`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing updates the preview and the diagnostics; a bad value is flagged on its line', async () => {
  const { page, errors, context } = await open();
  await typeInto(page, 'concurrent = 3\nlog_level = "loud"');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"][data-line="2"]').length > 0);
  const finding = page.getByTestId('diagnostic').filter({ hasText: 'log_level' }).first();
  assert.equal(await finding.getAttribute('data-line'), '2');
  assert.equal(await finding.getAttribute('data-severity'), 'error');
  assert.match(await finding.textContent(), /loud/);
  // The squiggle covers the key and its value on line 2.
  assert.equal((await page.locator('.cm-lintRange-error').allTextContents()).join(''), 'log_level = "loud"');
  // A click on the finding moves the cursor to it.
  await finding.locator('button.diagnostic').click();
  const line = await page.evaluate(`(${editorLines})().findIndex((line) => line.classList.contains('cm-activeLine')) + 1`);
  assert.equal(line, 2);
  // "Explain" opens the code's explanation, with a bad and a fixed example.
  await finding.getByRole('button', { name: 'Explain invalid-value' }).click();
  const explained = finding.locator('.explanation');
  assert.match(await explained.textContent(), /A value of the right type that gitlab-runner does not accept/);
  assert.equal(await explained.locator('pre').count(), 2);
  await page.screenshot({ path: join(SHOTS, 'diagnostics.png'), fullPage: true });

  await typeInto(page, 'concurrent = 3\nlog_level = "debug"');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent === 'concurrent = 3\nlog_level = "debug"\n');
  assert.equal(await page.getByTestId('diagnostic').filter({ hasText: 'log_level' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the preview follows every kind of edit (it is updated line by line)', async () => {
  const { page, errors, context } = await open();
  await page.getByTestId('preset').selectOption('kubernetes');
  const editor = page.locator('[data-testid="toml-editor"] .cm-content');
  let canonical = false;
  const same = async (what) => {
    const text = await editorText(page);
    const expected = canonical ? render(parse(text, { strict: false }), { strict: false }) : format(text);
    await page.waitForFunction((e) => document.querySelector('[data-testid="preview"]').textContent === e, expected, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await preview(page), expected, what);
  };
  await same('preset');
  // A key added in the middle, one removed, a runner with a multi-line string, lines on top.
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('output_limit = 8192');
  await same('a key added');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Delete');
  await same('a key removed');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n[[runners]]\nname = "two"\npre_build_script = """\necho one\necho two\n"""\nexecutor = "shell"\n');
  await same('a runner appended');
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('# top\nlog_level = "debug"\n');
  await same('lines added at the top');
  canonical = true;
  await page.locator('#layout').selectOption('canonical');
  await same('canonical layout');
  await page.locator('[data-testid="toml-editor"] .cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('shutdown_timeout = 5\n');
  await same('canonical layout, edited');
  assert.deepEqual(errors, []);
  await context.close();
});

test('completion, hover and the version picker come from the engine', async () => {
  const { page, errors, context } = await open();
  await typeInto(page, '[[runners]]\n  executor = "docker"\n  [runners.docker]\n    pull');
  await page.keyboard.press('Control+Space');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'pull_policy' }).first();
  await option.waitFor({ timeout: 5000 });
  await option.click();
  assert.match(await editorText(page), /\n {4}pull_policy = /);
  // Hovering a key shows its card.
  await page.locator('[data-testid="toml-editor"] .cm-line', { hasText: 'executor' }).first().getByText('executor').hover();
  const card = page.locator('.hover-card');
  await card.waitFor({ timeout: 5000 });
  assert.match(await card.textContent(), /runners\.executor/);
  assert.match(await card.textContent(), /Executor used to run jobs/);
  // Checks target the chosen gitlab-runner release.
  await page.getByTestId('preset').selectOption('docker-autoscaler-aws');
  await page.getByTestId('runner-version').selectOption('15.0');
  await page.locator('[data-testid="diagnostic"][data-code="executor-too-new"]').waitFor({ timeout: 5000 });
  await page.getByTestId('runner-version').selectOption('19.4');
  await page.waitForFunction(() => !document.querySelector('[data-testid="diagnostic"][data-code="executor-too-new"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an imported file is shown as read, and a misspelled key gets its suggestion', async () => {
  const { page, errors, context } = await open();
  const text = '# ours\nconcurrent = 2\n\n[[runners]]\n  name = "a"\n  url = "https://gitlab.example.com/"\n  token = "${RUNNER_TOKEN}"\n  exectuor = "shell"\n';
  await importFile(page, 'config.toml', text);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"][data-code="unknown-key"]').length > 0);
  assert.equal(await editorText(page), text);
  const finding = page.getByTestId('diagnostic').filter({ hasText: 'exectuor' });
  assert.equal(await finding.getAttribute('data-line'), '8');
  assert.match(await finding.textContent(), /did you mean executor\?/);
  // The quick fix renames the key and keeps everything else, comments included.
  await finding.getByTestId('quick-fix').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"][data-code="unknown-key"]').length === 0);
  assert.equal(await editorText(page), text.replace('exectuor', 'executor'));
  // The preview keeps the user's layout and comments, tidied by the engine's format().
  const tidied = format(text.replace('exectuor', 'executor'));
  assert.match(tidied, /^# ours\n/);
  await page.waitForFunction((t) => document.querySelector('[data-testid="preview"]').textContent === t, tidied);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file dropped on the page or pasted into the editor is shown as read', async () => {
  const { page, errors, context } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const dropped = '# dropped\nconcurrent = 5\n';
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'config.toml', { type: 'application/toml' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, dropped);
  await page.waitForFunction((t) => document.querySelector('[data-testid="preview"]').textContent === t, format(dropped));
  assert.equal(await editorText(page), dropped);
  assert.equal(await page.locator('#drop-zone').isVisible(), false);

  const pasted = '# pasted\nconcurrent = 6\n\n[[runners]]\n  name = "p"\n';
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await page.locator('[data-testid="toml-editor"] .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('concurrent = 6\n'));
  assert.equal(await editorText(page), pasted);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export copies config.toml as written and the config as JSON', async () => {
  const { page, errors, context } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const text = '# mine\nconcurrent = 2\n\n[[runners]]\n  name = "a"\n  url = "https://gitlab.example.com/"\n  token = "${RUNNER_TOKEN}"\n  executor = "docker"\n  [runners.docker]\n    image = "alpine"\n';
  await importFile(page, 'config.toml', text);
  await page.getByTestId('export-toml').click();
  await page.locator('#status', { hasText: 'Copied config.toml' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await page.getByTestId('export-json').click();
  await page.locator('#status', { hasText: 'as JSON' }).waitFor();
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    JSON.stringify(
      { concurrent: 2, runners: [{ name: 'a', url: 'https://gitlab.example.com/', token: '${RUNNER_TOKEN}', executor: 'docker', docker: { image: 'alpine' } }] },
      null,
      2,
    ),
  );
  await page.getByTestId('export-python').click();
  await page.locator('#status', { hasText: 'as Python' }).waitFor();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(script, /wetwire_gitlab\.runner_config/);
  assert.match(script, /image="alpine"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form edit changes the text and the preview, and keeps comments', async () => {
  const { page, errors, context } = await open();
  const text = '# fleet\nconcurrent = 1 # jobs at once\n\n[[runners]]\n  # the only runner\n  name = "shell"\n  url = "https://gitlab.example.com/"\n  token = "${RUNNER_TOKEN}"\n  executor = "shell"\n';
  await importFile(page, 'config.toml', text);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByTestId('form');
  await form.locator('#f-concurrent').fill('7');
  await form.locator('#f-concurrent').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('concurrent = 7 '));
  // The engine's update changes the value only: comments and layout stay.
  assert.equal(await editorText(page), text.replace('concurrent = 1', 'concurrent = 7'));
  // The executor picker shows that executor's section.
  await form.locator('#f-runners_0__executor').selectOption('docker');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('executor = "docker"'));
  await form.locator('summary', { hasText: '[runners.docker]' }).waitFor();
  assert.equal(await form.locator('summary', { hasText: '[runners.kubernetes]' }).isVisible(), false);
  // Runners can be duplicated.
  await form.getByRole('button', { name: 'Duplicate shell' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.split('[[runners]]').length === 3);
  await page.screenshot({ path: join(SHOTS, 'form.png'), fullPage: true });
  // The copy is renamed, moved first, and the original removed.
  await form.locator('summary', { hasText: 'shell-copy (docker)' }).click();
  await form.locator('#f-runners_1__name').fill('second');
  await form.locator('#f-runners_1__name').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('name = "second"'));
  await form.getByRole('button', { name: 'Move second up' }).click();
  await page.waitForFunction(() => /name = "second"[^]*name = "shell"/.test(document.querySelector('[data-testid="preview"]').textContent));
  await form.getByRole('button', { name: 'Remove shell' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.split('[[runners]]').length === 2);
  assert.match(await preview(page), /name = "second"/);
  assert.match(await editorText(page), /^# fleet\nconcurrent = 7 # jobs at once\n/);
  // Text edits reach the form.
  await page.locator('[data-testid="toml-editor"] .cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'concurrent = 7'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText('1');
  await page.waitForFunction(() => document.querySelector('#f-concurrent')?.value === '71');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link reopens the same config without its secrets', async () => {
  const { page, errors, context } = await open();
  const secret = 'glrt-t0pS3cretValue';
  const text = `concurrent = 1\n\n[[runners]]\n  name = "a" # kept\n  url = "https://gitlab.example.com/"\n  token = "${secret}"\n  executor = "shell"\n  environment = ["API_TOKEN=abc123secret", "PLAIN=1"]\n`;
  await importFile(page, 'config.toml', text);
  await page.waitForFunction((t) => document.querySelector('[data-testid="preview"]').textContent.includes('name = "a"'), null);
  await page.getByTestId('runner-version').selectOption('17.0');
  const link = await shareLink(page);
  assert.ok(link.startsWith(server.url + '#config='), link);
  assert.ok(!link.includes('?'));
  assert.equal(await page.locator('#share-warning').isVisible(), false);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes(secret) && !stored.includes('abc123secret'), 'localStorage holds a secret');

  const second = await context.newPage();
  second.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await second.goto(link);
  await second.locator('body[data-ready="true"]').waitFor();
  const expected = text.replace(secret, '${RUNNER_TOKEN}').replace('API_TOKEN=abc123secret', 'API_TOKEN=${API_TOKEN}');
  assert.equal(await editorText(second), expected);
  assert.equal(await second.getByTestId('runner-version').inputValue(), '17.0');
  // Once read, the link leaves the address bar: a reload keeps later work, not the link's.
  assert.equal(new URL(second.url()).hash, '');

  // A reload keeps the work, without its secrets.
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  assert.equal(await editorText(page), expected);
  await importFile(page, 'config.toml', text);
  await page.waitForFunction((t) => document.querySelector('[data-testid="preview"]').textContent.includes('name = "a"'), null);

  // Text the engine cannot read still loses what looks like a secret.
  const broken = `[[runners]]\n  token = "${secret}"\n  environment = ['API_TOKEN=abc123secret']\n  oops =\n`;
  await importFile(page, 'broken.toml', broken);
  await page.locator('[data-testid="diagnostic"][data-code="syntax"]').waitFor();
  assert.equal(await page.locator('#preview-stale').isVisible(), true);
  const brokenLink = await shareLink(page);
  const brokenPage = await context.newPage();
  await brokenPage.goto(brokenLink);
  await brokenPage.locator('body[data-ready="true"]').waitFor();
  assert.equal(await editorText(brokenPage), broken.replace(secret, '${TOKEN}').replace("'API_TOKEN=abc123secret'", '"API_TOKEN=${API_TOKEN}"'));
  await importFile(page, 'config.toml', text);
  await page.waitForFunction((t) => document.querySelector('[data-testid="preview"]').textContent.includes('name = "a"'), null);

  // With the user's consent the secrets go along, and the page says so.
  await page.locator('#share-secrets').check();
  assert.equal(await page.locator('#share-warning').isVisible(), true);
  const withSecrets = await shareLink(page);
  const third = await context.newPage();
  await third.goto(withSecrets);
  await third.locator('body[data-ready="true"]').waitFor();
  assert.equal(await editorText(third), text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark, narrow and accessible', async () => {
  const { page, errors, context } = await open({ colorScheme: 'dark' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.screenshot({ path: join(SHOTS, 'dark.png'), fullPage: true });
  await context.close();

  const narrow = await open({ viewport: { width: 400, height: 900 } });
  const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'the page scrolls sideways at 400 px');
  await narrow.page.screenshot({ path: join(SHOTS, 'narrow.png'), fullPage: true });
  await narrow.context.close();

  // axe-core is injected past the page's Content-Security-Policy (which rightly refuses it).
  for (const colorScheme of ['light', 'dark']) {
    const { page: checked, context: axeContext } = await open({ bypassCSP: true, colorScheme });
    await checked.addScriptTag({ path: AXE });
    const violations = await checked.evaluate(async () => (await window.axe.run(document)).violations);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], colorScheme);
    await checked.getByRole('tab', { name: 'Form' }).click();
    const formViolations = (await checked.evaluate(async () => (await window.axe.run(document)).violations)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(formViolations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${colorScheme} form`);
    await axeContext.close();
  }
  assert.deepEqual(errors.concat(narrow.errors), []);
});

test('the keyboard reaches every control, with a visible focus', async () => {
  const { page, errors, context } = await open();
  const reached = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return { id: element.id || element.dataset.testid || element.tagName, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      }),
    );
  }
  const ids = reached.map((r) => r.id);
  for (const id of ['preset', 'runner-version', 'import', 'export-toml', 'download-toml', 'export-json', 'export-python', 'share', 'theme', 'shortcuts-toggle', 'editor']) {
    assert.ok(ids.includes(id), `Tab does not reach ${id}: ${ids.join(' ')}`);
  }
  for (const { id, outline } of reached.filter((r) => r.id !== 'editor')) assert.ok(outline, `no visible focus on ${id}`);
  // In the editor Tab indents; Esc then Tab leaves it.
  await page.locator('[data-testid="toml-editor"] .cm-content').click();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no request left 127.0.0.1', () => {
  assert.deepEqual(outside, []);
});
