// The engine facade posts the messages the worker expects; a stand-in Worker records them.
import { test } from 'node:test';
import assert from 'node:assert/strict';

class RecordingWorker {
  static last;
  constructor(url) {
    this.url = String(url);
    this.posted = [];
    RecordingWorker.last = this;
  }
  postMessage(message) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}
globalThis.Worker = RecordingWorker;
const { createEngine } = await import('../../main/webapp/engine/nn-engine.js');

test('a descent asks for the engine the page chose, not the descent settings', () => {
  const engine = createEngine({ engine: 'js' });
  engine.descent({ variant: 'batch', w0: 1, lr: 0.1, epochs: 3, batchSize: 1, shuffleSeed: -1 });
  const [message] = RecordingWorker.last.posted;
  assert.equal(message.type, 'descent');
  assert.equal(message.engine, 'js');
  assert.equal(message.variant, 'batch');
});

test('every engine-loading call carries the chosen engine', () => {
  const engine = createEngine({ engine: 'wasm' });
  engine.init({ steps: 1 });
  engine.nets({ nFeature: 1, nHidden: 2, nOutput: 1 });
  engine.readCsv('1,2');
  engine.probe(3);
  for (const message of RecordingWorker.last.posted) assert.equal(message.engine, 'wasm', message.type);
});

test('the catalog is the static file beside the engine, read without the worker', async () => {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(String(url));
    return { ok: true, json: async () => ({ optimizers: [] }) };
  };
  const engine = createEngine();
  assert.deepEqual(await engine.catalog(), { catalog: { optimizers: [] } });
  assert.match(asked[0], /engine\/catalog\.json$/);
  assert.deepEqual(RecordingWorker.last.posted, []);
  globalThis.fetch = async () => ({ ok: false, status: 404 });
  await assert.rejects(engine.catalog(), /the catalog did not load \(HTTP 404\)/);
});

test('the worker is loaded from the engine folder', () => {
  createEngine();
  assert.match(RecordingWorker.last.url, /engine\/engine-worker\.js$/);
});

test('stopping an engine fails the requests still waiting, so no page waits on a dead worker', async () => {
  const engine = createEngine();
  const grid = engine.grid([0, 1, 0, 1], 10);
  const ready = engine.init({ steps: 1 });
  engine.terminate();
  assert.equal(RecordingWorker.last.terminated, true);
  await assert.rejects(grid, /stopped/);
  await assert.rejects(ready, /stopped/);
});
