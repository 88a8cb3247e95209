// Chapter 5: batch, stochastic and mini-batch descent on y = w·x, side by side. Settings live in the URL
// hash (v=1); the descents run in the engine's worker and are drawn against updates, epochs or examples seen.
import { createEngine } from '../engine/nn-engine.js';
import { downloadUrl } from './download.js';

const DEFAULTS = { batchLr: 0.1, lr: 0.01, epochs: 100, batch: 2, shuffle: 0, seed: 1, axis: 'update', slip: 1 };
const LIMITS = { batchLr: [1e-4, 1], lr: [1e-4, 1], epochs: [1, 1000], batch: [1, 3], shuffle: [0, 1], seed: [0, 2147483647], slip: [0, 1] };
const AXES = { update: 'update', epoch: 'epoch', seen: 'examples seen' };
const COLORS = { batch: '#2563eb', 'course-batch': '#94a3b8', stochastic: '#dc2626', 'mini-batch': '#16a34a' };
/** Each descent's name in the legend and the summary, with the learning rate it runs at now. */
function nameOf(variant, state) {
  switch (variant) {
    case 'batch': return `batch (lr ${state.batchLr})`;
    case 'course-batch': return `the course's batch code (lr ${state.batchLr})`;
    default: return `${variant} (lr ${state.lr})`;
  }
}

/** A setting's value from text, or undefined with the reason when it is out of its range. */
function readValue(key, raw) {
  if (key === 'axis') return raw in AXES ? { value: raw } : { reason: `"${raw}" is not an x-axis` };
  const limits = LIMITS[key];
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < limits[0] || value > limits[1]
      || (key !== 'batchLr' && key !== 'lr' && !Number.isInteger(value))) {
    return { reason: `"${raw}" is not a valid ${key} (${limits[0]} to ${limits[1]})` };
  }
  return { value };
}

function readHash() {
  const state = { ...DEFAULTS };
  const notices = [];
  for (const [key, raw] of new URLSearchParams(location.hash.slice(1))) {
    if (key === 'v') continue;
    if (!(key in DEFAULTS)) {
      notices.push(`Unknown setting "${key}" was ignored.`);
      continue;
    }
    const { value, reason } = readValue(key, raw);
    if (reason) notices.push(`${reason}; the default is used.`);
    else state[key] = value;
  }
  return { state, notices };
}

function writeHash(state) {
  const params = new URLSearchParams({ v: '1' });
  for (const key of Object.keys(DEFAULTS)) if (state[key] !== DEFAULTS[key]) params.set(key, String(state[key]));
  history.replaceState(null, '', '#' + params);
}

function chart(canvas, yTitle, logarithmic) {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', title: { display: true, text: 'update' } },
        y: { type: logarithmic ? 'logarithmic' : 'linear', title: { display: true, text: yTitle },
          ticks: logarithmic ? { callback: (value) => Number(value).toExponential(0) } : {} } } },
  });
}

async function main() {
  const { state, notices } = readHash();
  const notice = document.querySelector('[data-role=notices]');
  const showNotices = (list) => {
    notice.textContent = list.join(' ');
    notice.hidden = list.length === 0;
  };
  showNotices(notices);
  const engine = createEngine({ engine: new URLSearchParams(location.search).get('engine') || 'auto' });
  const wChart = chart(document.querySelector('[data-role=w-chart]'), 'w', false);
  const lossChart = chart(document.querySelector('[data-role=loss-chart]'), 'cost on all three points', true);
  for (const input of document.querySelectorAll('[data-field]')) {
    const key = input.dataset.field;
    if (input.type === 'checkbox') input.checked = state[key] === 1; else input.value = String(state[key]);
  }

  async function draw() {
    writeHash(state);
    const shuffleSeed = state.shuffle ? state.seed : -1;
    const variants = ['batch', 'stochastic', 'mini-batch'].concat(state.slip ? ['course-batch'] : []);
    const traces = await Promise.all(variants.map((variant) => engine.descent({
      variant, w0: 1, lr: variant.endsWith('batch') && variant !== 'mini-batch' ? state.batchLr : state.lr,
      epochs: state.epochs, batchSize: state.batch, shuffleSeed,
    })));
    const pick = (trace, i) => (state.axis === 'update' ? i + 1 : state.axis === 'epoch'
      ? trace.epoch[i] + (i + 1 - firstOfEpoch(trace, i)) / updatesIn(trace, trace.epoch[i]) : trace.seen[i]);
    const datasets = (field) => traces.map(({ trace }, k) => ({
      label: nameOf(variants[k], state), borderColor: COLORS[variants[k]], borderWidth: 2, pointRadius: 0,
      data: trace[field].map((y, i) => ({ x: pick(trace, i), y: field === 'cost' ? Math.max(y, 1e-12) : y })),
    }));
    wChart.data.datasets = datasets('w');
    lossChart.data.datasets = datasets('cost');
    for (const c of [wChart, lossChart]) { c.options.scales.x.title.text = AXES[state.axis]; c.update('none'); }
    const summary = traces.map(({ trace }, k) => `${nameOf(variants[k], state)}: w = ${trace.w[trace.w.length - 1].toFixed(6)}`);
    document.querySelector('[data-role=summary]').textContent = summary.join(' · ');
    window.descentResult = { variants, finalW: traces.map(({ trace }) => trace.w[trace.w.length - 1]) };
  }

  function firstOfEpoch(trace, i) {
    let j = i;
    while (j > 0 && trace.epoch[j - 1] === trace.epoch[i]) j--;
    return j;
  }

  function updatesIn(trace, epoch) {
    return trace.epoch.filter((e) => e === epoch).length;
  }

  document.querySelector('main').addEventListener('change', (event) => {
    const key = event.target.dataset.field;
    if (!key) return;
    const raw = event.target.type === 'checkbox' ? (event.target.checked ? '1' : '0') : event.target.value;
    const { value, reason } = readValue(key, raw);
    if (reason) {
      // Refused: the field shows the value in use again, and the link keeps it.
      showNotices([`${reason}; ${state[key]} is kept.`]);
      event.target.value = String(state[key]);
      return;
    }
    showNotices([]);
    state[key] = value;
    draw().catch((error) => { document.querySelector('[data-role=message]').textContent = error.message; });
  });
  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => {
      downloadUrl((button.dataset.download === 'w' ? wChart : lossChart).toBase64Image(),
        `nn-playground-descent-${button.dataset.download}.png`);
    });
  }
  await draw();
}

main().catch((error) => { document.querySelector('[data-role=message]').textContent = error.message; });
