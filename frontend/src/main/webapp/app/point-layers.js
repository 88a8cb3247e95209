// The data chart's points, drawn once into a picture of their own and copied onto the chart at each redraw while
// they stay where they were. A run redraws the data chart about ten times a second for the network's new fit or
// regions, over points that do not move; in Chromium without a GPU, drawing a thousand outlined circles took three
// quarters of such a redraw (3 of 4 ms), copying their picture a tenth of a millisecond.

/**
 * A Chart.js plugin drawing each scatter dataset from its picture. The picture is made again when a point
 * moves (a new view, a resize, points added), when the points' style changes, or not used while the pointer
 * hovers a point (Chart.js draws that one larger). makeCanvas gives a blank canvas (a test passes its own).
 */
export function createPointLayers(makeCanvas = () => document.createElement('canvas')) {
  const layers = new WeakMap(); // dataset meta -> {key, canvas}

  return {
    id: 'pointLayers',
    beforeDatasetDraw(chart, { meta }) {
      const elements = meta.data;
      if (meta.type !== 'scatter' || elements.length === 0) return true;
      // One style for every point (no scriptable options), and none hovered: else Chart.js draws them itself.
      // (Chart.js gives each scatter point its own copy of the dataset's options.)
      const options = elements[0].options;
      if (elements.some((point) => point.active || !sameStyle(point.options, options))) return true;
      const key = fingerprint(chart, elements, STYLE.map((name) => options[name]).join(' '));
      let layer = layers.get(meta);
      if (!layer || layer.key !== key) {
        layer = { key, canvas: paint(chart, elements, layer?.canvas || makeCanvas()) };
        layers.set(meta, layer);
      }
      const { ctx } = chart;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0); // the picture is in the canvas's own pixels
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
      return false; // drawn: Chart.js skips this dataset
    },
  };
}

/** What the picture depends on: the canvas's size, every point's place and whether it is hidden, the style. */
function fingerprint(chart, elements, style) {
  let sumX = 0;
  let sumY = 0;
  let hidden = 0;
  for (let i = 0; i < elements.length; i++) {
    const point = elements[i];
    // Weighted by position, so that two points trading places still change the sum.
    sumX += point.x * (i + 1);
    sumY += point.y * (i + 1);
    if (point.hidden || point.skip) hidden += i + 1;
  }
  // The plot's area and scales need no place here: a change to either moves the points.
  return `${chart.canvas.width}x${chart.canvas.height}@${chart.currentDevicePixelRatio} ${elements.length}`
    + ` ${sumX} ${sumY} ${hidden} ${style}`;
}

/** The options that change how a point is drawn. */
const STYLE = ['radius', 'pointStyle', 'rotation', 'backgroundColor', 'borderColor', 'borderWidth'];

function sameStyle(a, b) {
  return a === b || STYLE.every((name) => a[name] === b[name]);
}

/** The points drawn on `canvas`, cleared and sized as the chart's canvas, as Chart.js would draw them there. */
function paint(chart, elements, canvas) {
  canvas.width = chart.canvas.width;
  canvas.height = chart.canvas.height;
  const ctx = canvas.getContext('2d');
  const ratio = chart.currentDevicePixelRatio;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const point of elements) {
    if (!point.hidden) point.draw(ctx, chart.chartArea);
  }
  return canvas;
}
