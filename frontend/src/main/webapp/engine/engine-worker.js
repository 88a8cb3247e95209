// The training engine's Web Worker. It loads the core compiled to WebAssembly (default) or JavaScript
// (fallback, or when asked for), holds one run, trains it in time slices so messages keep flowing,
// and reports progress about once per animation frame however fast training goes.
//
// In:  preload {engine} (load the training engine now; init waits for it), init {config, engine}, run, pause,
//      step {n}, reset, reinit {seed}, set {param, value},
//      predict {id, points, model}, grid {id, bounds, resolution, model}, network {id, bounds, resolution, model}
//      (each unit's picture over the bounds, the weights and their last gradients), diagnostics {id, model}
//      (per layer: weight and gradient norms, the last update's size, dead units, histograms), export {id, model},
//      exportStateDict {id, model}, restore {id, model, file} (compare a saved file's predictions; file is
//      text or bytes: JSON, PyTorch .pt or .safetensors), exportFile {id, model, what, format} (bytes of
//      the weights, the initial weights or the data for PyTorch), startFrom {file} (train from these weights),
//      readCsv {id, text, maxRows} (a dataset from CSV, or the reader's message), dataCsv {id} (the run's data),
//      evaluate {id}, state {id, model}, probe {id, seed},
//      descent {id, variant, w0, lr, epochs, batchSize, shuffleSeed} (chapter 5's scalar descents),
//      nets {id, nFeature, nHidden, nOutput, seed} (chapter 3's two forms of one network),
//      Files, CSV, descent, nets and probe run in the toolkit build (nn-tools), loaded at its first use.
//      After the planned updates ("done"), run and step train on past them, open-ended, until reset.
// Out: ready {engine, info}, progress {step, epoch, total, losses, running, metrics?, testMetrics?},
//      done {step, metrics, testMetrics} (testMetrics null without a test split),
//      error {message, step}, and a reply {type, id, ...} to each request that has an id.
'use strict';
// The engine version the page asked for (?v=hash, see nn-engine.js), carried to every file this worker loads.
const VERSION_QUERY = self.location.search;
importScripts('pacer.js' + VERSION_QUERY, 'file-bytes.js' + VERSION_QUERY);

const FRAME_MS = 33;       // report at most about every other frame: the charts redraw on reports
const SLICE_MS = 12;       // train this long before yielding to the message queue
const METRICS_MS = 250;    // full-data loss/accuracy at most this often
const CALL_MS = 4;         // aim for engine calls this long

let core = null;           // {engineInit, engineStep, ...} from either build
let engineName = null;
let tools = null;          // the toolkit {toolsReadStateDict, toolsDescent, ...}, loaded at its first use
let toolsName = null;
let info = null;
let running = false;
let stepsPerSecond = 0;    // 0: as fast as possible
let pacer = null;          // the running pace (see pacer.js), started afresh with each run or change of speed
let planDone = false;      // the planned updates are made: play or step again trains on past them
let pending = null;        // losses not yet reported, per optimizer
let stepCount = 0;         // updates made so far
const MEASURES = 100;      // the whole-data loss is measured at least this often over the planned updates
let lastReport = 0;
let lastMetrics = 0;

function post(message, transfer) {
  self.postMessage(message, transfer || []);
}

function parse(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') {
    throw new Error(value.error);
  }
  return value;
}

async function wasmGcSupported() {
  // The smallest module that declares a GC struct type: (module (type (struct)))
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 95, 0]);
  return WebAssembly.validate(bytes);
}

/** Loads one build of the core ('nn', the training engine, or 'nn-tools') as WebAssembly or JavaScript. */
async function loadBuild(name, requested) {
  if (requested !== 'js' && await wasmGcSupported()) {
    try {
      if (typeof TeaVM === 'undefined') importScripts('classes.wasm-runtime.js' + VERSION_QUERY);
      // By address, so the browser compiles while it downloads and keeps the compiled code for the next visit.
      const module = await TeaVM.wasmGC.load(name + '.wasm' + VERSION_QUERY);
      return { exports: module.exports, kind: 'wasm' };
    } catch (error) {
      if (requested === 'wasm') {
        throw new Error('WebAssembly engine failed to load: ' + error.message);
      }
    }
  } else if (requested === 'wasm') {
    throw new Error('this browser lacks WebAssembly GC; use engine "js"');
  }
  importScripts(name + '.js' + VERSION_QUERY);
  return { exports: self, kind: 'js' };
}

// Each build loads once for all who ask, even at the same time (chapter 5 asks for four descents together);
// a load that failed may be tried again (init reports the failure).
let coreLoading = null;
let toolsLoading = null;

async function loadCore(requested) {
  coreLoading ??= loadBuild('nn', requested).then(({ exports, kind }) => {
    core = exports;
    engineName = kind;
  });
  try {
    await coreLoading;
  } catch (error) {
    coreLoading = null;
    throw error;
  }
}

/**
 * The toolkit (files, CSV, chapters 3 and 5, probes; see ToolExports), loaded when first needed, in the
 * training engine's build when that is loaded.
 */
async function loadTools(requested) {
  toolsLoading ??= loadBuild('nn-tools', engineName || requested || 'auto').then(({ exports, kind }) => {
    tools = exports;
    toolsName = kind;
  });
  try {
    await toolsLoading;
  } catch (error) {
    toolsLoading = null;
    throw error;
  }
  return tools;
}

/** A weights file as the engine reads it: {text, format}, JSON as it is, .pt and .safetensors through the toolkit. */
async function asEngineText(data) {
  if (isJson(data) || (typeof data === 'string' ? data.length : data.byteLength) === 0) {
    return { text: typeof data === 'string' ? data : new TextDecoder().decode(bytesOf(data)), format: 'json' };
  }
  const answer = parse((await loadTools()).toolsReadStateDict(toBase64(data)));
  return { text: answer.stateDict, format: answer.format };
}

function resetPending() {
  pending = info ? info.optimizers.map(() => []) : [];
}

/** Loss (and accuracy) per optimizer on the training data, and on the test part when there is one. */
function evaluation() {
  lastMetrics = performance.now();
  const answer = parse(core.engineEvaluate());
  return { metrics: answer.metrics, testMetrics: answer.test };
}

function report(progress, force) {
  progress.losses.forEach((losses, k) => { for (const v of losses) pending[k].push(v); });
  const now = performance.now();
  if (!force && now - lastReport < FRAME_MS) {
    return;
  }
  lastReport = now;
  const message = {
    type: 'progress', step: progress.step, epoch: progress.epoch, total: info.steps,
    losses: pending, running,
  };
  // Small datasets are cheap to evaluate: give them a metric with every report, for smooth curves.
  if (force || info.targets.length <= 1000 || now - lastMetrics >= METRICS_MS) {
    Object.assign(message, evaluation());
  }
  post(message);
  resetPending();
}

function finish(progress) {
  running = false;
  report(progress, true);
  if (progress.failure) {
    post({ type: 'error', message: progress.failure, step: progress.step });
  } else {
    planDone = true;
    post({ type: 'done', step: progress.step, ...evaluation() });
  }
}

/** After the planned updates, the run trains on open-ended (TensorFlow Playground's way). */
function keepGoingIfPlanDone() {
  if (planDone) {
    parse(core.engineKeepGoing());
    planDone = false;
  }
}

function trainSlice() {
  try {
    trainFor(SLICE_MS);
  } catch (error) {
    running = false;
    post({ type: 'error', message: error.message });
  }
}

function trainFor(sliceMs) {
  if (!running) {
    return;
  }
  const start = performance.now();
  let progress = null;
  let chunk = 1;
  let budget = pacer.owed(start);
  // However fast the run goes, the charts get their whole-data loss every 1/MEASURES of the plan; past the plan,
  // training on, reports follow the frames as usual.
  const every = Math.max(1, Math.ceil(info.steps / MEASURES));
  while (performance.now() - start < sliceMs && budget > 0) {
    const toMeasure = stepCount < info.steps ? every - (stepCount % every) : Infinity;
    const n = Math.min(chunk, budget, toMeasure);
    const callStart = performance.now();
    progress = parse(core.engineStep(n));
    stepCount = progress.step;
    pacer.made(n);
    budget -= n;
    // Size the next call to take about CALL_MS, so pause and other messages wait no longer than that.
    const perStep = Math.max(1e-3, (performance.now() - callStart) / n);
    chunk = Math.max(1, Math.min(4096, Math.floor(CALL_MS / perStep)));
    if (progress.done) {
      finish(progress); // reports these last losses itself
      return;
    }
    report(progress, n === toMeasure);
  }
  setTimeout(trainSlice, pacer.wait(performance.now()));
}

function stepNow(n) {
  keepGoingIfPlanDone();
  const progress = parse(core.engineStep(n));
  stepCount = progress.step;
  if (progress.done) {
    finish(progress);
  } else {
    report(progress, true);
  }
}

const handlers = {
  /** Starts loading the training engine while the page draws itself; init waits for the same load. */
  async preload(message) {
    await loadCore(message.engine || 'auto').catch(() => {});
  },
  async init(message) {
    running = false;
    await loadCore(message.engine || 'auto');
    info = parse(core.engineInit(JSON.stringify(message.config)));
    planDone = false;
    stepCount = 0;
    resetPending();
    post({ type: 'ready', engine: engineName, info });
  },
  run() {
    if (!running) {
      keepGoingIfPlanDone();
      running = true;
      pacer = createPacer(stepsPerSecond, performance.now());
      setTimeout(trainSlice, 0);
    }
  },
  pause() {
    running = false;
  },
  step(message) {
    running = false;
    stepNow(Math.max(1, message.n || 1));
  },
  reset() {
    running = false;
    parse(core.engineReset());
    planDone = false;
    stepCount = 0;
    resetPending();
    post({ type: 'progress', step: 0, epoch: 0, total: info.steps, losses: pending, running: false });
  },
  reinit(message) {
    running = false;
    const seed = message.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : message.seed;
    info = parse(core.engineReinit(seed));
    planDone = false;
    stepCount = 0;
    resetPending();
    post({ type: 'ready', engine: engineName, info });
  },
  set(message) {
    if (message.param === 'lr') {
      parse(core.engineSetLearningRate(Number(message.value)));
    } else if (message.param === 'speed') {
      stepsPerSecond = Math.max(0, Number(message.value) || 0);
      pacer = createPacer(stepsPerSecond, performance.now());
    } else {
      throw new Error('cannot change "' + message.param + '" during a run (only lr and speed)');
    }
  },
  predict(message) {
    const values = parse(core.enginePredict(message.model || 0, JSON.stringify(message.points))).values;
    post({ type: 'prediction', id: message.id, values });
  },
  grid(message) {
    const [x0, x1, y0, y1] = message.bounds;
    const answer = parse(core.engineGrid(message.model || 0, x0, x1, y0, y1, message.resolution || 50));
    post({ type: 'grid', id: message.id, bounds: message.bounds, resolution: answer.resolution, values: answer.values,
      classes: answer.classes });
  },
  network(message) {
    const [x0, x1, y0, y1] = message.bounds;
    const picture = parse(core.engineNetwork(message.model || 0, x0, x1, y0, y1, message.resolution || 16));
    post({ type: 'network', id: message.id, ...picture });
  },
  diagnostics(message) {
    post({ type: 'diagnostics', id: message.id, ...parse(core.engineDiagnostics(message.model || 0)) });
  },
  export(message) {
    const checkpoint = core.engineExport(message.model || 0);
    parse(checkpoint);
    post({ type: 'export', id: message.id, checkpoint });
  },
  exportStateDict(message) {
    const stateDict = core.engineExportStateDict(message.model || 0);
    parse(stateDict);
    post({ type: 'stateDict', id: message.id, stateDict });
  },
  async restore(message) {
    const { text, format } = await asEngineText(message.file);
    const answer = parse(core.engineRestore(message.model || 0, text, format));
    post({ type: 'restored', id: message.id, ...answer });
  },
  async exportFile(message) {
    const contents = parse(core.engineFileContents(message.model || 0, message.what));
    const format = message.format || 'pt';
    let bytes;
    if (contents.tensors) {
      bytes = fromBase64(parse((await loadTools()).toolsWriteTensors(contents.tensors, 'nn-playground-data')).base64);
    } else if (format === 'json') {
      bytes = new TextEncoder().encode(contents.stateDict);
    } else {
      const name = message.what === 'initial' ? 'nn-playground-initial' : 'nn-playground-weights';
      bytes = fromBase64(parse((await loadTools()).toolsWriteStateDict(contents.stateDict, format, name)).base64);
    }
    post({ type: 'file', id: message.id, bytes }, [bytes.buffer]);
  },
  dataCsv(message) {
    post({ type: 'csv', id: message.id, csv: parse(core.engineDataCsv()).csv });
  },
  async readCsv(message) {
    const answer = parse((await loadTools(message.engine)).toolsReadCsv(message.text, message.maxRows || 5000));
    post({ type: 'dataset', id: message.id, ...answer });
  },
  async startFrom(message) {
    running = false;
    const { text } = await asEngineText(message.file);
    info = parse(core.engineStartFrom(text));
    planDone = false;
    stepCount = 0;
    resetPending();
    post({ type: 'ready', engine: engineName, info });
  },
  evaluate(message) {
    post({ type: 'evaluation', id: message.id, ...evaluation() });
  },
  state(message) {
    post({ type: 'state', id: message.id, state: parse(core.engineState(message.model || 0)) });
  },
  async descent(message) {
    const trace = parse((await loadTools(message.engine)).toolsDescent(message.variant, message.w0 ?? 1, message.lr,
      message.epochs, message.batchSize || 1, message.shuffleSeed ?? -1));
    post({ type: 'descent', id: message.id, trace });
  },
  async nets(message) {
    const answer = parse((await loadTools(message.engine)).toolsBuildingNets(message.nFeature, message.nHidden,
      message.nOutput, message.seed || 0));
    post({ type: 'nets', id: message.id, answer });
  },
  async probe(message) {
    const text = (await loadTools(message.engine)).toolsProbe(message.seed || 0);
    post({ type: 'probe', id: message.id, engine: toolsName, text });
  },
};

self.onmessage = async (event) => {
  const message = event.data || {};
  const handler = handlers[message.type];
  try {
    if (!handler) {
      throw new Error('unknown message type "' + message.type + '"');
    }
    if (!['preload', 'init', 'probe', 'descent', 'nets', 'readCsv'].includes(message.type) && !info) {
      throw new Error('send init with a configuration first');
    }
    await handler(message);
  } catch (error) {
    running = false;
    post({ type: 'error', id: message.id, message: error.message });
  }
};
