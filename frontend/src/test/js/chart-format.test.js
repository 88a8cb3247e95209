import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTick, laneStyle, logTickLabel, paddedBounds, squareBounds } from '../../main/webapp/app/chart-format.js';

test('ticks read like a person writes them', () => {
  assert.equal(formatTick(0.5), '0.5');
  assert.equal(formatTick(0.5000000001), '0.5');
  assert.equal(formatTick(20), '20');
  assert.equal(formatTick(0.01), '0.01');
  assert.equal(formatTick(0.001), '1e-3');
  assert.equal(formatTick(2.5e-5), '2.5e-5');
  assert.equal(formatTick(1e298), '1e+298');
  assert.equal(formatTick(0), '0');
});

test('a log axis labels 1, 2 and 5 of each decade only', () => {
  assert.deepEqual([1, 1.2, 2, 3, 5, 8, 10, 0.05, 0.06, 0.002].map((v) => logTickLabel(v)),
    ['1', '', '2', '', '5', '', '10', '0.05', '', '2e-3']);
  const fourDecades = [1e-4, 2e-4, 5e-4, 1e-3, 1].map((value) => ({ value }));
  assert.deepEqual(fourDecades.map((t, i) => logTickLabel(t.value, i, fourDecades)), ['1e-4', '', '', '1e-3', '1'],
    'past three decades only the powers of ten');
});

test('the data view is square around the points, so circles stay round', () => {
  const [x0, x1, y0, y1] = squareBounds([-1, 1], [-3, 3]);
  assert.ok(Math.abs((x1 - x0) - (y1 - y0)) < 1e-12);
  assert.ok(x0 < -1 && y0 < -3 && y1 > 3);
  assert.deepEqual(squareBounds([2, 2], [5, 5]), [1, 3, 4, 6], 'one point still gets a view');
  const [a0, a1, b0, b1] = paddedBounds([0, 10], [0, 1]);
  assert.deepEqual([a0, a1].map((v) => Number(v.toFixed(6))), [-0.8, 10.8]);
  assert.deepEqual([b0, b1].map((v) => Number(v.toFixed(6))), [-0.08, 1.08]);
});

test('race lanes differ by dash as well as by colour', () => {
  const styles = [0, 1, 2, 3].map(laneStyle);
  assert.equal(new Set(styles.map((s) => s.color)).size, 4);
  assert.equal(new Set(styles.map((s) => s.dash.join())).size, 4);
});
