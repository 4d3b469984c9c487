// Browsers and bundlers: `await init()` once fetches and compiles the .wasm file (bundlers
// resolve its URL); every other function then works synchronously.
import load, * as engine from './gitlab_runner_config_wasm.js';

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

export function render(config, options) {
  loaded('render');
  return engine.render(config, options);
}

export function parse(toml, options) {
  loaded('parse');
  return engine.parse(toml, options);
}

export function validate(input, options) {
  loaded('validate');
  return engine.validate(input, options);
}

export function format(toml) {
  loaded('format');
  return engine.format(toml);
}

export function schema() {
  loaded('schema');
  return engine.schema();
}

export function toPython(config, options) {
  loaded('toPython');
  return engine.toPython(config, options);
}

export function complete(toml, offset) {
  loaded('complete');
  return engine.complete(toml, offset);
}

export function hover(toml, offset) {
  loaded('hover');
  return engine.hover(toml, offset);
}
