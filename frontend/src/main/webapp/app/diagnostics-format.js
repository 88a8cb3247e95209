// What the Diagnostics panel says about each layer, as plain functions the page's unit tests can check: the
// layer's name, a verdict on its update size, the dead-unit share and the bars of a histogram.

import { t } from './i18n.js';
import { layerParts } from './network-layout.js';

/** The rule of thumb for ‖ΔW‖ / ‖W‖ per update: about one thousandth. */
export const HEALTHY_RATIO = 1e-3;

/** "layer 1 · 0.weight · ReLU", "layer 3 · 4.weight · output". */
export function layerTitle(layer, index) {
  return t('diagnostics.layerTitle', { n: index + 1, name: layer.name,
    parts: layerParts(layer) || (layer.role === 'output' ? t('diagnostics.output') : t('diagnostics.noActivation')) });
}

/**
 * How an update's size compares with the rule of thumb: more than ten times smaller, the layer barely learns
 * (a larger learning rate may help); more than ten times larger, each update rewrites a good part of the
 * weights (a smaller rate may help). Null before any update.
 */
export function ratioVerdict(ratio) {
  if (ratio === null || ratio === undefined) return null;
  if (ratio === 0) return t('verdict.still');
  const decades = Math.log10(ratio / HEALTHY_RATIO);
  if (decades < -1) return t('verdict.slow');
  if (decades > 1) return t('verdict.large');
  return t('verdict.right');
}

/** "3 of 16 (19 %)", or "—" for a layer whose activation cannot die (not ReLU). */
export function deadShare(layer) {
  if (!layer.deadUnits) return '—';
  const dead = layer.deadUnits.length;
  return t('diagnostics.deadShare', { dead, units: layer.units, percent: Math.round((100 * dead) / layer.units) });
}

/**
 * A histogram's bars in a width × height box: one per count, as tall as its count against the largest (a bar
 * with any count at least one pixel, so a lone value still shows). Also where zero falls, when in range.
 */
export function histogramBars(histogram, width, height) {
  const { counts, min, max } = histogram;
  const most = Math.max(0, ...counts);
  const barWidth = width / counts.length;
  const bars = counts.map((count, i) => {
    const h = most === 0 || count === 0 ? 0 : Math.max(1, (count / most) * height);
    return { x: i * barWidth, y: height - h, width: barWidth, height: h, count };
  });
  const zeroAt = min !== null && max !== null && min < 0 && max > 0 ? ((0 - min) / (max - min)) * width : null;
  return { bars, zeroAt };
}
