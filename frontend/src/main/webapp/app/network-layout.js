// The network view's geometry and colours, kept apart from the drawing so they can be tested in Node:
// where each column and node sits, which edges are drawn, and how a weight or a unit's value is coloured.

export const POSITIVE = [0, 114, 178];  // Okabe–Ito blue
export const NEGATIVE = [213, 94, 0];   // Okabe–Ito vermillion
export const MAX_EDGES = 600;           // past this, a layer pair draws only its strongest weights
const EDGE_BUDGET = 2400;               // the whole diagram's lines: a deep net draws fewer per layer
const MAX_NODE = 40;
const MIN_GAP = 4;

/**
 * Node boxes for columns of `sizes` units in a width × height area: columns spread evenly from left to
 * right, each column's nodes centred vertically, squares as large as fit (at most MAX_NODE px).
 * Returns { size, columns: [{ x, nodes: [{ x, y }] }] } with each node's top-left corner.
 */
export function layoutNetwork(sizes, width, height) {
  const tallest = Math.max(...sizes);
  const size = Math.max(4, Math.min(MAX_NODE, Math.floor((height - MIN_GAP * (tallest - 1)) / tallest),
    Math.floor(width / (2 * sizes.length - 1))));
  const step = sizes.length > 1 ? (width - size) / (sizes.length - 1) : 0;
  const columns = sizes.map((units, c) => {
    const x = Math.round(c * step);
    const gap = units > 1 ? Math.min(size + MIN_GAP * 3, (height - size) / (units - 1)) : 0;
    const top = (height - (size + gap * (units - 1))) / 2;
    return { x, nodes: Array.from({ length: units }, (_, u) => ({ x, y: Math.round(top + u * gap) })) };
  });
  return { size, columns };
}

/**
 * The edges of one layer to draw, as indices into its weight (row-major out × in): all of them, or, past
 * `limit`, the `limit` largest in size, so a large net shows its strongest connections instead of a hairball.
 */
export function edgesToDraw(weights, limit = MAX_EDGES) {
  const all = weights.map((_, i) => i);
  if (weights.length <= limit) return all;
  return all.sort((a, b) => Math.abs(weights[b]) - Math.abs(weights[a])).slice(0, limit).sort((a, b) => a - b);
}

/**
 * How many edges each of `layers` weight layers may draw: MAX_EDGES up to four layers, then a share of the
 * diagram's budget, so a 16-layer net stays a picture of its strongest paths and keeps the page smooth.
 */
export function edgeLimit(layers) {
  return Math.min(MAX_EDGES, Math.floor(EDGE_BUDGET / Math.max(1, layers)));
}

/**
 * An edge's look for weight w among weights whose largest size is `largest`: the colour is its sign, the
 * width and opacity grow with |w| relative to the layer's largest, so the view stays readable as weights grow.
 */
export function edgeStyle(w, largest) {
  const share = largest > 0 && Number.isFinite(w) ? Math.min(1, Math.abs(w) / largest) : 0;
  const [r, g, b] = w < 0 ? NEGATIVE : POSITIVE;
  return { color: `rgb(${r}, ${g}, ${b})`, width: 0.5 + 3.5 * share, opacity: 0.15 + 0.85 * share };
}

/** RGBA bytes for a value in [-1, 1]: white at 0, blue towards +1, vermillion towards -1. */
export function divergingColor(value) {
  const t = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
  const [r, g, b] = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a), 255];
}

/** A parameter's PyTorch name with its index: "0.weight[3, 1]" for a matrix, "0.bias[3]" for a vector. */
export function parameterLabel(name, shape, index) {
  return shape.length === 2 ? `${name}[${Math.floor(index / shape[1])}, ${index % shape[1]}]` : `${name}[${index}]`;
}

/** A number as a hover shows it: four significant digits, exponent notation when tiny or huge. */
export function formatValue(value) {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size < 1e-3 || size >= 1e4 ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

/** What a column's units compute after their Linear, in order: "BatchNorm1d · ReLU · Dropout 0.3"; '' for none. */
export function layerParts(layer) {
  return [layer.norm, layer.activation, layer.dropout ? `Dropout ${layer.dropout}` : null].filter(Boolean).join(' · ');
}
