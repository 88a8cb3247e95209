// Runs the core's portability probe in a worker of each browser build and shows both outputs, so a visitor
// (or a test) can compare them with each other and with the JVM's. The status line ends "done" or "failed".
import { createEngine } from '../engine/nn-engine.js';

const SEED = Number(new URLSearchParams(location.search).get('seed') || 7);
const output = (engine) => document.querySelector(`[data-engine=${engine}]`);
const status = document.querySelector('[data-role=check-status]');

function row(name, text, ms) {
  const tr = document.createElement('tr');
  for (const cell of [name, text, ms === undefined ? '' : ms.toFixed(1)]) tr.insertCell().textContent = cell;
  document.getElementById('engines').appendChild(tr);
}

async function probe(kind) {
  const engine = createEngine({ engine: kind });
  const start = performance.now();
  try {
    const answer = await engine.probe(SEED);
    return { text: answer.text, ms: performance.now() - start };
  } finally {
    engine.terminate();
  }
}

async function main() {
  const js = await probe('js');
  output('js').textContent = js.text;
  row('JavaScript', 'ran', js.ms);
  try {
    const wasm = await probe('wasm');
    output('wasm').textContent = wasm.text;
    row('WebAssembly', wasm.text === js.text ? 'ran, same as JavaScript' : 'ran, DIFFERS from JavaScript', wasm.ms);
  } catch (error) {
    output('wasm').textContent = `unavailable: ${error.message}`;
    row('WebAssembly', `unavailable: ${error.message}`);
  }
  status.textContent = `Probe with seed ${SEED}: done.`;
}

main().catch((error) => {
  status.textContent = `Probe with seed ${SEED}: failed: ${error}`;
});
