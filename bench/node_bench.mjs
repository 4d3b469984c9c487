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

function best(run, repeat = 7) {
  let fastest = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const config = fleet();
const text = render(config);
const rows = [
  [`\`render(config)\`, ${RUNNERS} runners`, best(() => render(config)), 'typed, checked, escaped'],
  ['`smolToml.stringify(config)`', best(() => smolStringify(config)), 'pure JS, no checks'],
  [`\`parse(text)\`, ${Math.round(text.length / 1024)} KiB`, best(() => parse(text)), 'checked against the schema'],
  ['`smolToml.parse(text)`, same text', best(() => smolParse(text)), 'pure JS, no checks'],
  ['`validate(text)`, same text', best(() => validate(text)), 'every finding with its line'],
];
console.log(`\n## JavaScript (Node ${process.version})\n`);
console.log('| what | time | note |\n|---|---:|---|');
for (const [what, ms, note] of rows) {
  console.log(`| ${what} | ${ms.toFixed(2)} ms | ${note} |`);
}
