// NN Playground's browser engine, for pages that embed it:
//
//   import { createEngine } from './engine/nn-engine.js';
//   const engine = createEngine({ engine: 'auto' });        // 'wasm', 'js' or 'auto' (Wasm, else JS); workers:
//                                                          // up to n workers (default: cores) for a large
//                                                          // full-batch update's rows or a race's lanes
//   engine.on('progress', (p) => draw(p.step, p.losses));  // about once per frame
//   engine.on('done', (d) => console.log(d.metrics));
//   await engine.init(config);                             // resolves with {engine, workers, split, info}
//   engine.run();                                          // pause(), step(n), reset(), reinit(seed)
//   engine.set('lr', 0.05);                                // or 'speed' (steps per second, 0 = max)
//   const { values } = await engine.predict([[0.5], [0.7]]);
//   const { checkpoint } = await engine.export();
//
// Training runs in a Web Worker, so the page stays responsive.

// The build stamps this with a hash of the site's files (see SiteVersion). Every engine file is asked for
// with ?v=hash, which the server lets browsers keep for a year: a new build has a new hash.
const ENGINE_VERSION = 'dev';
const VERSION_QUERY = ENGINE_VERSION === 'dev' ? '' : `?v=${ENGINE_VERSION}`;
const WORKER_URL = new URL(`./engine-worker.js${VERSION_QUERY}`, import.meta.url);
const CATALOG_URL = new URL(`./catalog.json${VERSION_QUERY}`, import.meta.url);

/**
 * What a run can name, with PyTorch's options and defaults, and the chapters' presets (as GET /api/catalog): a
 * static file written from the core at build time, so a page needs no engine to draw its menus.
 */
export async function loadCatalog() {
  const response = await fetch(CATALOG_URL);
  if (!response.ok) {
    throw new Error(`the catalog did not load (HTTP ${response.status})`);
  }
  return response.json();
}

export function createEngine(options = {}) {
  const worker = new Worker(WORKER_URL);
  const listeners = new Map();
  const waiting = new Map();
  let nextId = 1;
  let readyWaiter = null;

  function emit(type, message) {
    for (const listener of listeners.get(type) || []) {
      listener(message);
    }
  }

  /** An error message as an Error, with the core's code and parameters when it gave them. */
  const engineError = (message) => Object.assign(new Error(message.message),
    message.code ? { code: message.code, params: message.params } : {});

  worker.onmessage = (event) => {
    const message = event.data;
    if (message.id !== undefined && waiting.has(message.id)) {
      const { resolve, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.type === 'error') {
        reject(engineError(message));
      } else {
        resolve(message);
      }
      return;
    }
    if (readyWaiter && (message.type === 'ready' || message.type === 'error')) {
      const { resolve, reject } = readyWaiter;
      readyWaiter = null;
      if (message.type === 'ready') {
        resolve(message);
      } else {
        reject(engineError(message));
      }
    }
    emit(message.type, message);
  };
  worker.onerror = (event) => emit('error', { type: 'error', message: event.message || 'worker failed' });

  function request(type, fields) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ type, id, ...fields });
    });
  }

  function awaitReady(message) {
    return new Promise((resolve, reject) => {
      readyWaiter = { resolve, reject };
      worker.postMessage(message);
    });
  }

  return {
    /**
     * Starts loading the training engine now (while the page draws), so that init finds it loaded; with
     * {lanes: n}, also the workers a race of n lanes will train on.
     */
    preload: (hints = {}) => worker.postMessage({ type: 'preload', engine: options.engine || 'auto', lanes: hints.lanes,
      workers: options.workers }),
    /** Loads the engine and starts a run from a configuration; resolves with {engine, workers, info}. */
    init: (config) => awaitReady({ type: 'init', config, engine: options.engine || 'auto', workers: options.workers }),
    run: () => worker.postMessage({ type: 'run' }),
    pause: () => worker.postMessage({ type: 'pause' }),
    step: (n = 1) => worker.postMessage({ type: 'step', n }),
    /** Back to the same initial weights and batch order. */
    reset: () => worker.postMessage({ type: 'reset' }),
    /** New initial weights (a random seed unless given). */
    reinit: (seed) => awaitReady({ type: 'reinit', seed }),
    /** Changes what may change during a run: 'lr' or 'speed' (steps per second, 0 = unlimited). */
    set: (param, value) => worker.postMessage({ type: 'set', param, value }),
    /** Outputs of optimizer `model`'s network for points given as arrays of inputs. */
    predict: (points, model = 0) => request('predict', { points: points.flat(), model }),
    /** Class-1 probabilities (or regression outputs) on a resolution×resolution grid over bounds [x0, x1, y0, y1]. */
    grid: (bounds, resolution = 50, model = 0) => request('grid', { bounds, resolution, model }),
    /** What the network view draws: every unit's picture over bounds, the weights and their last gradients. */
    network: (bounds, resolution = 16, model = 0) => request('network', { bounds, resolution, model }),
    /** Per layer: weight and gradient norms, the last update's ‖Δw‖/‖w‖, dead ReLU units, histograms over the data. */
    diagnostics: (model = 0) => request('diagnostics', { model }),
    /** The network's checkpoint (architecture, weights, optimizer state, configuration) as JSON text. */
    export: (model = 0) => request('export', { model }),
    /** The network's weights alone, as a state-dict file (JSON text). */
    exportStateDict: (model = 0) => request('exportStateDict', { model }),
    /**
     * Reads a checkpoint or state-dict file (text or bytes: JSON, PyTorch .pt or .safetensors) and compares its
     * predictions with the network's; the run is untouched.
     */
    restore: (file, model = 0) => request('restore', { file, model }),
    /**
     * A file for PyTorch as a Uint8Array: what = 'weights' (now), 'initial' (the starting weights) or 'data'
     * (data and batch order, .pt); format = 'pt', 'safetensors' or 'json'.
     */
    exportFile: (what, format = 'pt', model = 0) => request('exportFile', { what, format, model }),
    /** Reads CSV text into a dataset {rows, header, columns, roles, classes, inputs, targets}; rejects with the row and column. */
    readCsv: (text, maxRows = 5000, targets = 0) => request('readCsv', { text, maxRows, targets, engine: options.engine || 'auto' }),
    /** The run's data as CSV text. */
    dataCsv: () => request('dataCsv', {}),
    /** Every network starts from the weights in a file (.pt, .safetensors or JSON; bytes or text); resolves like init. */
    startFrom: (file) => awaitReady({ type: 'startFrom', file }),
    /** Full-data loss (and accuracy) of every optimizer's network. */
    evaluate: () => request('evaluate', {}),
    state: (model = 0) => request('state', { model }),
    /** Chapter 5: a scalar descent on y = w·x; variant 'batch', 'course-batch', 'stochastic' or 'mini-batch'. */
    descent: (settings) => request('descent', { ...settings, engine: options.engine || 'auto' }),
    /** Chapter 3: the custom Net and the equivalent Sequential, their printouts and outputs. */
    nets: (sizes) => request('nets', { ...sizes, engine: options.engine || 'auto' }),
    probe: (seed = 0) => request('probe', { seed, engine: options.engine || 'auto' }),
    /** The catalog (see loadCatalog), as {catalog}. */
    catalog: async () => ({ catalog: await loadCatalog() }),
    on(type, listener) {
      if (!listeners.has(type)) {
        listeners.set(type, []);
      }
      listeners.get(type).push(listener);
      return this;
    },
    /** Stops the worker; requests still waiting reject, so nothing waits on it for ever. */
    terminate: () => {
      worker.terminate();
      for (const { reject } of waiting.values()) reject(new Error('the engine was stopped'));
      waiting.clear();
      if (readyWaiter) readyWaiter.reject(new Error('the engine was stopped'));
      readyWaiter = null;
    },
  };
}
