// Runs the core's portability probe in a worker of each browser build and publishes the results on
// window.engineCheck, so a test (or a curious visitor) can compare them with the JVM's.
import { createEngine } from '../engine/nn-engine.js';

const SEED = Number(new URLSearchParams(location.search).get('seed') || 7);

function row(name, status, ms) {
  const tr = document.createElement('tr');
  for (const text of [name, status, ms === undefined ? '' : ms.toFixed(1)]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
  }
  document.getElementById('engines').appendChild(tr);
}

async function probe(kind) {
  const engine = createEngine({ engine: kind });
  const start = performance.now();
  try {
    const answer = await engine.probe(SEED);
    return { engine: answer.engine, text: answer.text, ms: performance.now() - start };
  } finally {
    engine.terminate();
  }
}

async function main() {
  const results = {};
  const js = await probe('js');
  results.js = js.text;
  row('JavaScript', 'ran', js.ms);
  try {
    const wasm = await probe('wasm');
    results.wasm = wasm.text;
    row('WebAssembly', wasm.text === js.text ? 'ran, same as JavaScript' : 'ran, DIFFERS from JavaScript', wasm.ms);
  } catch (error) {
    results.wasmError = String(error);
    row('WebAssembly', 'unavailable: ' + error.message);
  }
  document.getElementById('output').textContent = results.js;
  window.engineCheck = { seed: SEED, ...results };
}

main().catch((error) => {
  window.engineCheck = { error: String(error) };
  document.getElementById('output').textContent = 'failed: ' + error;
});
