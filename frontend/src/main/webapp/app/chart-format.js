// What the charts show and how, as plain functions the page's unit tests can check: a colour-blind-safe
// palette (Okabe and Ito), a dash per race lane, readable tick labels, and a square view of the data.

// Okabe–Ito: told apart with every common colour-vision deficiency. Classes take blue and orange first.
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#999999', '#7F3C8D'];
export const LANE_COLORS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
/** Solid, dashed, dotted, dash-dot...: lanes differ by line as well as by colour. */
export const LANE_DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];

export function laneStyle(k) {
  return { color: LANE_COLORS[k % LANE_COLORS.length], dash: LANE_DASHES[k % LANE_DASHES.length] };
}

/** A tick label: "0.5", "20", "0.01", "1e-3", "1e+5"; never "0.500000" or "1.0E298". */
export function formatTick(value) {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e-2 && size < 1e4) return String(Number(value.toPrecision(3)));
  const [mantissa, exponent] = value.toExponential(1).split('e');
  return `${Number(mantissa)}e${exponent}`;
}

/**
 * On a logarithmic axis only 1, 2 and 5 times a power of ten are labelled, and only the powers of ten once the
 * axis spans more than three decades (Chart.js passes the axis's ticks), so labels never crowd.
 */
export function logTickLabel(value, index, ticks) {
  const span = ticks?.length > 1 ? Math.log10(ticks[ticks.length - 1].value / ticks[0].value) : 0;
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return (span > 3 ? [1] : [1, 2, 5]).some((m) => Math.abs(mantissa - m) < 1e-6) ? formatTick(value) : '';
}

/** [x0, x1, y0, y1] around the points, padded, with x and y spanning the same length: a square plot shows true shapes. */
export function squareBounds(xs, ys) {
  const lo = (values) => Math.min(...values);
  const hi = (values) => Math.max(...values);
  const span = Math.max(hi(xs) - lo(xs), hi(ys) - lo(ys)) * 1.16 || 2;
  const cx = (lo(xs) + hi(xs)) / 2;
  const cy = (lo(ys) + hi(ys)) / 2;
  return [cx - span / 2, cx + span / 2, cy - span / 2, cy + span / 2];
}

/** [x0, x1, y0, y1] around the points, each padded by 8 % of its own span (a curve's plot need not be square). */
export function paddedBounds(xs, ys) {
  const pad = (values) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const margin = (hi - lo) * 0.08 || 1;
    return [lo - margin, hi + margin];
  };
  return [...pad(xs), ...pad(ys)];
}
