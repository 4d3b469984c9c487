'use strict';
// Node (CommonJS and, through index.mjs, ESM): the nodejs build of the engine loads its .wasm
// synchronously on require, so no init and no top-level await are needed. boundary.js is an ES
// module, required synchronously (Node 20.19 and later).
const engine = require('./gitlab_runner_config_wasm.js');
const { bind } = require('../boundary.js');

module.exports = {
  ...bind(engine),
  version: engine.version(),
  init: () => Promise.resolve(),
};
