// Side-by-side timings of the JS face (the npm package in Node), printed as a Markdown section
// for BENCHMARKS.md. smol-toml, a pure-JS TOML library, is the baseline: no schema, no checks.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { parse as smolParse, stringify as smolStringify } from 'smol-toml';

import { parse, render, validate } from '../bindings-wasm/pkg/node/index.mjs';
import { init as initWeb, parse as webParse, render as webRender } from '../bindings-wasm/pkg/web/index.js';

const PKG = new URL('../bindings-wasm/pkg/', import.meta.url);
// The browser's build too, side by side: the Node library is built for speed (opt-level 3), the
// web one for size (opt-level z); bench/findings.md says why.
await initWeb(readFileSync(new URL('web/gitlab_runner_config_wasm_bg.wasm', PKG)));

const RUNNERS = 1000;

/** The fleet of bench/fleet.py, as a plain object in the TOML's shape. */
function fleet() {
  return {
    concurrent: 100,
    runners: Array.from({ length: RUNNERS }, (_, i) => {
      const kubernetes = i % 10 === 9;
      const runner = {
        name: `${kubernetes ? 'kubernetes' : 'docker'}-${i}`,
        url: 'https://gitlab.example.com/',
        token: '${RUNNER_TOKEN}',
        executor: kubernetes ? 'kubernetes' : 'docker',
        limit: 4,
        environment: [`RUNNER_INDEX=${i}`, 'DOCKER_TLS_CERTDIR=/certs', 'DOCKER_DRIVER=overlay2', 'FF_USE_FASTZIP=true', 'GIT_DEPTH=20'],
      };
      if (kubernetes) {
        runner.kubernetes = { host: 'https://kubernetes.example.com', namespace: 'ci', image: 'alpine:3.20', cpu_limit: '2', memory_limit: '4Gi' };
      } else {
        runner.docker = {
          image: 'alpine:3.20',
          privileged: true,
          volumes: ['/certs/client', '/cache'],
          pull_policy: ['always', 'if-not-present'],
          services: [{ name: 'docker:27-dind', alias: 'docker' }, { name: 'postgres:16' }],
        };
      }
      runner.cache = {
        Type: 's3',
        Path: 'runners',
        Shared: true,
        s3: { ServerAddress: 's3.amazonaws.com', BucketName: 'runner-cache', BucketLocation: 'eu-west-1', AccessKey: '${AWS_ACCESS_KEY}', SecretKey: '${AWS_SECRET_KEY}' },
      };
      return runner;
    }),
  };
}

/** Median of `repeat` timed runs after a warm-up (min is too kind on a shared machine, mean too harsh). */
function median(run, repeat = 15) {
  for (let i = 0; i < 3; i++) run();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(repeat / 2)];
}

const config = fleet();
const text = render(config);
const renderMs = median(() => render(config));
const smolStringifyMs = median(() => smolStringify(config));
const parseMs = median(() => parse(text));
const smolParseMs = median(() => smolParse(text));
const validateMs = median(() => validate(text));
const webRenderMs = median(() => webRender(config));
const webParseMs = median(() => webParse(text));
const ratio = (ours, theirs) => `${(ours / theirs).toFixed(2)}x`;
const rows = [
  [`\`render(config)\`, ${RUNNERS} runners`, renderMs, `${ratio(renderMs, smolStringifyMs)} smol-toml's time`, 'typed, checked, escaped'],
  ['`smolToml.stringify(config)`', smolStringifyMs, '', 'pure JS, no checks'],
  [`\`parse(text)\`, ${Math.round(text.length / 1024)} KiB`, parseMs, `${ratio(parseMs, smolParseMs)} smol-toml's time`, 'checked against the schema'],
  ['`smolToml.parse(text)`, same text', smolParseMs, '', 'pure JS, no checks'],
  ['`validate(text)`, same text', validateMs, `${ratio(validateMs, parseMs)} parse's time`, 'every finding with its line'],
  ['`render(config)`, the web build', webRenderMs, `${ratio(webRenderMs, smolStringifyMs)} smol-toml's time`, 'what browsers load: opt-level z, in Node'],
  ['`parse(text)`, the web build', webParseMs, `${ratio(webParseMs, smolParseMs)} smol-toml's time`, 'what browsers load: opt-level z, in Node'],
];
console.log(`\n## JavaScript (Node ${process.version})\n`);
console.log('| what | median | ratio | note |\n|---|---:|---:|---|');
for (const [what, ms, against, note] of rows) {
  console.log(`| ${what} | ${ms.toFixed(2)} ms | ${against} | ${note} |`);
}

// What a browser downloads: the web build's .wasm and the package's JS, compressed as servers do.
const wasm = readFileSync(new URL('web/gitlab_runner_config_wasm_bg.wasm', PKG));
const js = ['boundary.js', 'version.js', ...readdirSync(new URL('web/', PKG)).filter((f) => f.endsWith('.js')).map((f) => `web/${f}`)]
  .map((f) => readFileSync(new URL(f, PKG)));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const all = Buffer.concat([wasm, ...js]);
console.log('\n### Size (npm package; the web build is what a browser downloads)\n');
console.log('| what | raw | gzip -9 | brotli 11 |\n|---|---:|---:|---:|');
console.log(`| \`gitlab_runner_config_wasm_bg.wasm\` | ${kb(wasm.length)} | ${kb(gzip(wasm))} | ${kb(brotli(wasm))} |`);
console.log(`| the .wasm and the package's JS | ${kb(all.length)} | ${kb(gzip(wasm) + js.reduce((n, f) => n + gzip(f), 0))} | ${kb(brotli(wasm) + js.reduce((n, f) => n + brotli(f), 0))} |`);
// Read from disk by Node, never downloaded: the Node library's build (for speed) and the bin's.
for (const [what, file] of [['Node library (`node/`, opt-level 3)', 'node/'], ['the bin, with the command line (`node/cli/`)', 'node/cli/']]) {
  const bytes = readFileSync(new URL(`${file}gitlab_runner_config_wasm_bg.wasm`, PKG));
  console.log(`| ${what} | ${kb(bytes.length)} | ${kb(gzip(bytes))} | ${kb(brotli(bytes))} |`);
}
