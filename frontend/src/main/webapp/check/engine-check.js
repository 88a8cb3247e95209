// Runs the core's portability probe in both browser builds and publishes the results on
// window.engineCheck, so a test (or a curious visitor) can compare them with the JVM's.
import * as jsEngine from '../engine/nn.js';

const SEED = Number(new URLSearchParams(location.search).get('seed') || 7);

async function loadWasm() {
  const module = await TeaVM.wasmGC.load('../engine/nn.wasm');
  return module.exports;
}

function row(name, status, ms) {
  const tr = document.createElement('tr');
  for (const text of [name, status, ms === undefined ? '' : ms.toFixed(1)]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
  }
  document.getElementById('engines').appendChild(tr);
}

function timed(run) {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

async function main() {
  const results = {};
  const js = timed(() => jsEngine.probe(SEED));
  results.js = js.value;
  row('JavaScript', 'ran', js.ms);
  try {
    const wasmExports = await loadWasm();
    const wasm = timed(() => wasmExports.probe(SEED));
    results.wasm = wasm.value;
    row('WebAssembly', wasm.value === js.value ? 'ran, same as JavaScript' : 'ran, DIFFERS from JavaScript', wasm.ms);
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
