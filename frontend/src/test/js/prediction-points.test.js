// The predictions chart of data the plane cannot show: predictions against targets, per target or class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPictured, jitter, predictionGroups } from '../../main/webapp/app/prediction-points.js';

test('the data chart draws one input and one target, or two inputs and classes; anything else is predicted against targets', () => {
  assert.equal(isPictured({ classification: false, features: 1, outputs: 1 }), true);
  assert.equal(isPictured({ classification: true, features: 2 }), true);
  assert.equal(isPictured({ classification: false, features: 1, outputs: 2 }), false);
  assert.equal(isPictured({ classification: false, features: 2, outputs: 1 }), false);
  assert.equal(isPictured({ classification: true, features: 4 }), false);
});

test('a regression with two targets gives a group per target of (target, prediction) pairs', () => {
  const info = { classification: false, features: 3, outputs: 2, targets: [1, 2, 3, 4] };
  const groups = predictionGroups(info, [1.5, 2.5, 3.5, 4.5], ['sum', 'wave']);
  assert.deepEqual(groups.map((g) => g.name), ['sum', 'wave']);
  assert.deepEqual(groups[0].points.map((p) => [p.x, p.y]), [[1, 1.5], [3, 3.5]]);
  assert.deepEqual(groups[1].points.map((p) => [p.x, p.y]), [[2, 2.5], [4, 4.5]]);
});

test('a classification puts each row in the cell of its actual and predicted class, spread within the cell', () => {
  const info = { classification: true, features: 4, targets: [0, 2, 1] };
  // Row 0 right (class 0), row 1 wrong (2 predicted as 1), row 2 right (class 1).
  const groups = predictionGroups(info, [3, 1, 0, 0, 5, 1, 0, 2, 1], ['a', 'b', 'c']);
  assert.deepEqual(groups.map((g) => g.name), ['a', 'b', 'c']);
  const cell = (p) => [Math.round(p.x) + 0, Math.round(p.y) + 0]; // + 0: -0 is 0
  assert.deepEqual(groups.map((g) => g.points.map(cell)), [[[0, 0]], [[1, 1]], [[2, 1]]]);
  for (let i = 0; i < 100; i++) assert.ok(jitter(i).every((d) => Math.abs(d) <= 0.3));
  const binary = predictionGroups({ classification: true, features: 3, targets: [0, 1] }, [-0.5, -2], ['no', 'yes']);
  assert.deepEqual(binary.map((g) => g.points.map(cell)), [[[0, 0]], [[1, 0]]], 'one score: class 1 above 0');
});
