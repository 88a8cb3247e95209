import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadShare, histogramBars, layerTitle, ratioVerdict } from '../../main/webapp/app/diagnostics-format.js';

test('a layer is named by its place, its weight as PyTorch names it, and its activation', () => {
  assert.equal(layerTitle({ name: '0', activation: 'ReLU', role: 'hidden' }, 0), 'layer 1 · 0.weight · ReLU');
  assert.equal(layerTitle({ name: '4', activation: null, role: 'output' }, 2), 'layer 3 · 4.weight · output');
});

test('the update size is judged against 1e-3, a decade either side counting as about right', () => {
  assert.equal(ratioVerdict(null), null);
  assert.equal(ratioVerdict(0), 'not moving');
  assert.equal(ratioVerdict(1e-3), 'about right');
  assert.equal(ratioVerdict(9e-3), 'about right');
  assert.equal(ratioVerdict(1.1e-4), 'about right');
  assert.equal(ratioVerdict(5e-5), 'barely learning');
  assert.equal(ratioVerdict(0.05), 'large steps');
});

test('dead units as a share of the layer, and a dash where units cannot die', () => {
  assert.equal(deadShare({ units: 16, deadUnits: [1, 4, 9] }), '3 of 16 (19 %)');
  assert.equal(deadShare({ units: 8, deadUnits: [] }), '0 of 8 (0 %)');
  assert.equal(deadShare({ units: 8, deadUnits: null }), '—');
});

test('histogram bars fill the box, scaled to the fullest, and a lone count still shows', () => {
  const { bars, zeroAt } = histogramBars({ counts: [0, 1, 1000, 500], min: -1, max: 3 }, 200, 50);
  assert.deepEqual(bars.map((b) => b.x), [0, 50, 100, 150]);
  assert.ok(bars.every((b) => b.width === 50));
  assert.deepEqual(bars.map((b) => b.height), [0, 1, 50, 25]);
  assert.deepEqual(bars.map((b) => b.y), [50, 49, 0, 25]);
  assert.equal(zeroAt, 50, 'zero is a quarter of the way from -1 to 3');
  assert.equal(histogramBars({ counts: [3, 0], min: 0, max: 2 }, 10, 10).zeroAt, null, 'no zero line at an edge');
  assert.equal(histogramBars({ counts: [0, 0], min: null, max: null }, 10, 10).bars[0].height, 0, 'empty: no bars');
});
