// Runs the core's portability probe in a worker of each browser build and shows both outputs, so a visitor
// (or a test) can compare them with each other and with the JVM's. The status line ends "done." or "failed: ..."
// (in English).
import { createEngine } from '../engine/nn-engine.js';
import { explain, t } from '../app/i18n.js';

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
  row('JavaScript', t('check.ran'), js.ms);
  try {
    const wasm = await probe('wasm');
    output('wasm').textContent = wasm.text;
    row('WebAssembly', t(wasm.text === js.text ? 'check.same' : 'check.differs'), wasm.ms);
  } catch (error) {
    const unavailable = t('check.unavailable', { error: explain(error) });
    output('wasm').textContent = unavailable;
    row('WebAssembly', unavailable);
  }
  status.textContent = t('check.done', { seed: SEED });
}

main().catch((error) => {
  status.textContent = t('check.failed', { seed: SEED, error: explain(error) });
});
