import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divergingColor, edgeStyle, edgesToDraw, formatValue, layerParts, layoutNetwork, parameterLabel }
  from '../../main/webapp/app/network-layout.js';

test('columns spread across the width, nodes centred in each column and inside the area', () => {
  const { size, columns } = layoutNetwork([2, 10, 2], 600, 460);
  assert.equal(columns.length, 3);
  assert.equal(columns[0].x, 0);
  assert.equal(columns[2].x + size, 600, 'the last column ends at the right edge');
  assert.deepEqual(columns.map((c) => c.nodes.length), [2, 10, 2]);
  for (const column of columns) {
    for (const node of column.nodes) {
      assert.ok(node.y >= 0 && node.y + size <= 460, `node at ${node.y} inside the height`);
    }
    const middle = (column.nodes[0].y + column.nodes.at(-1).y + size) / 2;
    assert.ok(Math.abs(middle - 230) <= 1, 'centred vertically');
  }
  const tall = layoutNetwork([2, 64, 2], 600, 520);
  assert.ok(tall.size >= 4 && tall.columns[1].nodes.at(-1).y + tall.size <= 520, 'a tall column still fits');
});

test('a large layer draws its strongest weights, in their order', () => {
  assert.deepEqual(edgesToDraw([0.1, -2, 0.3]), [0, 1, 2]);
  assert.deepEqual(edgesToDraw([0.1, -2, 0.3, 1, -0.05], 3), [1, 2, 3]);
});

test('an edge shows its sign by colour and its size by width and opacity', () => {
  const strong = edgeStyle(-2, 2);
  const weak = edgeStyle(0.2, 2);
  assert.equal(strong.color, 'rgb(213, 94, 0)', 'negative: vermillion');
  assert.equal(weak.color, 'rgb(0, 114, 178)', 'positive: blue');
  assert.ok(strong.width > weak.width && strong.opacity > weak.opacity);
  assert.equal(edgeStyle(NaN, 2).width, 0.5, 'a weight that is not a number draws thinnest');
});

test('values colour from vermillion through white to blue', () => {
  assert.deepEqual(divergingColor(0), [255, 255, 255, 255]);
  assert.deepEqual(divergingColor(1), [0, 114, 178, 255]);
  assert.deepEqual(divergingColor(-5), [213, 94, 0, 255], 'clamped');
});

test('parameters are named as in the state dict, numbers are short', () => {
  assert.equal(parameterLabel('0.weight', [10, 2], 7), '0.weight[3, 1]');
  assert.equal(parameterLabel('2.bias', [2], 1), '2.bias[1]');
  assert.equal(formatValue(-0.41234567), '-0.4123');
  assert.equal(formatValue(0.00001234), '1.234e-5');
  assert.equal(formatValue(null), '—');
});

test('a deep net draws fewer edges per layer, so the whole diagram stays within its budget', async () => {
  const { edgeLimit, MAX_EDGES } = await import('../../main/webapp/app/network-layout.js');
  assert.equal(edgeLimit(3), MAX_EDGES, 'two hidden layers: every layer its 600');
  assert.equal(edgeLimit(4), MAX_EDGES);
  assert.equal(edgeLimit(8), 300);
  assert.equal(edgeLimit(17), 141, 'sixteen hidden layers');
  for (let layers = 1; layers <= 17; layers++) assert.ok(edgeLimit(layers) * layers <= 2400);
});

test("a column names what its units compute after the Linear, in PyTorch's order", () => {
  assert.equal(layerParts({ norm: 'BatchNorm1d', activation: 'ReLU', dropout: 0.3 }), 'BatchNorm1d · ReLU · Dropout 0.3');
  assert.equal(layerParts({ activation: 'Tanh' }), 'Tanh');
  assert.equal(layerParts({ role: 'output' }), '');
});
