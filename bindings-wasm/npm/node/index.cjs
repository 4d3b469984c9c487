'use strict';
// Node (CommonJS and, through index.mjs, ESM): the nodejs build of the engine loads its .wasm
// synchronously on require, so no init and no top-level await are needed.
const engine = require('./gitlab_runner_config_wasm.js');

module.exports = {
  render: engine.render,
  parse: engine.parse,
  validate: engine.validate,
  format: engine.format,
  schema: engine.schema,
  toPython: engine.toPython,
  version: engine.version(),
  complete: engine.complete,
  hover: engine.hover,
  init: () => Promise.resolve(),
};
