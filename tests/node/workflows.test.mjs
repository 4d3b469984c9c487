// The field workflows on the JS face: DOCKER_AUTH_CONFIG's JSON, written by the same Rust code
// as Python's docker_auth_config and the CLI's docker-auth.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { dockerAuthConfig, parse, render } from '../../bindings-wasm/pkg/node/index.mjs';

test('dockerAuthConfig writes each form, and the rendered file reads back to the same JSON', () => {
  const value = dockerAuthConfig({ registry: 'registry.example.com:5000', username: 'ci-bot', password: 'p@ss"w\\rd' });
  assert.equal(value, '{"auths":{"registry.example.com:5000":{"auth":"Y2ktYm90OnBAc3Mid1xyZA=="}}}');
  const config = {
    concurrent: 1,
    runners: [{ name: 'docker', url: 'https://gitlab.example.com', token: 'glrt-t', executor: 'docker',
      environment: [`DOCKER_AUTH_CONFIG=${value}`], docker: { image: 'alpine' } }],
  };
  const entry = parse(render(config)).runners[0].environment[0];
  assert.deepEqual(JSON.parse(entry.slice('DOCKER_AUTH_CONFIG='.length)), JSON.parse(value));
  assert.equal(
    dockerAuthConfig({ registry: '123.dkr.ecr.eu-west-1.amazonaws.com', credHelper: 'ecr-login' }),
    '{"credHelpers":{"123.dkr.ecr.eu-west-1.amazonaws.com":"ecr-login"}}',
  );
  assert.equal(dockerAuthConfig({ credsStore: 'pass' }), '{"credsStore":"pass"}');
});

test('dockerAuthConfig refuses what is not one of its forms, never saying the password', () => {
  assert.throws(() => dockerAuthConfig({ registry: 'r', username: 'a:b', password: 'secret' }), (error) => {
    assert.equal(error.name, 'ConfigError');
    assert.equal(error.message, "username: a Docker registry username cannot hold ':'");
    return true;
  });
  assert.throws(() => dockerAuthConfig({ registry: 'r', username: 'u' }), /give registry with username and password/);
  assert.throws(() => dockerAuthConfig(), /give registry with username and password/);
});
