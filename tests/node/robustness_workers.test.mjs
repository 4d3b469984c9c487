// Worker threads, each with its own wasm instance, rendering and parsing at once: every result
// exact. ROBUSTNESS_WORKER_ROUNDS sets the rounds per worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

import { golden } from './helpers.mjs';

const WORKERS = 4;
const ROUNDS = Number(process.env.ROBUSTNESS_WORKER_ROUNDS ?? 300);
const PACKAGE = new URL('../../bindings-wasm/pkg/node/index.mjs', import.meta.url).href;

const WORK = `
import { workerData, parentPort } from 'node:worker_threads';
const { parse, render, validate } = await import(workerData.pkg);
const { guide, n, rounds } = workerData;
let wrong = 0;
for (let round = 0; round < rounds; round += 1) {
  if (render(parse(guide)) !== guide) wrong += 1;
  const own = { concurrent: n + 1, runners: [{ name: 'worker-' + n, url: 'https://gitlab.example.com/', token: '\${T}', executor: 'shell', limit: round % 7 + 1 }] };
  const back = parse(render(own));
  if (back.runners[0].name !== 'worker-' + n || back.runners[0].limit !== round % 7 + 1) wrong += 1;
  validate(guide);
}
parentPort.postMessage({ n, wrong });
`;

test(`${WORKERS} worker threads with a wasm instance each render and parse at once`, async () => {
  const guide = golden('guide_complete_example.toml');
  const results = await Promise.all(
    Array.from({ length: WORKERS }, (_, n) => new Promise((resolve, reject) => {
      const worker = new Worker(WORK, { eval: true, workerData: { pkg: PACKAGE, guide, n, rounds: ROUNDS } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  );
  assert.deepEqual(results.map((r) => r.wrong), Array(WORKERS).fill(0));
  console.log(`${WORKERS} workers x ${ROUNDS} rounds of render, parse and validate: no wrong result`);
});
