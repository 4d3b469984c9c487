// A marker in every secret-bearing field never shows in a JS error or a finding, whatever else
// is wrong with the config. (The playground's share link and localStorage are tested by
// tests/browser/playground.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parse, render, validate } from '../../bindings-wasm/pkg/node/index.mjs';

const MARK = 'SeCrEt7f3a';
const runner = (name) => ({
  name,
  url: 'https://gitlab.example.com/',
  token: `${MARK}-token`,
  executor: 'kubernetes',
  environment: [`DOCKER_AUTH_CONFIG={"auths":{"r.example.com":{"auth":"${MARK}-auth"}}}`, `API_TOKEN=${MARK}-env`],
  ssh: { password: `${MARK}-ssh` },
  kubernetes: { bearer_token: `${MARK}-bearer` },
  cache: { Type: 's3', s3: { AccessKey: `${MARK}-a`, SecretKey: `${MARK}-s`, SessionToken: `${MARK}-t` }, gcs: { PrivateKey: `${MARK}-p` }, azure: { AccountKey: `${MARK}-k` } },
  autoscaler: { connector_config: { password: `${MARK}-c` } },
});
const config = () => ({ sentry_dsn: `https://${MARK}u:${MARK}p@sentry.example.com/1`, runners: [runner('a'), runner('b')] });

function clean(text, where) {
  assert.ok(!String(text).includes(MARK), `a secret shows in ${where}: ${String(text).slice(0, 2000)}`);
}

test('no secret in a JS error or finding', () => {
  const broken = [
    (c) => { c.concurrent = 'many'; },
    (c) => { c.runners[0].cache.s3.SecretKey = [`${MARK}-list`]; },
    (c) => { c.runners[0].kubernetes.bearer_token = 12345n; },
    (c) => { c.runners[0].tokenn = `${MARK}-typo`; },
    (c) => { Object.defineProperty(c.runners[0], 'token', { get() { throw new Error('no'); }, enumerable: true }); },
  ];
  let errors = 0;
  for (const change of broken) {
    const c = config();
    change(c);
    try {
      render(c);
    } catch (error) {
      clean(`${error.message} ${error.stack} ${JSON.stringify(error)}`, 'a render error');
      errors += 1;
    }
    for (const finding of validate(c)) clean(JSON.stringify(finding), 'a finding');
  }
  assert.equal(errors, broken.length);
  const text = render(config());
  const findings = validate(config());
  assert.ok(findings.some((f) => f.code === 'inline-secret') && findings.some((f) => f.code === 'duplicate-token'));
  for (const finding of [...findings, ...validate(text)]) clean(JSON.stringify(finding), 'a finding');
  for (const bad of [text.replace(`"${MARK}-ssh"`, `${MARK}-ssh`), text.replace(`token = "${MARK}-token"`, `token = "${MARK}-token`)]) {
    assert.throws(() => parse(bad), (error) => {
      clean(`${error.message} ${JSON.stringify(error)}`, 'a parse error');
      return true;
    });
  }
});
