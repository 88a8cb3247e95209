// The two live charts of a training page, drawn with Chart.js (loaded by the page from vendor/):
// the data with the network's fit (a curve for regression, decision regions for classification), and
// the loss per update.

// Blue and orange for two classes (the course's), then more for datasets of your own.
const CLASS_COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#db2777', '#0891b2', '#ca8a04', '#4b5563',
  '#dc2626', '#65a30d'];

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
const MAX_LOSS_POINTS = 2000;

/** Draws an image (the decision regions) under the datasets, stretched to the given data bounds. */
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
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(regions.canvas, left, top, right - left, bottom - top);
    ctx.restore();
  },
};

export function dataChart(canvas, info) {
  const features = info.features;
  const inputs = info.inputs;
  const targets = info.targets;
  const test = new Set(info.testRows || []);
  const parts = { train: { points: [], colors: [] }, test: { points: [], colors: [] } };
  for (let i = 0; i < targets.length; i++) {
    const part = test.has(i) ? parts.test : parts.train;
    if (features === 1) {
      part.points.push({ x: inputs[i], y: targets[i] });
      part.colors.push('#64748b');
    } else {
      part.points.push({ x: inputs[2 * i], y: inputs[2 * i + 1] });
      part.colors.push(CLASS_COLORS[targets[i]] || '#64748b');
    }
  }
  const datasets = [{ type: 'scatter', label: test.size ? 'training data' : 'data', data: parts.train.points,
    pointBackgroundColor: parts.train.colors, pointBorderColor: '#ffffff', pointBorderWidth: 0.5, pointRadius: 3.5 }];
  if (features === 1) {
    datasets.push({ type: 'line', label: `fit (${info.optimizers[0]})`, data: [], borderColor: '#dc2626', borderWidth: 3, pointRadius: 0 });
  }
  if (test.size) {
    // Test points hollow, so the eye can tell what the network never trained on.
    datasets.push({ type: 'scatter', label: 'test data', role: 'test-points', data: parts.test.points,
      pointBackgroundColor: '#ffffff', pointBorderColor: parts.test.colors, pointBorderWidth: 1.5, pointRadius: 3.5 });
  }
  // Axis titles: your columns' names when the data brought them.
  const columns = info.config?.dataset?.columns || (features === 1 ? ['x', 'y'] : ['x₁', 'x₂']);
  const chart = new Chart(canvas, {
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { type: 'linear', title: { display: true, text: columns[0] } },
        y: { type: 'linear', title: { display: true, text: columns[1] } } },
      plugins: { legend: features === 1 ? { display: true } : classLegend(info, test.size > 0) },
    },
    plugins: [regionsPlugin],
  });
  return chart;
}

/** A legend naming each class in its colour (and the hollow test points); only the test entry toggles. */
function classLegend(info, withTest) {
  const names = info.classes || ['class 0', 'class 1'];
  return {
    display: true,
    labels: {
      generateLabels: (chart) => {
        const items = names.map((name, k) => ({ text: name, fillStyle: CLASS_COLORS[k % CLASS_COLORS.length],
          strokeStyle: '#ffffff', lineWidth: 0, datasetIndex: -1 }));
        if (withTest) {
          const index = chart.data.datasets.findIndex((d) => d.role === 'test-points');
          items.push({ text: 'test data (hollow)', fillStyle: '#ffffff', strokeStyle: '#475569', lineWidth: 1.5,
            datasetIndex: index, hidden: !chart.isDatasetVisible(index) });
        }
        return items;
      },
    },
    onClick: (event, item, legend) => {
      if (item.datasetIndex >= 0) Chart.defaults.plugins.legend.onClick.call(legend, event, item, legend);
    },
  };
}

/** Fixes the data chart's axes to bounds [x0, x1, y0, y1], so they stay put while points are drawn. */
export function pinAxes(chart, [x0, x1, y0, y1]) {
  Object.assign(chart.options.scales.x, { min: x0, max: x1 });
  Object.assign(chart.options.scales.y, { min: y0, max: y1 });
  chart.update('none');
}

/** The data's bounding box, padded, as [x0, x1, y0, y1]. */
export function bounds(info) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < info.inputs.length; i += info.features) {
    xs.push(info.inputs[i]);
    ys.push(info.features === 1 ? info.targets[i] : info.inputs[i + 1]);
  }
  const pad = (lo, hi) => { const m = (hi - lo) * 0.08 || 1; return [lo - m, hi + m]; };
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  return [x0, x1, y0, y1];
}

/** Shows or hides the test points. */
export function showTestPoints(chart, shown) {
  const dataset = chart.data.datasets.find((d) => d.role === 'test-points');
  if (dataset) {
    dataset.hidden = !shown;
    chart.update('none');
  }
}

/** Shows a grid answer: the fitted curve (regression) or class probabilities as regions. */
export function showGrid(chart, info, grid) {
  const [x0, x1] = grid.bounds;
  const res = grid.resolution;
  if (info.features === 1) {
    chart.data.datasets[1].data = grid.values.map((v, i) => ({ x: x0 + (x1 - x0) * i / (res - 1), y: v }));
  } else {
    const canvas = chart.$regions?.canvas || document.createElement('canvas');
    canvas.width = res;
    canvas.height = res;
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(res, res);
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) {
        const p = grid.values[r * res + c] ?? 0.5;
        const o = 4 * ((res - 1 - r) * res + c); // row 0 is the bottom of the plot
        if (grid.classes) {
          // the predicted class's colour, paler where the network is unsure
          const color = rgb(CLASS_COLORS[grid.classes[r * res + c] % CLASS_COLORS.length]);
          for (let k = 0; k < 3; k++) image.data[o + k] = Math.round(255 + (color[k] - 255) * p);
        } else {
          image.data[o] = Math.round(37 + (234 - 37) * p);
          image.data[o + 1] = Math.round(99 + (88 - 99) * p);
          image.data[o + 2] = Math.round(235 + (12 - 235) * p);
        }
        image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    chart.$regions = { canvas, bounds: grid.bounds };
  }
  chart.update('none');
}

/** Loss per update for each optimizer; with {@code withAccuracy}, the accuracy on a second axis. */
export function lossChart(canvas, labels, withAccuracy, withTest = false) {
  const palette = ['#dc2626', '#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
  const datasets = labels.map((label, k) => ({ label, data: [], borderColor: palette[k % palette.length],
    borderWidth: 1.5, pointRadius: 0 }));
  const scales = { x: { type: 'linear', title: { display: true, text: 'update' } },
    y: { type: 'logarithmic', title: { display: true, text: 'loss' } } };
  if (withAccuracy) {
    datasets.push({ label: 'accuracy', data: [], borderColor: '#16a34a', borderDash: [4, 3], borderWidth: 1.5,
      pointRadius: 0, yAxisID: 'accuracy' });
    scales.accuracy = { type: 'linear', position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false },
      title: { display: true, text: 'accuracy' } };
  }
  if (withTest) {
    // The held-out points, measured whenever the engine reports metrics.
    datasets.push({ label: 'test loss', data: [], borderColor: '#0f172a', borderDash: [2, 2], borderWidth: 1.5,
      pointRadius: 0, role: 'test-loss' });
    if (withAccuracy) {
      datasets.push({ label: 'test accuracy', data: [], borderColor: '#15803d', borderDash: [1, 3], borderWidth: 1.5,
        pointRadius: 0, yAxisID: 'accuracy', role: 'test-accuracy' });
    }
  }
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false, scales },
  });
}

/** Adds test loss and accuracy points (first optimizer) to a chart made with test curves. */
export function addTest(chart, step, metrics) {
  if (!metrics) return;
  const loss = chart.data.datasets.find((d) => d.role === 'test-loss');
  const accuracy = chart.data.datasets.find((d) => d.role === 'test-accuracy');
  if (loss && metrics[0] > 0) loss.data.push({ x: step, y: metrics[0] });
  if (accuracy && metrics.length > 1 && metrics[1] !== null) accuracy.data.push({ x: step, y: metrics[1] });
  chart.update('none');
}

/** Adds an accuracy point (training data, first optimizer) to a chart made with accuracy. */
export function addAccuracy(chart, step, accuracy) {
  const dataset = chart.data.datasets.find((d) => d.yAxisID === 'accuracy' && !d.role);
  if (dataset && accuracy !== null && accuracy !== undefined) {
    dataset.data.push({ x: step, y: accuracy });
    chart.update('none');
  }
}

/** Appends new losses (per optimizer) starting at update number `firstStep`; thins old points past the cap. */
export function addLosses(chart, firstStep, losses) {
  losses.forEach((values, k) => {
    const data = chart.data.datasets[k].data;
    values.forEach((v, i) => { if (v !== null && v > 0) data.push({ x: firstStep + i, y: v }); });
    if (data.length > MAX_LOSS_POINTS) {
      chart.data.datasets[k].data = data.filter((_, i) => i % 2 === 0 || i === data.length - 1);
    }
  });
  chart.update('none');
}

export function clearLosses(chart) {
  chart.data.datasets.forEach((d) => { d.data = []; });
  chart.update('none');
}
