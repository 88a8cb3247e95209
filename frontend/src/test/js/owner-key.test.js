import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownerKey, ownerHeaders, rememberOwnerKey } from '../../main/webapp/app/owner-key.js';

function memoryStorage() {
  const values = new Map();
  return { getItem: (k) => (values.has(k) ? values.get(k) : null), setItem: (k, v) => values.set(k, String(v)) };
}
const KEY = `nnp_${'a'.repeat(40)}-_9`;

test('a key the server issued is kept and presented as a bearer key', () => {
  const storage = memoryStorage();
  assert.deepEqual(ownerHeaders(storage), {});
  assert.equal(rememberOwnerKey(storage, KEY), true);
  assert.equal(ownerKey(storage), KEY);
  assert.deepEqual(ownerHeaders(storage), { Authorization: `Bearer ${KEY}` });
});

test('anything but a key of the server\'s form is neither kept nor presented', () => {
  const storage = memoryStorage();
  assert.equal(rememberOwnerKey(storage, 'nnp_short'), false);
  storage.setItem('nn-playground.owner-key', 'Bearer x\r\nEvil: 1');
  assert.equal(ownerKey(storage), null);
  assert.deepEqual(ownerHeaders(storage), {});
});

test('a browser that refuses storage loses the key, not the page', () => {
  const refusing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  assert.equal(ownerKey(refusing), null);
  assert.equal(rememberOwnerKey(refusing, KEY), false);
});
