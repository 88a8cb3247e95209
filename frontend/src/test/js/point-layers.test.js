import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPointLayers } from '../../main/webapp/app/point-layers.js';

/** A canvas that records what is drawn on it: circles (from points) and copies of other canvases. */
function fakeCanvas(name) {
  const canvas = { name, width: 0, height: 0, drawn: [] };
  canvas.getContext = () => ({
    save() {}, restore() {}, setTransform() {},
    drawImage: (image) => canvas.drawn.push(`picture of ${image.drawn.join(', ')}`),
    circle: (x, y) => canvas.drawn.push(`circle ${x},${y}`),
  });
  // Setting the width clears a canvas, as in a browser.
  let width = 0;
  Object.defineProperty(canvas, 'width', { get: () => width, set: (w) => { width = w; canvas.drawn.length = 0; } });
  return canvas;
}

function point(x, y, options) {
  return { x, y, options, active: false, hidden: false, skip: false, draws: 0,
    draw(ctx) { this.draws++; ctx.circle(this.x, this.y); } };
}

function fakeChart(points) {
  const canvas = fakeCanvas('chart');
  canvas.width = 300;
  canvas.height = 200;
  return { canvas, ctx: canvas.getContext(), currentDevicePixelRatio: 1, chartArea: { left: 10, top: 0, right: 290, bottom: 180 },
    meta: { type: 'scatter', data: points } };
}

const style = { radius: 3.5, backgroundColor: '#64748b', borderColor: '#fff', borderWidth: 0.5 };

test('points that stay put are drawn once and copied at every redraw', () => {
  const layers = createPointLayers(() => fakeCanvas('layer'));
  const points = [point(20, 30, style), point(40, 50, style)];
  const chart = fakeChart(points);
  for (let i = 0; i < 3; i++) assert.equal(layers.beforeDatasetDraw(chart, { meta: chart.meta }), false, 'drawn by the plugin');
  assert.deepEqual(points.map((p) => p.draws), [1, 1]);
  assert.deepEqual(chart.canvas.drawn, Array(3).fill('picture of circle 20,30, circle 40,50'));
});

test('a point that moves, a new style or a resize paints the picture again', () => {
  const layers = createPointLayers(() => fakeCanvas('layer'));
  const points = [point(20, 30, style), point(40, 50, style)];
  const chart = fakeChart(points);
  const redraw = () => layers.beforeDatasetDraw(chart, { meta: chart.meta });
  redraw();
  points[1].y = 60;
  redraw();
  assert.equal(chart.canvas.drawn.at(-1), 'picture of circle 20,30, circle 40,60');
  // Two points trading places leave the sums of places alone, not the picture.
  [points[0].x, points[1].x] = [points[1].x, points[0].x];
  redraw();
  assert.equal(chart.canvas.drawn.at(-1), 'picture of circle 40,30, circle 20,60');
  const restyled = { ...style, backgroundColor: '#ef4444' };
  points.forEach((p) => { p.options = restyled; });
  redraw();
  chart.canvas.height = 400;
  redraw();
  assert.deepEqual(points.map((p) => p.draws), [5, 5]);
});

test('a hovered point, points styled one by one, or another kind of dataset are left to Chart.js', () => {
  const layers = createPointLayers(() => fakeCanvas('layer'));
  const points = [point(20, 30, style), point(40, 50, style)];
  const chart = fakeChart(points);
  points[0].active = true;
  assert.equal(layers.beforeDatasetDraw(chart, { meta: chart.meta }), true);
  points[0].active = false;
  points[1].options = { ...style, radius: 5 };
  assert.equal(layers.beforeDatasetDraw(chart, { meta: chart.meta }), true);
  assert.equal(layers.beforeDatasetDraw(chart, { meta: { type: 'line', data: points } }), true);
  assert.deepEqual(chart.canvas.drawn, []);
});

test('hidden points are left out of the picture', () => {
  const layers = createPointLayers(() => fakeCanvas('layer'));
  const points = [point(20, 30, style), point(40, 50, style)];
  const chart = fakeChart(points);
  points[0].hidden = true;
  layers.beforeDatasetDraw(chart, { meta: chart.meta });
  assert.deepEqual(chart.canvas.drawn, ['picture of circle 40,50']);
});
