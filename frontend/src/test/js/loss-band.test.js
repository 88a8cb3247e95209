import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBand } from '../../main/webapp/app/loss-band.js';

test('a short run keeps every loss', () => {
  const points = [];
  const band = createBand(points, 1000);
  band.add(1, [0.5, 0.4]);
  band.add(3, [0.3]);
  assert.deepEqual(points.map((p) => p.y).filter((y, i, all) => i === 0 || y !== all[i - 1]), [0.5, 0.4, 0.3]);
  assert.equal(band.stride(), 1);
});

test('a long run stays under its points and keeps the envelope of its losses', () => {
  const points = [];
  const band = createBand(points, 200);
  const losses = Array.from({ length: 100_000 }, (_, i) => 1 / (1 + i / 100) * (1 + 0.5 * Math.sin(i)));
  for (let start = 0; start < losses.length; start += 777) band.add(start + 1, losses.slice(start, start + 777));
  assert.ok(points.length <= 200, `${points.length} points`);
  assert.ok(band.stride() >= 512, `stride ${band.stride()}`);
  assert.equal(Math.max(...points.map((p) => p.y)), Math.max(...losses), 'the highest loss is kept');
  assert.equal(Math.min(...points.map((p) => p.y)), Math.min(...losses), 'the lowest loss is kept');
  for (let i = 1; i < points.length; i++) assert.ok(points[i].x >= points[i - 1].x, 'in update order');
});

test('losses that cannot be drawn on a log axis are left out', () => {
  const points = [];
  createBand(points).add(1, [null, 0, -1, Infinity, NaN, 0.2]);
  assert.deepEqual(points.map((p) => p.y), [0.2, 0.2]);
});
