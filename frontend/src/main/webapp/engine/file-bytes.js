// How files cross into the engine's builds, for the worker (engine-worker.js loads this with importScripts):
// bytes as base64 text, which both builds pass as a plain string, and whether a file is the playground's JSON
// (which the training engine reads itself) or a binary PyTorch file (which goes through the toolkit).
'use strict';

/** The bytes of a file (text or bytes) as base64. */
function toBase64(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : bytesOf(data);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a file (text or bytes) is JSON: its first character, after a byte-order mark and spaces, is "{". */
function isJson(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data.slice(0, 64)) : bytesOf(data).subarray(0, 64);
  let i = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0A, 0x0D].includes(bytes[i])) i++;
  return bytes[i] === 0x7B;
}

/** The bytes of an ArrayBuffer or a typed array, without copying. */
function bytesOf(data) {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
