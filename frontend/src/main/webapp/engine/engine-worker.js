// The training engine's Web Worker. It loads the core compiled to WebAssembly (default) or JavaScript
// (fallback, or when asked for), holds one run, trains it in time slices so messages keep flowing,
// and reports progress about once per animation frame however fast training goes (training-loop.js); a pause
// reports every update made before it.
//
// In:  preload {engine, lanes, workers} (load the training engine now, and the helpers a race of that many lanes
//      will use; init waits for it), init {config, engine, workers} (a race's
//      lanes, or a large full-batch update's rows, over up to `workers` workers, default one per core; see
//      race-workers.js), run, pause,
//      step {n}, reset, reinit {seed}, set {param, value},
//      predict {id, points, model}, grid {id, bounds, resolution, model}, network {id, bounds, resolution, model}
//      (each unit's picture over the bounds, the weights and their last gradients), diagnostics {id, model}
//      (per layer: weight and gradient norms, the last update's size, dead units, histograms), export {id, model},
//      exportStateDict {id, model}, restore {id, model, file} (compare a saved file's predictions; file is
//      text or bytes: JSON, PyTorch .pt or .safetensors), exportFile {id, model, what, format} (bytes of
//      the weights, the initial weights or the data for PyTorch), startFrom {file} (train from these weights),
//      readCsv {id, text, maxRows, targets} (a dataset from CSV, regression on the last `targets` columns if given,
//      or the reader's message), dataCsv {id} (the run's data),
//      evaluate {id}, state {id, model}, probe {id, seed},
//      descent {id, variant, w0, lr, epochs, batchSize, shuffleSeed} (chapter 5's scalar descents),
//      nets {id, nFeature, nHidden, nOutput, seed} (chapter 3's two forms of one network),
//      Files, CSV, descent, nets and probe run in the toolkit build (nn-tools), loaded at its first use.
//      After the planned updates ("done"), run and step train on past them, open-ended, until reset.
//      A helper worker (this script, started by race-workers.js) is sent lanes {id, op, args, engine} instead.
// Out: ready {engine, workers, split ('lanes', 'rows' or null: how the run trains from its first update on), info},
//      progress {step, epoch, total, losses, rates?, running, metrics?, testMetrics?} (rates: each update's
//      learning rate per optimizer, with a schedule),
//      done {step, metrics, testMetrics} (testMetrics null without a test split),
//      error {message, step}, and a reply {type, id, ...} to each request that has an id.
'use strict';
// The engine version the page asked for (?v=hash, see nn-engine.js), carried to every file this worker loads.
const VERSION_QUERY = self.location.search;
// TeaVM's WebAssembly loader first: with it written in (see WorkerScripts), loading the engine starts at once.
importScripts('classes.wasm-runtime.js' + VERSION_QUERY, 'engine-load.js' + VERSION_QUERY,
  'lane-groups.js' + VERSION_QUERY, 'row-split.js' + VERSION_QUERY, 'race-workers.js' + VERSION_QUERY,
  'pacer.js' + VERSION_QUERY, 'training-loop.js' + VERSION_QUERY, 'file-bytes.js' + VERSION_QUERY);

let race = null;           // the run's lanes over one or more workers (see lane-groups.js)
let plan = null;           // the split over workers the run takes at its first update (see race-workers.js)
let changes = [];          // what changed the run before that split, made again on its workers: [op, ...args]
let info = null;

function post(message, transfer) {
  self.postMessage(message, transfer || []);
}

const parse = parseAnswer;

// One thing at a time touches the run: a message handler or one engine call of the training loop. With
// helper workers, the loop waits for their answers, and a message (pause, reset) may arrive meanwhile; it
// runs between two calls, never inside one.
let queue = Promise.resolve();
function exclusive(task) {
  const result = queue.then(task);
  queue = result.catch(() => {});
  return result;
}

const training = createTrainingLoop({
  race: () => race, info: () => info, post, exclusive, later, now: () => performance.now(),
  everyCoreTrains: () => race.groups.length >= (self.navigator.hardwareConcurrency || 1),
});

/** A weights file as the engine reads it: {text, format}, JSON as it is, .pt and .safetensors through the toolkit. */
async function asEngineText(data) {
  if (isJson(data) || (typeof data === 'string' ? data.length : data.byteLength) === 0) {
    return { text: typeof data === 'string' ? data : new TextDecoder().decode(bytesOf(data)), format: 'json' };
  }
  const answer = parse((await loadTools()).toolsReadStateDict(toBase64(data)));
  return { text: answer.stateDict, format: answer.format };
}

/** A new run (init, reinit, startFrom): nothing made, nothing pending, the page told it is ready. */
function ready(newInfo) {
  info = newInfo;
  training.restart();
  // Told as it will train: a split is taken at the first update.
  const workers = plan ? plan.workers : race.groups.length;
  const split = plan ? plan.kind : workers > 1 ? race.kind : null;
  post({ type: 'ready', engine: engineName, workers, split, info });
}

/** Before the run's first update: the split planned at init (its helpers loaded meanwhile). */
async function takePlannedSplit() {
  if (!plan) return;
  const planned = plan;
  plan = null;
  race = await takeSplit(planned, changes);
  changes = [];
}

/** A change to a run that has yet to take its split, to be made again on the split's workers. */
function remember(op, ...args) {
  if (plan) changes.push([op, ...args]);
}

const handlers = {
  /** Starts loading the training engine while the page draws itself; init waits for the same load. */
  async preload(message) {
    if (message.lanes > 1) startHelpersFor(message.lanes, message.workers, message.engine || 'auto');
    await loadCore(message.engine || 'auto').catch(() => {});
  },
  async init(message) {
    await training.stop();
    await loadCore(message.engine || 'auto');
    info = null;
    const started = startRace(message.config, message.workers);
    race = started.race;
    plan = started.plan;
    changes = [];
    ready(started.info);
  },
  async run() {
    if (!training.running) {
      await takePlannedSplit();
      await training.keepGoingIfPlanDone();
      training.start();
    }
  },
  async pause() {
    await training.pause();
  },
  async step(message) {
    await takePlannedSplit();
    await training.step(Math.max(1, message.n || 1));
  },
  async reset() {
    await training.stop();
    await race.all('engineReset');
    training.restart();
    training.reportReset();
  },
  async reinit(message) {
    await training.stop();
    const seed = message.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : message.seed;
    const answers = await race.all('engineReinit', seed);
    remember('engineReinit', seed);
    ready(answers[0]);
  },
  async set(message) {
    if (message.param === 'lr') {
      await race.all('engineSetLearningRate', Number(message.value));
      remember('engineSetLearningRate', Number(message.value));
    } else if (message.param === 'speed') {
      training.setSpeed(message.value);
    } else {
      throw new Error('cannot change "' + message.param + '" during a run (only lr and speed)');
    }
  },
  async predict(message) {
    const values = parse(await race.model(message.model || 0, 'enginePredict', JSON.stringify(message.points))).values;
    post({ type: 'prediction', id: message.id, values });
  },
  async grid(message) {
    const [x0, x1, y0, y1] = message.bounds;
    const model = message.model || 0;
    const resolution = message.resolution || 50;
    // The numbers come as a typed array: values, then (three or more classes) each cell's class.
    const numbers = await race.model(model, 'engineGridValues', x0, x1, y0, y1, resolution);
    if (!numbers) parse(await race.model(model, 'engineGrid', x0, x1, y0, y1, resolution)); // throws why
    const cells = info.features === 1 ? resolution : resolution * resolution;
    post({ type: 'grid', id: message.id, bounds: message.bounds, resolution,
      values: Array.from(numbers.subarray(0, cells), (v) => (Number.isFinite(v) ? v : null)),
      classes: numbers.length > cells ? Array.from(numbers.subarray(cells)) : undefined });
  },
  async network(message) {
    const [x0, x1, y0, y1] = message.bounds;
    const picture = parse(await race.model(message.model || 0, 'engineNetwork', x0, x1, y0, y1, message.resolution || 16));
    post({ type: 'network', id: message.id, ...picture });
  },
  async diagnostics(message) {
    // Asked for before the run's first update: the workers of its split watch their lanes' updates from the start.
    remember('engineWatchUpdates');
    post({ type: 'diagnostics', id: message.id, ...parse(await race.model(message.model || 0, 'engineDiagnostics')) });
  },
  async export(message) {
    const checkpoint = await race.model(message.model || 0, 'engineExport');
    parse(checkpoint);
    post({ type: 'export', id: message.id, checkpoint });
  },
  async exportStateDict(message) {
    const stateDict = await race.model(message.model || 0, 'engineExportStateDict');
    parse(stateDict);
    post({ type: 'stateDict', id: message.id, stateDict });
  },
  async restore(message) {
    const { text, format } = await asEngineText(message.file);
    const answer = parse(await race.model(message.model || 0, 'engineRestore', text, format));
    post({ type: 'restored', id: message.id, ...answer });
  },
  async exportFile(message) {
    const contents = parse(await race.model(message.model || 0, 'engineFileContents', message.what));
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
  async dataCsv(message) {
    post({ type: 'csv', id: message.id, csv: (await race.first('engineDataCsv')).csv });
  },
  async readCsv(message) {
    const answer = parse((await loadTools(message.engine)).toolsReadCsv(message.text, message.maxRows || 5000,
      message.targets || 0));
    post({ type: 'dataset', id: message.id, ...answer });
  },
  async startFrom(message) {
    await training.stop();
    const { text } = await asEngineText(message.file);
    const answers = await race.all('engineStartFrom', text);
    remember('engineStartFrom', text);
    ready(answers[0]);
  },
  async evaluate(message) {
    post({ type: 'evaluation', id: message.id, ...await training.evaluation() });
  },
  async state(message) {
    post({ type: 'state', id: message.id, state: parse(await race.model(message.model || 0, 'engineState')) });
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
  /** In a helper worker: one engine call on the lanes it trains, answered as the engine's text. */
  async lanes(message) {
    await loadCore(message.engine);
    if (!/^engine[A-Z]/.test(message.op) || typeof core[message.op] !== 'function') {
      throw new Error('no engine call "' + message.op + '"');
    }
    post({ type: 'lanes', id: message.id, text: core[message.op](...message.args) });
  },
};

const WITHOUT_RUN = ['preload', 'init', 'probe', 'descent', 'nets', 'readCsv', 'lanes'];

self.onmessage = (event) => {
  const message = event.data || {};
  const handler = handlers[message.type];
  return exclusive(async () => {
    if (!handler) {
      throw new Error('unknown message type "' + message.type + '"');
    }
    if (!WITHOUT_RUN.includes(message.type) && !info) {
      throw new Error('send init with a configuration first');
    }
    await handler(message);
  }).catch((error) => {
    if (message.type !== 'lanes') training.halt();
    post({ type: 'error', id: message.id, message: error.message, code: error.code, params: error.params });
  });
};
