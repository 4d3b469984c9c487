// Browsers and bundlers: `await init()` once fetches and compiles the .wasm file (bundlers
// resolve its URL); every other function then works synchronously.
import load, * as engine from './gitlab_runner_config_wasm.js';
import { bind } from '../boundary.js';

export { version } from '../version.js';

let loading;
let ready = false;

export function init(input) {
  loading ??= load(input === undefined ? undefined : { module_or_path: input }).then(() => {
    ready = true;
  });
  return loading;
}

function loaded(name) {
  if (!ready) {
    throw new Error(`gitlab-runner-config: call \`await init()\` once before ${name}()`);
  }
}

export const { render, parse, validate, format, update, fix, schema, runnerVersions, toPython, dockerAuthConfig, complete, hover } = bind(engine, loaded);
