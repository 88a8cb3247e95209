// Adapter of the in-browser benchmark harness (../shared/bench/README.md) for NN Playground's engines.
// The page sets window.NN_BENCH_ENGINE to 'wasm' or 'js' before loading this script; the core is then
// loaded on the page's thread, handed each workload's data, initial weights and batch order (untimed),
// and trained (timed) exactly as the harness specifies.
(function () {
  'use strict';
  const kind = window.NN_BENCH_ENGINE;
  let core = null;

  async function load() {
    if (kind === 'wasm') {
      const module = await TeaVM.wasmGC.load('../engine/nn.wasm');
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
    const answer = JSON.parse(core.engineBenchPrepare(JSON.stringify(payload)));
    if (answer.error) {
      throw new Error(answer.error);
    }
  }

  function outputs() {
    return JSON.parse(core.engineBenchOutputs()).values;
  }

  window.benchReady = load();

  window.implInfo = async () => ({
    impl: 'nn-playground-' + kind,
    library: 'NN Playground core (TeaVM ' + (kind === 'wasm' ? 'WebAssembly GC' : 'JavaScript') + ')',
    version: '0.1.0',
    precision: 'float64',
  });

  window.runWorkload = async (name) => {
    const spec = Bench.workload(name);
    handOver(spec);
    const initial = Bench.evaluate(spec, outputs());
    const start = performance.now();
    const updates = core.engineBenchTrain();
    const ms = performance.now() - start;
    const final = Bench.evaluate(spec, outputs());
    return { ms, initialLoss: initial.loss, finalLoss: final.loss, accuracy: final.accuracy, updates };
  };
})();
