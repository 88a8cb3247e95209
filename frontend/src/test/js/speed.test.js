import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPEEDS, speedLabel, watchableSpeed } from '../../main/webapp/app/speed.js';

test('the notches go from slow on the left to as fast as possible on the right', () => {
  const paced = SPEEDS.slice(0, -1);
  assert.deepEqual(paced, [...paced].sort((a, b) => a - b));
  assert.equal(SPEEDS[0], 1);
  assert.equal(SPEEDS.at(-1), 0);
  assert.equal(speedLabel(0), 'fastest');
  assert.equal(speedLabel(1), '1 update/s');
  assert.equal(speedLabel(200), '200 updates/s');
});

test('a watchable pace takes about four seconds', () => {
  assert.equal(watchableSpeed(200), 50);
  assert.equal(watchableSpeed(3000), 500);
  assert.equal(watchableSpeed(4), 1);
});
