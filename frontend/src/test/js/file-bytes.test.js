// How the worker hands files to the engine's builds: base64 both ways, and JSON told apart from binary files
// (the worker script is run as the worker runs it, not imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const context = { TextEncoder, btoa, atob };
vm.runInNewContext(readFileSync(new URL('../../main/webapp/engine/file-bytes.js', import.meta.url), 'utf8'), context);
const { toBase64, fromBase64, isJson } = context;

test('bytes survive base64 both ways, whether given as a buffer, a view into one or text', () => {
  const all = new Uint8Array(70000).map((_, i) => (i * 31) % 256); // past one 0x8000 chunk, every byte value
  assert.deepEqual(Array.from(fromBase64(toBase64(all.buffer))), Array.from(all));
  const middle = all.subarray(100, 200);
  assert.deepEqual(Array.from(fromBase64(toBase64(middle))), Array.from(middle));
  assert.equal(new TextDecoder().decode(fromBase64(toBase64('{"é": 1}'))), '{"é": 1}');
});

test('JSON is a "{" after an optional byte-order mark and spaces; PyTorch files are not', () => {
  assert.equal(isJson('  \n{"format": "nn-playground/state-dict"}'), true);
  assert.equal(isJson(new Uint8Array([0xEF, 0xBB, 0xBF, 0x20, 0x7B, 0x7D]).buffer), true);
  assert.equal(isJson(new Uint8Array([0x50, 0x4B, 0x03, 0x04])), false, 'a .pt is a zip');
  assert.equal(isJson(new Uint8Array([0x80, 0x02])), false, 'a legacy .pt');
  assert.equal(isJson(new Uint8Array([8, 0, 0, 0, 0, 0, 0, 0, 0x7B])), false, 'a .safetensors header length');
  assert.equal(isJson(''), false);
});
