// render(config, { check: true }) refuses a config gitlab-runner would refuse or misread.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { render } from '../../bindings-wasm/pkg/node/index.mjs';

const runner = { name: 'r', url: 'https://gitlab.example.com/', token: '${RUNNER_TOKEN}' };

test('check: true refuses error-level findings, listing them', () => {
  const config = { concurrent: 1, runners: [{ ...runner, executor: 'docker' }] };
  assert.throws(() => render(config, { check: true }), (error) => {
    assert.equal(error.name, 'ConfigError');
    assert.equal(
      error.message,
      'not rendered: gitlab-runner would refuse or misread it\n' +
        'error[missing-executor-section]: runners[0].docker: the docker executor needs a [runners.docker] section',
    );
    assert.deepEqual(error.errors.map((d) => d.code), ['missing-executor-section']);
    assert.equal(error.path, 'runners[0].docker');
    return true;
  });
  // Without check, rendering is a pure render.
  assert.match(render(config), /executor = "docker"/);
});

test('check: true renders a config without errors, and follows runnerVersion', () => {
  const config = { concurrent: 1, runners: [{ ...runner, executor: 'shell', pre_get_sources_script: 'echo' }] };
  assert.match(render(config, { check: true }), /pre_get_sources_script = "echo"/);
  assert.throws(() => render(config, { check: true, runnerVersion: '15.8' }), /key-too-new/);
});
