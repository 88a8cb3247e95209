// The JavaScript build's training step in Node (the V8 of Chromium, without a page): microseconds and bytes
// allocated per update of a chapter's run, for one or more built sites side by side, so a change to the core can
// be weighed by the garbage it makes. Bytes come from V8's sampling heap profiler, counting what was collected too.
//
//   node benchmarks/garbage/engine_garbage.mjs [--preset optimizer-race] SITE...
//
// SITE is a built site (default frontend/target/classes/webapp; a copy of another build's to compare), each loaded
// into this one context after the other (a separate vm context runs several times slower), its exports kept. A
// benchmark: it asserts nothing; compare builds in one run.
import fs from 'node:fs';
import vm from 'node:vm';
import { Session } from 'node:inspector/promises';

const args = process.argv.slice(2);
const presetAt = args.indexOf('--preset');
const preset = presetAt >= 0 ? args.splice(presetAt, 2)[1] : 'optimizer-race';
const sites = args.length ? args : ['frontend/target/classes/webapp'];
const UPDATES = 20000;

/** The engine of `site`, as a worker holds it: the build's exports, which it puts on the global object. */
function loadEngine(site) {
  globalThis.self = globalThis;
  vm.runInThisContext(fs.readFileSync(`${site}/engine/nn.js`, 'utf8'));
  const engine = { engineInitLanes: self.engineInitLanes, engineStep: self.engineStep };
  const config = JSON.parse(fs.readFileSync(`${site}/engine/catalog.json`, 'utf8')).chapters[preset];
  delete config.epochs;
  config.steps = 10000000;
  const answer = JSON.parse(engine.engineInitLanes(JSON.stringify(config), null));
  if (answer.error) throw new Error(answer.error);
  return engine;
}

function train(engine, updates) {
  for (let made = 0; made < updates; made += 100) JSON.parse(engine.engineStep(100));
}

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
console.log(`| build (${preset}) | µs per update | bytes allocated per update |`);
console.log('|---|---:|---:|');
for (const site of sites) {
  const engine = loadEngine(site);
  train(engine, 5000); // warm-up: the optimizing compiler has the hot loops
  const start = performance.now();
  train(engine, UPDATES);
  const micros = (performance.now() - start) * 1000 / UPDATES;
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  train(engine, UPDATES);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  let bytes = 0;
  const add = (node) => { bytes += node.selfSize; node.children.forEach(add); };
  add(profile.head);
  console.log(`| ${site} | ${micros.toFixed(1)} | ${(bytes / UPDATES).toFixed(0)} |`);
}
