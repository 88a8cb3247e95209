// The one link codec every page uses: short text per setting, defaults left out, bad values refused with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeLink, encodeLink, readField } from '../../main/webapp/app/link-codec.js';

const FIELDS = { epochs: { type: 'int', min: 1, max: 1000 }, lr: { type: 'number', min: 1e-4, max: 1 },
  axis: { type: 'choice', choices: ['update', 'seen'] }, layers: { type: 'layers' } };
const DEFAULTS = { epochs: 100, lr: 0.01, axis: 'update', layers: [10] };

test('a link holds only what differs from the defaults and reads back the same', () => {
  assert.equal(encodeLink(DEFAULTS, FIELDS, DEFAULTS), '#v=1');
  const state = { epochs: 7, lr: 0.5, axis: 'seen', layers: [16, 16] };
  const hash = encodeLink(state, FIELDS, DEFAULTS);
  assert.equal(hash, '#v=1&epochs=7&lr=0.5&axis=seen&layers=16-16');
  assert.deepEqual(decodeLink(hash, FIELDS, DEFAULTS).state, state);
});

test('unknown keys, bad values and another version are noticed, and the defaults stand', () => {
  const { state, notices } = decodeLink('#v=2&epochs=5000&colour=red&lr=abc', FIELDS, DEFAULTS);
  assert.deepEqual(state, DEFAULTS);
  assert.equal(notices.length, 4);
  assert.match(notices[1], /"5000" is not a valid epochs; the default 100 is used/);
});

test('whole numbers are whole and ranges hold', () => {
  assert.equal(readField(FIELDS.epochs, '2.5'), undefined);
  assert.equal(readField(FIELDS.epochs, '0'), undefined);
  assert.equal(readField(FIELDS.lr, ''), undefined);
  assert.equal(readField(FIELDS.lr, '1e-3'), 0.001);
});
