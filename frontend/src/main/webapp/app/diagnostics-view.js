// The Diagnostics panel (playground and race): whether a network trains healthily, layer by layer and live.
// A table of each layer's weight norm, the last update's gradient norm, the update's size against the weights
// and its dead ReLU units; the update size per layer over the run on a log chart with the 1e-3 rule of thumb;
// and histograms of each layer's outputs and of the loss's gradient with respect to them over the data.
// Every figure is the core's (see Diagnostics.java), asked of the engine a few times a second while open.
import { t } from './i18n.js';
import { formatTick, laneStyle, logTickLabel } from './chart-format.js';
import { HEALTHY_RATIO, deadShare, histogramBars, layerTitle, ratioVerdict } from './diagnostics-format.js';
import { formatValue } from './network-layout.js';
import { redraw } from './charts.js';

const EVERY_MS = 250;
const HISTOGRAM = { width: 150, height: 44 };

export function createDiagnosticsView(root) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const panel = $('diagnostics');
  if (!panel) return null;
  let chart = null;
  let last = 0;
  let layersShown = '';

  function ratioChart() {
    if (chart) return chart;
    chart = new Chart($('ratio-chart'), {
      type: 'line',
      data: { datasets: [] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        scales: { x: { type: 'linear', title: { display: true, text: t('chart.update') }, ticks: { callback: formatTick } },
          y: { type: 'logarithmic', title: { display: true, text: '‖ΔW‖ / ‖W‖' }, ticks: { callback: logTickLabel, autoSkip: false } } } },
    });
    return chart;
  }

  /** While open: at most every EVERY_MS (or now, when forced) the figures of network `lane`. */
  function due(force) {
    return panel.open && !panel.hidden && (force || performance.now() - last >= EVERY_MS);
  }

  async function refresh(engine, lane) {
    show(await ask(engine, lane));
  }

  /** The figures of network `lane`, asked for now (to be shown when they come). */
  function ask(engine, lane) {
    last = performance.now();
    return engine.diagnostics(lane);
  }

  function show(d) {
    $('diagnostics-step').textContent = String(d.step);
    $('diagnostics-points').textContent = String(d.points);
    fillTable(d.layers);
    plotRatios(d.step, d.layers);
    drawHistograms(d.layers);
  }

  function cell(row, role, value, text = formatValue(value)) {
    const td = row.insertCell();
    td.dataset.role = role;
    td.dataset.value = value === null || value === undefined ? '' : String(value);
    td.textContent = text;
    return td;
  }

  function fillTable(layers) {
    $('diagnostics-rows').replaceChildren(...layers.map((layer, i) => {
      const row = document.createElement('tr');
      row.dataset.layer = layer.name;
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = layerTitle(layer, i);
      row.appendChild(name);
      cell(row, 'weight-norm', layer.weightNorm);
      cell(row, 'grad-norm', layer.gradNorm);
      const verdict = ratioVerdict(layer.updateRatio);
      const ratio = cell(row, 'update-ratio', layer.updateRatio,
        layer.updateRatio === null ? t('diagnostics.noUpdate') : `${formatValue(layer.updateRatio)} · ${verdict}`);
      ratio.dataset.verdict = verdict ?? '';
      const dead = cell(row, 'dead-units', layer.deadUnits?.length ?? null, deadShare(layer));
      dead.classList.toggle('warn', (layer.deadUnits?.length ?? 0) > 0);
      return row;
    }));
  }

  /** Adds this update's ratio per layer; the dashed 1e-3 line spans the updates seen. */
  function plotRatios(step, layers) {
    const c = ratioChart();
    const shape = layers.map((l) => l.name).join(',');
    if (shape !== layersShown) {
      layersShown = shape;
      c.data.datasets = layers.map((layer, i) => {
        const { color, dash } = laneStyle(i);
        return { label: layerTitle(layer, i), data: [], borderColor: color, backgroundColor: color, borderDash: dash, borderWidth: 2,
          pointRadius: 2 };
      });
      c.data.datasets.push({ label: t('diagnostics.rule'), role: 'rule', data: [], borderColor: 'rgba(127, 127, 127, 0.8)',
        borderDash: [3, 3], borderWidth: 1, pointRadius: 0 });
    }
    layers.forEach((layer, i) => {
      const data = c.data.datasets[i].data;
      if (!(layer.updateRatio > 0)) return;
      if (data.length && data[data.length - 1].x >= step) data.length = data.findIndex((p) => p.x >= step);
      data.push({ x: step, y: layer.updateRatio });
      if (data.length > 600) c.data.datasets[i].data = data.filter((_, k) => k % 2 === 0 || k === data.length - 1);
    });
    const xs = c.data.datasets.flatMap((d) => (d.role ? [] : d.data.map((p) => p.x)));
    c.data.datasets[c.data.datasets.length - 1].data = xs.length
      ? [{ x: Math.min(...xs), y: HEALTHY_RATIO }, { x: Math.max(...xs), y: HEALTHY_RATIO }] : [];
    redraw(c);
  }

  function drawHistograms(layers) {
    const box = $('histograms');
    if (box.children.length !== layers.length) {
      box.replaceChildren(...layers.map((layer, i) => {
        const figure = document.createElement('figure');
        figure.className = 'histogram-pair';
        figure.innerHTML = `<figcaption>${layerTitle(layer, i)}</figcaption>`
          + ['activations', 'gradients'].map((kind) => `<div class="histogram" data-kind="${kind}">`
            + `<span>${t(`diagnostics.${kind}`)}</span>`
            + `<canvas width="${HISTOGRAM.width}" height="${HISTOGRAM.height}" role="img"></canvas>`
            + '<span class="range"></span></div>').join('');
        return figure;
      }));
    }
    layers.forEach((layer, i) => {
      for (const kind of ['activations', 'gradients']) {
        const holder = box.children[i].querySelector(`[data-kind="${kind}"]`);
        drawHistogram(holder.querySelector('canvas'), layer[kind]);
        const { min, max, counts } = layer[kind];
        holder.querySelector('.range').textContent = min === null ? '—' : `${formatValue(min)} … ${formatValue(max)}`;
        holder.querySelector('canvas').setAttribute('aria-label', t('diagnostics.histogram.aria', { layer: layerTitle(layer, i),
          kind: t(`diagnostics.${kind}`), min: formatValue(min), max: formatValue(max), counts: counts.join(', ') }));
        holder.dataset.counts = counts.join(',');
      }
    });
  }

  function drawHistogram(canvas, histogram) {
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, canvas.width, canvas.height);
    const { bars, zeroAt } = histogramBars(histogram, canvas.width, canvas.height);
    context.fillStyle = '#0072B2';
    for (const bar of bars) context.fillRect(bar.x + 0.5, bar.y, Math.max(1, bar.width - 1), bar.height);
    if (zeroAt !== null) {
      context.fillStyle = 'rgba(127, 127, 127, 0.9)';
      context.fillRect(Math.round(zeroAt), 0, 1, canvas.height);
    }
  }

  /** A new run: the chart starts empty, the table and histograms wait for its first figures. */
  function clear() {
    if (chart) chart.data.datasets.forEach((d) => { d.data = []; });
    if (chart) redraw(chart);
    last = 0;
  }

  return { due, refresh, ask, show, clear, isOpen: () => panel.open };
}
