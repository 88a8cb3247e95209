// The curves over the updates beside the data chart: the loss (each batch's as a faint band, the whole data's
// bold, the test part's dashed), the accuracy, and the learning rate a scheduler sets. One line per network.
import { formatTick, laneStyle, logTickLabel } from './chart-format.js';
import { t } from './i18n.js';
import { emptyPlugin, redraw, showAxesIfData } from './charts.js';
import { createBand } from './loss-band.js';

const MAX_POINTS = 1000; // per line: older points are thinned to every other one past this

const logAxis = (title) => ({ type: 'logarithmic', title: { display: true, text: title },
  ticks: { callback: logTickLabel, autoSkip: false } });

/**
 * The loss per update: for each network, its loss on all the training data (bold), on the test part when
 * there is one (dashed), and each batch's loss (a faint band behind, which the page may turn off).
 */
export function lossChart(canvas, labels, withTest = false) {
  const datasets = [];
  labels.forEach((label, k) => {
    const { color, dash } = laneStyle(k);
    // The band is solid: dashing thousands of short segments costs frames, and the main lines carry the dashes.
    datasets.push({ label: t('chart.laneBatches', { label }), role: 'batch', lane: k, data: [], borderColor: `${color}40`,
      borderWidth: 1, pointRadius: 0, order: 2 });
    datasets.push({ label: labels.length > 1 ? label : t('chart.trainingLoss'), role: 'train', lane: k, data: [], borderColor: color,
      borderWidth: 2.5, borderDash: dash, pointRadius: 0, order: 1 });
    if (withTest) {
      datasets.push({ label: labels.length > 1 ? t('chart.laneTest', { label }) : t('chart.testLoss'), role: 'test', lane: k, data: [],
        borderColor: color, borderWidth: 2, borderDash: [2, 3], pointRadius: 0, order: 1 });
    }
  });
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      scales: { x: { type: 'linear', title: { display: true, text: t('chart.update') }, ticks: { callback: formatTick } },
        y: logAxis(t('chart.loss')) },
      plugins: { legend: { labels: { filter: (item, data) => data.datasets[item.datasetIndex].role !== 'batch' } },
        // Thousands of batch losses drawn as their minimum and maximum per pixel column: the same band, far cheaper.
        decimation: { enabled: true, algorithm: 'min-max' } } },
    plugins: [emptyPlugin],
  });
  chart.$emptyText = t('chart.lossEmpty');
  showAxesIfData(chart);
  chart.update('none');
  return chart;
}

/** Accuracy per update on its own small chart: training data, and the test part when there is one. */
export function accuracyChart(canvas, labels, withTest = false) {
  const datasets = [];
  labels.forEach((label, k) => {
    const { color, dash } = laneStyle(k);
    datasets.push({ label: labels.length > 1 ? label : t('chart.trainingAccuracy'), role: 'train', lane: k, data: [],
      borderColor: color, borderDash: dash, borderWidth: 2, pointRadius: 0 });
    if (withTest) {
      datasets.push({ label: labels.length > 1 ? t('chart.laneTest', { label }) : t('chart.testAccuracy'), role: 'test', lane: k, data: [],
        borderColor: color, borderDash: [2, 3], borderWidth: 2, pointRadius: 0 });
    }
  });
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', title: { display: true, text: t('chart.update') }, ticks: { callback: formatTick } },
        y: { type: 'linear', min: 0, max: 1, title: { display: true, text: t('chart.accuracy') },
          ticks: { callback: (v) => `${Math.round(v * 100)} %` } } } },
    plugins: [emptyPlugin],
  });
  chart.$emptyText = t('chart.accuracyEmpty');
  showAxesIfData(chart);
  chart.update('none');
  return chart;
}

/** Each network's learning rate per update, as its scheduler set it (a staircase for StepLR, a wave for OneCycleLR). */
export function rateChart(canvas, labels) {
  const datasets = labels.map((label, k) => {
    const { color, dash } = laneStyle(k);
    return { label: labels.length > 1 ? label : t('chart.learningRate'), lane: k, data: [], borderColor: color, borderDash: dash,
      borderWidth: 2, pointRadius: 0, stepped: 'before' };
  });
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', title: { display: true, text: t('chart.update') }, ticks: { callback: formatTick } },
        y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'lr' } } } },
    plugins: [emptyPlugin],
  });
  chart.$emptyText = t('chart.rateEmpty');
  showAxesIfData(chart);
  chart.update('none');
  return chart;
}

/** Appends each network's learning rates, the first of them at update `firstStep`. */
export function addRates(chart, firstStep, rates) {
  rates.forEach((values, k) => {
    const dataset = chart.data.datasets[k];
    values.forEach((y, i) => { if (y !== null) push(dataset, { x: firstStep + i, y }); });
  });
  showAxesIfData(chart);
  redraw(chart);
}

function push(dataset, point) {
  dataset.data.push(point);
  if (dataset.data.length > MAX_POINTS) dataset.data = dataset.data.filter((_, i) => i % 2 === 0 || i === dataset.data.length - 1);
}

/**
 * How many points a band of batch losses keeps: one per pixel of the plot's width, so a bucket (its low and its
 * high) spans two to four pixels. Finer buckets draw the same band at twice the cost: a band is a zigzag of
 * steep strokes, and drawing them was half of a loss chart's redraw in Chromium without a GPU.
 */
function bandPoints(chart) {
  const width = chart.chartArea ? chart.chartArea.right - chart.chartArea.left : chart.width;
  return Math.max(200, Math.min(MAX_POINTS, Math.round(width || MAX_POINTS)));
}

/** Appends each network's batch losses, the first of them at update `firstStep`. */
export function addBatchLosses(chart, firstStep, losses) {
  losses.forEach((values, k) => {
    const dataset = chart.data.datasets.find((d) => d.role === 'batch' && d.lane === k);
    dataset.$band ??= createBand(dataset.data, bandPoints(chart));
    dataset.$band.add(firstStep, values);
  });
  showAxesIfData(chart);
  redraw(chart);
}

/**
 * Adds the whole-data measurements at update `step`: per network [loss] or [loss, accuracy] on the training
 * data, and on the test part (or null). Loss goes to the loss chart, accuracy to the accuracy chart.
 */
export function addMetrics(charts, step, metrics, testMetrics) {
  const add = (chart, role, index, all) => {
    if (!chart || !all) return;
    all.forEach((values, k) => {
      const dataset = chart.data.datasets.find((d) => d.role === role && d.lane === k);
      const value = values?.[index];
      if (dataset && value !== null && value !== undefined && (index === 1 || value > 0)) {
        const last = dataset.data[dataset.data.length - 1];
        if (last && last.x === step) last.y = value; else push(dataset, { x: step, y: value });
      }
    });
    showAxesIfData(chart);
    redraw(chart);
  };
  add(charts.loss, 'train', 0, metrics);
  add(charts.loss, 'test', 0, testMetrics);
  add(charts.accuracy, 'train', 1, metrics);
  add(charts.accuracy, 'test', 1, testMetrics);
}

/** Shows or hides the faint band of batch losses. */
export function showBatchLosses(chart, shown) {
  chart.data.datasets.filter((d) => d.role === 'batch').forEach((d) => { d.hidden = !shown; });
  chart.update('none');
}

export function clearLosses(...charts) {
  for (const chart of charts) {
    if (!chart) continue;
    chart.data.datasets.forEach((d) => { d.data = []; d.$band = null; });
    showAxesIfData(chart);
    chart.update('none');
  }
}
