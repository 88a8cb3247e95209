// Adapter of the in-browser benchmark harness (../shared/bench/README.md) for NN Playground's engines.
// The page sets window.NN_BENCH_ENGINE to 'wasm' or 'js' before loading this script; the core is then
// loaded on the page's thread (the toolkit build, nn-tools, which carries the benchmark's entry points so that the
// training engine every page loads does not), handed each workload's data, initial weights and batch order (untimed),
// and trained (timed) exactly as the harness specifies. With window.NN_BENCH_WORKERS = n (a power of two), a
// large full-batch workload is split over the page and n - 1 workers (bench-worker.js) by rows, as the engine
// splits one (../engine/row-split.js, whose sumParts the page loads): the same bits as one thread.
(function () {
  'use strict';
  const kind = window.NN_BENCH_ENGINE;
  const parts = window.NN_BENCH_WORKERS || 1;
  const SPLIT_WORK = 1e6; // rows × parameters below which a split costs more in messages than it saves
  let core = null;
  let helpers = [];

  async function load() {
    if (kind === 'wasm') {
      const module = await TeaVM.wasmGC.load('../engine/nn-tools.wasm');
      core = module.exports;
    } else {
      core = window; // the JavaScript build, loaded as a classic script, exports onto the global object
    }
  }

  function optimizerOf(spec) {
    const o = spec.opt;
    switch (o.type) {
      case 'sgd': return ['SGD', { lr: spec.lr }];
      case 'momentum': return ['SGD', { lr: spec.lr, momentum: o.momentum }];
      case 'rmsprop': return ['RMSprop', { lr: spec.lr, alpha: o.alpha, eps: o.eps }];
      case 'adam': return ['Adam', { lr: spec.lr, beta1: o.beta1, beta2: o.beta2, eps: o.eps }];
      default: throw new Error('unsupported optimizer ' + o.type);
    }
  }

  function handOver(spec) {
    const [optimizer, hyper] = optimizerOf(spec);
    const d = spec.data;
    const classification = spec.task === 'classification';
    const payload = {
      sizes: spec.sizes,
      classification,
      optimizer,
      hyper,
      x: Array.from(d.x),
      targets: classification ? Array.from(d.labels) : Array.from(d.y),
      weights: spec.init.map((layer) => [Array.from(layer.W), Array.from(layer.b)]),
      steps: spec.batch === 'full' ? spec.steps : 0,
      orders: spec.batch === 'full' ? null : spec.orders.map((epoch) => epoch.map((batch) => Array.from(batch))),
    };
    const text = JSON.stringify(payload);
    const answer = JSON.parse(core.toolsBenchPrepare(text));
    if (answer.error) {
      throw new Error(answer.error);
    }
    return text;
  }

  function outputs() {
    return JSON.parse(core.toolsBenchOutputs()).values;
  }

  /** A helper worker: request(message) resolves with its reply; post(message) expects none. */
  function startHelper() {
    const worker = new Worker(`bench-worker.js?engine=${kind}`);
    const waiting = new Map();
    let nextId = 1;
    worker.onmessage = ({ data }) => {
      const reply = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error) reply.reject(new Error(data.error)); else reply.resolve(data);
    };
    return {
      request: (message) => new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ ...message, id });
      }),
      post: (message) => worker.postMessage(message),
    };
  }

  window.benchReady = load().then(() => {
    helpers = Array.from({ length: parts - 1 }, startHelper);
  });

  function parameters(sizes) {
    let count = 0;
    for (let l = 0; l + 1 < sizes.length; l++) count += (sizes[l] + 1) * sizes[l + 1];
    return count;
  }

  /** The workload's full-batch steps over the helpers and the page (the last, smallest part is the page's). */
  async function trainSplit() {
    const { steps, cuts } = JSON.parse(core.toolsBenchSplits(parts));
    const own = parts - 1;
    const rows = (w) => cuts[w] !== cuts[w + 1];
    for (let s = 0; s < steps; s++) {
      const asked = helpers.map((helper, w) => (rows(w) ? helper.request({ type: 'part', from: cuts[w], to: cuts[w + 1] })
        : Promise.resolve({ part: null })));
      const mine = rows(own) ? core.toolsBenchPart(cuts[own], cuts[own + 1]) : null;
      const others = await Promise.all(asked);
      const sum = sumParts([...others.map((answer) => answer.part), mine]);
      for (const helper of helpers) helper.post({ type: 'apply', sum });
      core.toolsBenchApply(sum);
    }
    return steps;
  }

  window.implInfo = async () => ({
    impl: 'nn-playground-' + kind + (parts > 1 ? `-${parts}-workers` : ''),
    library: 'NN Playground core (TeaVM ' + (kind === 'wasm' ? 'WebAssembly GC' : 'JavaScript') + ')',
    version: '0.1.0',
    precision: 'float64',
  });

  window.runWorkload = async (name) => {
    const spec = Bench.workload(name);
    const payload = handOver(spec);
    const split = parts > 1 && spec.batch === 'full' && spec.data.n * parameters(spec.sizes) >= SPLIT_WORK;
    if (split) {
      await Promise.all(helpers.map((helper) => helper.request({ type: 'prepare', payload })));
    }
    const initial = Bench.evaluate(spec, outputs());
    const start = performance.now();
    const updates = split ? await trainSplit() : core.toolsBenchTrain();
    const ms = performance.now() - start;
    const final = Bench.evaluate(spec, outputs());
    return { ms, initialLoss: initial.loss, finalLoss: final.loss, accuracy: final.accuracy, updates };
  };
})();
