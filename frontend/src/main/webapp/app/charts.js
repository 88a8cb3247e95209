// The live charts of a training page, drawn with Chart.js (loaded by the page from vendor/): the data with
// each network's fit (a curve per race lane for regression, decision regions for classification), and what
// every chart shares (redrawing at most once a frame, the theme, the text on an empty chart). The curves over
// the updates (loss, accuracy, learning rate) are in curve-charts.js.
import { CLASS_COLORS, formatTick, laneStyle, paddedBounds, squareBounds } from './chart-format.js';
import { t } from './i18n.js';
import { createPointLayers } from './point-layers.js';

const stale = new Map(); // chart -> whether its data changed (an update), or only a picture under it (a draw)
let frameAsked = false;
let nextDue = 0;
let cost = 0;

/**
 * Redraws a chart at an animation frame, once however many reports arrived since: progress comes faster than
 * frames, and drawing a chart per report would take the page's frames for itself. The charts together take at
 * most about a fifth of the page's time: after a redraw that took c ms, the next waits 5c ms. A chart whose
 * data did not change (`dataChanged` false: only the decision regions under it) is drawn without Chart.js's
 * layout pass, which is most of an update's cost.
 */
export function redraw(chart, dataChanged = true) {
  stale.set(chart, Boolean(stale.get(chart)) || dataChanged);
  if (!frameAsked) {
    frameAsked = true;
    requestAnimationFrame(flush);
  }
}

function flush(now) {
  if (now < nextDue) {
    requestAnimationFrame(flush);
    return;
  }
  frameAsked = false;
  const start = performance.now();
  for (const [c, dataChanged] of stale) {
    if (!c.ctx) continue; // a chart destroyed meanwhile has no context
    if (dataChanged) c.update('none'); else c.draw();
  }
  stale.clear();
  cost = performance.now() - start;
  nextDue = now + 4 * cost;
}

/** Round ticks only: the view's own edges (say 5.37) are not labelled. */
const VIEW_TICKS = { callback: formatTick, includeBounds: false };

/** Chart text and grid lines follow the page's colours, light or dark. */
export function applyTheme() {
  const text = getComputedStyle(document.body).color;
  Chart.defaults.color = text;
  Chart.defaults.borderColor = 'rgba(127, 127, 127, 0.25)';
  Chart.defaults.font.family = 'system-ui, sans-serif';
}

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Draws an image (the decision regions) under the datasets, over the whole plot: the axes are pinned to it. */
const regionsPlugin = {
  id: 'regions',
  beforeDatasetsDraw(chart) {
    const regions = chart.$regions;
    if (!regions) return;
    const { x, y } = chart.scales;
    const left = x.getPixelForValue(regions.bounds[0]);
    const right = x.getPixelForValue(regions.bounds[1]);
    const bottom = y.getPixelForValue(regions.bounds[2]);
    const top = y.getPixelForValue(regions.bounds[3]);
    const ctx = chart.ctx;
    ctx.save();
    ctx.globalAlpha = 0.35;
    ctx.imageSmoothingEnabled = !chart.$discrete;
    ctx.drawImage(regions.canvas, left, top, right - left, bottom - top);
    ctx.restore();
  },
};

// The data's points, drawn from a picture of them while they stay put (see point-layers.js).
const pointLayers = createPointLayers();

/** Before any point: a sentence where the lines will be, instead of an empty axis from 1 to 10. */
export const emptyPlugin = {
  id: 'empty',
  afterDraw(chart) {
    if (chart.data.datasets.some((d) => d.data.length > 0)) return;
    const { ctx, chartArea } = chart;
    if (!chartArea) return;
    ctx.save();
    ctx.fillStyle = Chart.defaults.color;
    ctx.globalAlpha = 0.7;
    ctx.textAlign = 'center';
    // Smaller in a narrow chart (an embedded page, a phone), so the sentence fits.
    ctx.font = `${Math.max(10, Math.min(14, Math.floor((chartArea.right - chartArea.left) / 24)))}px system-ui, sans-serif`;
    ctx.fillText(chart.$emptyText, (chartArea.left + chartArea.right) / 2, (chartArea.top + chartArea.bottom) / 2);
    ctx.restore();
  },
};

/** Hides the value axis while a chart has nothing to show (an axis without data has made-up ticks). */
export function showAxesIfData(chart) {
  const any = chart.data.datasets.some((d) => d.data.length > 0);
  for (const scale of Object.values(chart.options.scales)) scale.display = any;
}

/** The data's view: square for two inputs (so shapes keep their shape), padded around the curve for one. */
export function bounds(info) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < info.inputs.length; i += info.features) {
    xs.push(info.inputs[i]);
    ys.push(info.features === 1 ? info.targets[i / info.features] : info.inputs[i + 1]);
  }
  return info.features === 1 ? paddedBounds(xs, ys) : squareBounds(xs, ys);
}

export function dataChart(canvas, info) {
  const features = info.features;
  const inputs = info.inputs;
  const targets = info.targets;
  const test = new Set(info.testRows || []);
  // One dataset per class and part, each in one colour: Chart.js then resolves a dataset's style once, not per point.
  const groups = new Map();
  for (let i = 0; i < targets.length; i++) {
    const cls = features === 1 ? 0 : targets[i];
    const key = `${test.has(i) ? 'test' : 'train'}-${cls}`;
    if (!groups.has(key)) groups.set(key, { test: test.has(i), cls, points: [] });
    groups.get(key).points.push(features === 1 ? { x: inputs[i], y: targets[i] } : { x: inputs[2 * i], y: inputs[2 * i + 1] });
  }
  const colorOf = (cls) => (features === 1 ? '#64748b' : CLASS_COLORS[cls % CLASS_COLORS.length]);
  const datasets = [...groups.values()].sort((a, b) => a.test - b.test || a.cls - b.cls).map((g) => (g.test
    // Test points hollow, so the eye can tell what the network never trained on.
    ? { type: 'scatter', label: t('chart.testData'), role: 'test-points', data: g.points, pointBackgroundColor: '#ffffff',
      pointBorderColor: colorOf(g.cls), pointBorderWidth: 1.5, pointRadius: 3.5 }
    : { type: 'scatter', label: test.size ? t('chart.trainingData') : t('chart.data'), role: 'points', data: g.points,
      pointBackgroundColor: colorOf(g.cls), pointBorderColor: '#ffffff', pointBorderWidth: 0.5, pointRadius: 3.5 }));
  if (features === 1) {
    // One fit per network: a race shows every lane's curve, each in its lane's colour and dash.
    info.optimizers.forEach((label, k) => {
      const style = laneStyle(k);
      datasets.push({ type: 'line', label: t('chart.fit', { label }), role: 'fit', lane: k, data: [], borderColor: style.color,
        borderDash: style.dash, borderWidth: 3, pointRadius: 0 });
    });
  }
  // Axis titles: your columns' names when the data brought them.
  const columns = info.config?.dataset?.columns || (features === 1 ? ['x', 'y'] : ['x₁', 'x₂']);
  const [x0, x1, y0, y1] = bounds(info);
  const chart = new Chart(canvas, {
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      // Pinned to the view, so the decision regions fill the plot to its edges.
      scales: { x: { type: 'linear', min: x0, max: x1, title: { display: true, text: columns[0] }, ticks: VIEW_TICKS },
        y: { type: 'linear', min: y0, max: y1, title: { display: true, text: columns[1] }, ticks: VIEW_TICKS } },
      plugins: { legend: features === 1 ? { labels: { filter: (item, data) => {
        const dataset = data.datasets[item.datasetIndex];
        if (dataset.role === 'part') return dataset.inLegend === true; // the parts once, not one entry each
        return dataset.role !== 'test-points' || data.datasets.findIndex((d) => d.role === 'test-points') === item.datasetIndex;
      } } } : classLegend(info, test.size > 0) },
    },
    plugins: [regionsPlugin, pointLayers],
  });
  chart.$bounds = [x0, x1, y0, y1];
  return chart;
}

/** A legend naming each class in its colour, and the hollow test points, which it shows and hides. */
function classLegend(info, withTest) {
  const names = info.classes || [t('chart.class', { k: 0 }), t('chart.class', { k: 1 })];
  return {
    display: true,
    labels: {
      generateLabels: (chart) => {
        const items = names.map((name, k) => ({ text: name, fillStyle: CLASS_COLORS[k % CLASS_COLORS.length],
          strokeStyle: '#ffffff', lineWidth: 0, datasetIndex: -1 }));
        if (withTest) {
          const test = chart.data.datasets.find((d) => d.role === 'test-points');
          items.push({ text: t('chart.testHollow'), fillStyle: '#ffffff', strokeStyle: '#475569', lineWidth: 1.5,
            datasetIndex: -2, hidden: Boolean(test?.hidden) });
        }
        return items;
      },
    },
    onClick: (event, item, legend) => {
      if (item.datasetIndex === -2) {
        const test = legend.chart.data.datasets.find((d) => d.role === 'test-points');
        showTestPoints(legend.chart, Boolean(test?.hidden));
      }
    },
  };
}

/** Fixes the data chart's view to bounds [x0, x1, y0, y1] (while points are drawn, say). */
export function pinAxes(chart, [x0, x1, y0, y1]) {
  Object.assign(chart.options.scales.x, { min: x0, max: x1 });
  Object.assign(chart.options.scales.y, { min: y0, max: y1 });
  chart.$bounds = [x0, x1, y0, y1];
  chart.update('none');
}

/** Shows or hides the test points (a dataset per class). */
export function showTestPoints(chart, shown) {
  const tests = chart.data.datasets.filter((d) => d.role === 'test-points');
  tests.forEach((d) => { d.hidden = !shown; });
  if (tests.length) chart.update('none');
}

/** Colours the regions by the predicted class alone (discrete) or paler where the network is unsure. */
export function setDiscrete(chart, discrete) {
  chart.$discrete = discrete;
  if (chart.$lastGrid) showGrid(chart, chart.$lastGrid.info, chart.$lastGrid.grid);
}

/**
 * The regression chapter's "bent lines added up": each hidden unit's part of the fit as a faint line and the
 * output bias as a dashed one (decomposition from the engine's network picture over `bounds`), or none.
 */
export function showParts(chart, [x0, x1], decomposition) {
  const wanted = decomposition ? decomposition.parts.length + 1 : 0;
  let parts = chart.data.datasets.filter((d) => d.role === 'part');
  if (parts.length !== wanted) {
    chart.data.datasets = chart.data.datasets.filter((d) => d.role !== 'part');
    parts = Array.from({ length: wanted }, (_, i) => {
      const bias = i === wanted - 1;
      const dataset = { type: 'line', role: 'part', label: bias ? t('chart.outputBias') : i === 0 ? t('chart.hiddenParts') : t('chart.part', { n: i + 1 }),
        inLegend: bias || i === 0, data: [], borderColor: 'rgba(127, 127, 127, 0.6)', borderWidth: 1.2,
        borderDash: bias ? [5, 4] : [], pointRadius: 0, order: 3 };
      chart.data.datasets.push(dataset);
      return dataset;
    });
  }
  if (decomposition) {
    const res = decomposition.parts[0].length;
    const at = (i) => x0 + (x1 - x0) * i / (res - 1);
    decomposition.parts.forEach((part, i) => { parts[i].data = part.map((y, j) => ({ x: at(j), y })); });
    parts[wanted - 1].data = [{ x: x0, y: decomposition.bias }, { x: x1, y: decomposition.bias }];
  }
  redraw(chart);
}

/**
 * Puts a grid answer of network `lane` on the chart: its fitted curve (regression) or its class regions; the
 * chart redraws at the next frame unless `draw` is false (the caller draws once after several lanes).
 */
export function showGrid(chart, info, grid, lane = 0, draw = true) {
  const [x0, x1] = grid.bounds;
  const res = grid.resolution;
  if (info.features === 1) {
    const fit = chart.data.datasets.find((d) => d.role === 'fit' && d.lane === lane);
    if (fit) fit.data = grid.values.map((v, i) => ({ x: x0 + (x1 - x0) * i / (res - 1), y: v }));
  } else {
    chart.$lastGrid = { info, grid };
    const canvas = chart.$regions?.canvas || document.createElement('canvas');
    canvas.width = res;
    canvas.height = res;
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(res, res);
    const [zero, one] = [rgb(CLASS_COLORS[0]), rgb(CLASS_COLORS[1])];
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) {
        const p = grid.values[r * res + c] ?? 0.5;
        const o = 4 * ((res - 1 - r) * res + c); // row 0 is the bottom of the plot
        let color;
        if (grid.classes) {
          // the predicted class's colour, paler where the network is unsure
          const own = rgb(CLASS_COLORS[grid.classes[r * res + c] % CLASS_COLORS.length]);
          const strength = chart.$discrete ? 1 : p;
          color = own.map((v) => Math.round(255 + (v - 255) * strength));
        } else {
          const q = chart.$discrete ? (p > 0.5 ? 1 : 0) : p;
          color = zero.map((v, k) => Math.round(v + (one[k] - v) * q));
        }
        image.data.set([...color, 255], o);
      }
    }
    ctx.putImageData(image, 0, 0);
    chart.$regions = { canvas, bounds: grid.bounds };
  }
  if (draw) redraw(chart, info.features === 1);
}
