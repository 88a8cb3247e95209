// The data chart for data the plane cannot show (see prediction-points.js): the network's predictions against the
// targets, a group per target (regression) or actual class (classification), and the diagonal where they agree.
import { CLASS_COLORS, formatTick } from './chart-format.js';
import { redraw } from './charts.js';
import { t } from './i18n.js';
import { predictionGroups } from './prediction-points.js';

/** The names of the targets (regression) or classes, from the data's columns and classes. */
function groupNames(info) {
  if (info.classification) return info.classes || [t('chart.class', { k: 0 }), t('chart.class', { k: 1 })];
  const columns = info.config?.dataset?.columns;
  const outputs = info.outputs || 1;
  return columns ? columns.slice(info.features) : Array.from({ length: outputs }, (_, k) => `y${k + 1}`);
}

/** An empty predictions chart for the run in `info`; showPredictions fills it. */
export function predictionChart(canvas, info) {
  const names = groupNames(info);
  const datasets = names.map((name, k) => ({ type: 'scatter', label: info.classification ? t('predictions.actual', { name }) : name,
    role: 'predictions', data: [], pointBackgroundColor: CLASS_COLORS[k % CLASS_COLORS.length], pointBorderColor: '#ffffff',
    pointBorderWidth: 0.5, pointRadius: 3 }));
  datasets.push({ type: 'line', label: t('predictions.right'), role: 'diagonal', data: [], borderColor: 'rgba(127, 127, 127, 0.7)',
    borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 });
  // A class axis labels each class at its whole number, the middle of its cells.
  const classAxis = { min: -0.5, max: names.length - 0.5, ticks: { callback: (value) => names[value] ?? '' },
    afterBuildTicks: (axis) => { axis.ticks = names.map((_, k) => ({ value: k })); } };
  const axis = (text) => ({ type: 'linear', title: { display: true, text },
    ...(info.classification ? classAxis : { ticks: { callback: formatTick } }) });
  const chart = new Chart(canvas, {
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      scales: { x: axis(t(info.classification ? 'predictions.actualClass' : 'predictions.target')),
        y: axis(t(info.classification ? 'predictions.predictedClass' : 'predictions.prediction')) },
      plugins: { legend: { labels: { boxWidth: 12 } } },
    },
  });
  chart.$names = names;
  return chart;
}

/** The network's `values` for every row of the data, drawn; the diagonal spans the values shown. */
export function showPredictions(chart, info, values) {
  const groups = predictionGroups(info, values, chart.$names);
  const predictions = chart.data.datasets.filter((d) => d.role === 'predictions');
  predictions.forEach((dataset) => { dataset.data = []; });
  groups.forEach((group) => {
    const dataset = predictions[chart.$names.indexOf(group.name)];
    if (dataset) dataset.data = group.points;
  });
  const all = groups.flatMap((g) => g.points).flatMap((p) => [p.x, p.y]).filter(Number.isFinite);
  const [low, high] = info.classification ? [-0.5, chart.$names.length - 0.5] : [Math.min(...all), Math.max(...all)];
  chart.data.datasets.find((d) => d.role === 'diagonal').data = all.length ? [{ x: low, y: low }, { x: high, y: high }] : [];
  redraw(chart);
}
