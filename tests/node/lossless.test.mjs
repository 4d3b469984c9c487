// update(text, config) keeps everything the config did not change; format keeps comments.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { fix, format, parse, update, validate } from '../../bindings-wasm/pkg/node/index.mjs';
import { ROOT, SHARED } from './helpers.mjs';

const fixture = (name) => readFileSync(join(ROOT, 'core', 'tests', 'fixtures', 'edit', name), 'utf8');
const CORPUS = join(SHARED, 'corpus', 'valid');

test('an unchanged config gives the text back byte for byte', () => {
  const text = fixture('commented.toml');
  assert.equal(update(text, parse(text)), text);
});

test('a changed value changes its line only, comments kept', () => {
  const text = fixture('commented.toml');
  const config = parse(text);
  config.runners[0].limit = 8;
  assert.equal(update(text, config), text.replace('  limit = 4 # at most 4 jobs', '  limit = 8 # at most 4 jobs'));
});

test('every corpus file comes back unchanged', { skip: !existsSync(CORPUS) && `${CORPUS} is absent` }, () => {
  for (const name of readdirSync(CORPUS)) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    assert.equal(update(text, parse(text)), text, name);
  }
});

test('format keeps comments; canonical moves them with their keys', () => {
  assert.equal(format(fixture('messy.toml')), fixture('messy.formatted.toml'));
  assert.equal(format(fixture('commented.toml'), { canonical: true }), fixture('commented.canonical.toml'));
});

test('bad text is a TomlParseError, a bad config a ConfigError', () => {
  assert.throws(() => update('concurrent = ', {}), { name: 'TomlParseError', code: 'syntax' });
  assert.throws(() => update('concurrent = 1\n', { concurrent: 'x' }), {
    name: 'ConfigError',
    path: 'concurrent',
  });
});

test('findings carry their fix with string indexes; fix() makes the safe ones', () => {
  // A non-ASCII comment first: the fix's indexes are UTF-16, as `range`'s are.
  const text = '# café ☕\n[[runners]]\n  executor = "docker"\n  buids_dir = "/b" # kept\n  [runners.docker]\n    Privileged = true\n';
  const findings = validate(text);
  const withFix = findings.filter((d) => d.fix);
  assert.deepEqual(
    withFix.map((d) => [d.code, d.fix.safe, d.fix.edits[0].text]),
    [
      ['unknown-key', false, 'builds_dir'],
      ['key-case', true, 'privileged'],
    ],
  );
  const [{ start, end }] = withFix[1].fix.edits;
  assert.equal(text.slice(start, end), 'Privileged');
  assert.equal(withFix[1].range.start.offset, start);
  const fixed = fix(text);
  assert.equal(fixed, text.replace('Privileged', 'privileged'));
  assert.equal(fix(fixed), fixed);
  assert.equal(fix(text, { unsafeFixes: true }), fixed.replace('buids_dir', 'builds_dir'));
});

test('a table header in another letter case carries a fix renaming it in every header', () => {
  const text = '# ☕\n[[runners]]\n  executor = "docker"\n  [runners.Docker] # kept\n    image = "a"\n  [runners.Docker.sysctls]\n    "net.core.somaxconn" = "1024"\n';
  const [finding] = validate(text).filter((d) => d.code === 'key-case');
  assert.equal(finding.path, 'runners[0].docker');
  assert.equal(finding.fix.safe, true);
  assert.deepEqual(
    finding.fix.edits.map(({ start, end, text: written }) => [text.slice(start, end), written]),
    [
      ['Docker', 'docker'],
      ['Docker', 'docker'],
    ],
  );
  const fixed = fix(text);
  assert.equal(fixed, text.replaceAll('Docker', 'docker'));
  assert.equal(fix(fixed), fixed);
});
