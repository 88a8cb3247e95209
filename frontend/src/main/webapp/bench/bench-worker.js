// A helper of the benchmark adapter (bench-adapter.js) for full-batch workloads split over workers: it holds a
// copy of the workload, computes the gradient of the rows it is asked for, and makes the step it is sent, as
// the page does with its own rows. The build comes from ?engine=wasm|js.
'use strict';
const kind = new URLSearchParams(self.location.search).get('engine');
let core = null;

const loaded = (async () => {
  if (kind === 'wasm') {
    importScripts('../engine/classes.wasm-runtime.js');
    core = (await TeaVM.wasmGC.load('../engine/nn-tools.wasm')).exports;
  } else {
    importScripts('../engine/nn-tools.js');
    core = self;
  }
})();

self.onmessage = async ({ data }) => {
  await loaded;
  if (data.type === 'prepare') {
    const answer = JSON.parse(core.toolsBenchPrepare(data.payload));
    self.postMessage({ id: data.id, error: answer.error || null });
  } else if (data.type === 'part') {
    const part = core.toolsBenchPart(data.from, data.to);
    self.postMessage({ id: data.id, part }, [part.buffer]);
  } else if (data.type === 'apply') {
    core.toolsBenchApply(data.sum);
  }
};
