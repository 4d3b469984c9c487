// Side-by-side timings of the JS face (the npm package in Node), printed as a Markdown section
// for BENCHMARKS.md. smol-toml, a pure-JS TOML library, is the baseline: no schema, no checks.
import { performance } from 'node:perf_hooks';

import { parse as smolParse, stringify as smolStringify } from 'smol-toml';

import { parse, render, validate } from '../bindings-wasm/pkg/node/index.mjs';

const RUNNERS = 1000;

function fleet() {
  return {
    concurrent: 100,
    runners: Array.from({ length: RUNNERS }, (_, i) => ({
      name: `docker-${i}`,
      url: 'https://gitlab.example.com/',
      token: '${RUNNER_TOKEN}',
      executor: 'docker',
      limit: 4,
      environment: [`RUNNER_INDEX=${i}`, 'DOCKER_TLS_CERTDIR=/certs'],
      docker: { image: 'alpine:3.20', privileged: true, volumes: ['/certs/client', '/cache'], pull_policy: ['always', 'if-not-present'] },
      cache: {
        Type: 's3',
        Path: 'runners',
        Shared: true,
        s3: { ServerAddress: 's3.amazonaws.com', BucketName: 'runner-cache', BucketLocation: 'eu-west-1', AccessKey: '${AWS_ACCESS_KEY}', SecretKey: '${AWS_SECRET_KEY}' },
      },
    })),
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
const ratio = (ours, theirs) => `${(ours / theirs).toFixed(2)}x`;
const rows = [
  [`\`render(config)\`, ${RUNNERS} runners`, renderMs, `${ratio(renderMs, smolStringifyMs)} smol-toml's time`, 'typed, checked, escaped'],
  ['`smolToml.stringify(config)`', smolStringifyMs, '', 'pure JS, no checks'],
  [`\`parse(text)\`, ${Math.round(text.length / 1024)} KiB`, parseMs, `${ratio(parseMs, smolParseMs)} smol-toml's time`, 'checked against the schema'],
  ['`smolToml.parse(text)`, same text', smolParseMs, '', 'pure JS, no checks'],
  ['`validate(text)`, same text', validateMs, `${ratio(validateMs, parseMs)} parse's time`, 'every finding with its line'],
];
console.log(`\n## JavaScript (Node ${process.version})\n`);
console.log('| what | median | ratio | note |\n|---|---:|---:|---|');
for (const [what, ms, against, note] of rows) {
  console.log(`| ${what} | ${ms.toFixed(2)} ms | ${against} | ${note} |`);
}
