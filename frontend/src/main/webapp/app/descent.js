// Chapter 5: batch, stochastic and mini-batch descent on y = w·x, side by side. Settings live in the URL
// hash (v=1); the descents run in the engine's worker and are drawn against updates, epochs or examples seen.
import { explain, t } from './i18n.js';
import { createEngine } from '../engine/nn-engine.js';
import { downloadUrl } from './download.js';
import { decodeLink, encodeLink, readField } from './link-codec.js';
import { embedOptions, embedSuffix, enterEmbedMode, labelControls, listenForCommands, publish, setField } from './embed-bridge.js';

const DEFAULTS = { batchLr: 0.1, lr: 0.01, epochs: 100, batch: 2, shuffle: 0, seed: 1, axis: 'update', slip: 1 };
// The link's fields, read by the codec every page shares.
const FIELDS = {
  batchLr: { type: 'number', min: 1e-4, max: 1 },
  lr: { type: 'number', min: 1e-4, max: 1 },
  epochs: { type: 'int', min: 1, max: 1000 },
  batch: { type: 'int', min: 1, max: 3 },
  shuffle: { type: 'int', min: 0, max: 1 },
  seed: { type: 'int', min: 0, max: 2147483647 },
  axis: { type: 'choice', choices: ['update', 'epoch', 'seen'] },
  slip: { type: 'int', min: 0, max: 1 },
};
const AXES = { update: t('descent.axisTitle.update'), epoch: t('descent.axisTitle.epoch'), seen: t('descent.axisTitle.seen') };
const COLORS = { batch: '#0072B2', 'course-batch': '#999999', stochastic: '#D55E00', 'mini-batch': '#009E73' };

/** Each descent's name in the legend and the summary, with the learning rate it runs at now. */
function nameOf(variant, state) {
  switch (variant) {
    case 'batch': return t('descent.name.batch', { lr: state.batchLr });
    case 'course-batch': return t('descent.name.course', { lr: state.batchLr });
    case 'mini-batch': return t('descent.name.miniBatch', { lr: state.lr });
    default: return t('descent.name.stochastic', { lr: state.lr });
  }
}

/** A setting's value from a field's text, or the reason it is refused. */
function readValue(key, raw) {
  const spec = FIELDS[key];
  const value = readField(spec, raw);
  if (value !== undefined) return { value };
  return { reason: spec.type === 'choice' ? t('descent.badAxis', { raw })
    : t('descent.bad', { raw, key, min: spec.min, max: spec.max }) };
}

function chart(canvas, yTitle, logarithmic) {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', title: { display: true, text: AXES.update } },
        y: { type: logarithmic ? 'logarithmic' : 'linear', title: { display: true, text: yTitle },
          ticks: logarithmic ? { callback: (value) => Number(value).toExponential(0) } : {} } } },
  });
}

async function main() {
  const { state, notices } = decodeLink(location.hash, FIELDS, DEFAULTS);
  const notice = document.querySelector('[data-role=notices]');
  const showNotices = (list) => {
    notice.textContent = list.join(' ');
    notice.hidden = list.length === 0;
  };
  showNotices(notices);
  const main = document.querySelector('main');
  labelControls(main);
  const embed = embedOptions(location.search, location.hash);
  const embedding = embedSuffix(location.hash);
  if (embed.embedded) enterEmbedMode(main, 'descent', embed);
  listenForCommands({ set: (param, value) => setField(main, param, value) });
  let ready = false;
  const engine = createEngine({ engine: new URLSearchParams(location.search).get('engine') || 'auto' });
  const wChart = chart(document.querySelector('[data-role=w-chart]'), 'w', false);
  const lossChart = chart(document.querySelector('[data-role=loss-chart]'), t('descent.costAxis'), true);
  for (const input of document.querySelectorAll('[data-field]')) {
    const key = input.dataset.field;
    if (input.type === 'checkbox') input.checked = state[key] === 1; else input.value = String(state[key]);
  }

  async function draw() {
    history.replaceState(null, '', encodeLink(state, FIELDS, DEFAULTS) + embedding);
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
    // Each descent's final w, rounded for reading; its exact value rides along in data-w.
    document.querySelector('[data-role=summary]').replaceChildren(...traces.flatMap(({ trace }, k) => {
      const w = trace.w[trace.w.length - 1];
      const span = document.createElement('span');
      span.dataset.variant = variants[k];
      span.dataset.w = String(w);
      span.textContent = `${nameOf(variants[k], state)}: w = ${w.toFixed(6)}`;
      return k === 0 ? [span] : [' · ', span];
    }));
    publish(ready ? 'state' : 'ready', { link: location.hash });
    ready = true;
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
      showNotices([t('descent.kept', { reason, value: state[key] })]);
      publish('error', { message: t('descent.kept', { reason, value: state[key] }) });
      event.target.value = String(state[key]);
      return;
    }
    showNotices([]);
    state[key] = value;
    draw().catch((error) => { document.querySelector('[data-role=message]').textContent = explain(error); });
  });
  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => {
      downloadUrl((button.dataset.download === 'w' ? wChart : lossChart).toBase64Image(),
        `nn-playground-descent-${button.dataset.download}.png`);
    });
  }
  await draw();
}

main().catch((error) => {
  document.querySelector('[data-role=message]').textContent = explain(error);
  publish('error', { message: error.message });
});
