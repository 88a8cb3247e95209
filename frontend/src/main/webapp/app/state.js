import { hyperFromKwargs, keywordEntries } from './hyperparameters.js';
import { t } from './i18n.js';
import { decodeLink, encodeLink, MAX_URL_POINTS } from './link-codec.js';
import { SPEEDS, watchableSpeed } from './speed.js';

// Every setting of a training page lives in one plain state object with defaults, and one table of fields
// drives its encoding in the URL hash (link-codec.js, schema v=1), so a copied link reopens the same run. Unknown or invalid
// values fall back to their defaults and are reported as notices, never an error. What a setting may name
// (datasets, activations, losses, optimizers) and each chapter's defaults come from the core's catalog
// (the engine's catalog call), passed in as `catalog`.

export { MAX_URL_POINTS };

// The catalog's preset behind each page, where the names differ.
const PRESET_OF = { saveload: 'save-load', race: 'optimizer-race' };

/** What a page's settings may name: the catalog's names, plus "custom" (your own points) and "auto" (the loss). */
export function choices(catalog) {
  const names = (list) => list.map((entry) => entry.name);
  return {
    datasets: [...names(catalog.datasets), 'custom'],
    activations: names(catalog.activations),
    norms: ['none', ...names(catalog.norms || [])],
    losses: ['auto', ...names(catalog.losses)],
    optimizers: names(catalog.optimizers),
    schedulers: ['none', ...names(catalog.schedulers || [])],
  };
}

/** An optimizer's options in the catalog (name, kind, default), none for an unknown name. */
export function optimizerOptions(catalog, name) {
  return catalog.optimizers.find((o) => o.name === name)?.options || [];
}

/**
 * The options of the normalisations a state's layers use (eps, momentum), each once: one form sets them for every
 * layer with that normalisation.
 */
export function normOptions(catalog, normText) {
  const used = new Set((normText || 'none').split('-'));
  const options = new Map();
  for (const norm of catalog.norms || []) {
    if (used.has(norm.name)) for (const option of norm.options) if (!options.has(option.name)) options.set(option.name, option);
  }
  return [...options.values()];
}

/** A scheduler's options in the catalog (step_size, gamma, ...), none for an unknown name or "none". */
export function schedulerOptions(catalog, name) {
  return (catalog.schedulers || []).find((o) => o.name === name)?.options || [];
}

/**
 * A newly chosen scheduler's settings: values for what PyTorch requires (it has no default for them), made
 * from the run: a step every third of the epochs, one cosine over them all, a 1cycle over all the updates
 * up to ten times the learning rate.
 */
export function schedulerStart(name, state) {
  const epochs = Math.max(1, Math.ceil(state.steps / Math.max(1, Math.ceil(state.n / (state.batch || state.n)))));
  const third = Math.max(1, Math.round(epochs / 3));
  switch (name) {
    case 'StepLR': return { step_size: third };
    case 'MultiStepLR': return { milestones: [third, 2 * third] };
    case 'ExponentialLR': return { gamma: 0.95 };
    case 'CosineAnnealingLR': return { T_max: epochs };
    case 'OneCycleLR': return { max_lr: Number((10 * state.lr).toPrecision(3)), total_steps: state.steps };
    default: return {};
  }
}

/** A loss's options in the catalog (reduction, beta, weight, ...), none for an unknown name. */
export function lossOptions(catalog, name) {
  return catalog.losses.find((o) => o.name === name)?.options || [];
}

/**
 * The race's lanes: label -> the optimizer it runs, the course's lanes first (Momentum is SGD with
 * momentum), then every other optimizer. Each lane's settings live in lane<Label>.
 */
export function lanes(catalog) {
  const out = {};
  for (const o of catalog.chapters[PRESET_OF.race].optimizers) out[o.label] = o.name;
  for (const { name } of catalog.optimizers) if (!(name in out)) out[name] = name;
  return out;
}

// key in the hash -> how to read and check it
function fields(catalog) {
  const named = choices(catalog);
  const out = {
    dataset: { type: 'choice', choices: named.datasets },
    n: { type: 'int', min: 2, max: 5000 },
    noise: { type: 'number', min: 0, max: 5 },
    dataSeed: { type: 'int', min: 0, max: 2147483647 },
    layers: { type: 'layers' },
    activation: { type: 'activations', choices: named.activations },
    // Per hidden layer (the playground), dash-separated as activations: "BatchNorm1d-none", dropout "0.2-0".
    norm: { type: 'activations', choices: named.norms },
    normHp: { type: 'hyper' },
    dropout: { type: 'probabilities' },
    loss: { type: 'choice', choices: named.losses },
    // The loss's keyword arguments (the playground): "reduction:sum,delta:0.5", "weight:1_2.5".
    lossHp: { type: 'hyper' },
    // The learning-rate scheduler and its keyword arguments (the playground): "sched=StepLR&schedHp=step_size:10".
    sched: { type: 'choice', choices: named.schedulers },
    schedHp: { type: 'hyper' },
    optimizer: { type: 'choice', choices: named.optimizers },
    lr: { type: 'number', min: 1e-6, max: 100 },
    momentum: { type: 'number', min: 0, max: 0.999 },
    hp: { type: 'hyper' },
    lanes: { type: 'lanes', choices: Object.keys(lanes(catalog)) },
  };
  for (const label of Object.keys(lanes(catalog))) out[`lane${label}`] = { type: 'hyper' };
  return Object.assign(out, {
    batch: { type: 'int', min: 0, max: 5000 },
    steps: { type: 'int', min: 1, max: 100000 },
    speed: { type: 'notch', choices: SPEEDS },
    // Regularization (the playground): L1 adds rate·Σ|w| to the loss, L2 is the optimizers' weight decay.
    reg: { type: 'choice', choices: ['none', 'L1', 'L2'] },
    regRate: { type: 'number', min: 0, max: 10 },
    // What the first layer sees, made from x1 and x2 (the playground): "x1,x2,x1^2".
    inputFeatures: { type: 'features', choices: catalog.inputFeatures },
    // The loader and clipping (the playground): shuffle and drop_last as 1/0, clipping 0 for none.
    shuffle: { type: 'int', min: 0, max: 1 },
    dropLast: { type: 'int', min: 0, max: 1 },
    clipNorm: { type: 'number', min: 0, max: 1e6 },
    clipValue: { type: 'number', min: 0, max: 1e6 },
    initSeed: { type: 'int', min: 0, max: 2147483647 },
    shuffleSeed: { type: 'int', min: 0, max: 2147483647 },
    engine: { type: 'choice', choices: ['auto', 'wasm', 'js'] },
    // Your own points (the playground): rows "x_y" or "x1_x2_class" joined by "*", and the class names.
    test: { type: 'number', min: 0, max: 0.9 },
    standardize: { type: 'int', min: 0, max: 1 },
    data: { type: 'points' },
    classes: { type: 'names' },
    columns: { type: 'names' },
    // A dataset of your own too large for the link, stored on the server that served the page.
    dataId: { type: 'id' },
    // How many of your own data's last columns a regression predicts (the rest are inputs).
    outputs: { type: 'int', min: 1, max: 31 },
  });
}

/** The updates a preset makes: its steps, or its epochs of ceil(n / batch) batches each. */
function stepsOf(preset) {
  if (preset.steps) return preset.steps;
  const batches = preset.batchSize > 0 ? Math.ceil(preset.dataset.n / preset.batchSize) : 1;
  return preset.epochs * batches;
}

/** "ReLU" when every hidden layer has it, else one per layer: "ReLU-Tanh". */
function activationText(layers) {
  const names = layers.map((l) => l.activation);
  return names.every((name) => name === names[0]) ? names[0] : names.join('-');
}

/** A page's default state: its chapter's preset from the catalog, in the page's terms. */
export function chapterDefaults(catalog, chapter) {
  const preset = catalog.chapters[PRESET_OF[chapter] || chapter];
  const [first] = preset.optimizers;
  const state = {
    dataset: preset.dataset.name, n: preset.dataset.n, noise: preset.dataset.noise, dataSeed: preset.dataset.seed,
    layers: preset.layers.map((l) => l.units), activation: activationText(preset.layers),
    loss: 'auto', lossHp: {}, sched: 'none', schedHp: {}, optimizer: first.name, lr: first.lr, momentum: 0,
    hp: hyperFromKwargs(optimizerOptions(catalog, first.name), first),
    batch: preset.batchSize, steps: stepsOf(preset), initSeed: preset.initSeed, shuffleSeed: preset.shuffleSeed,
    engine: 'auto',
  };
  state.speed = watchableSpeed(state.steps);
  if (chapter === 'race') {
    state.lanes = preset.optimizers.map((o) => o.label);
    for (const [label, name] of Object.entries(lanes(catalog))) {
      const given = preset.optimizers.find((o) => o.label === label) || {};
      state[`lane${label}`] = hyperFromKwargs(optimizerOptions(catalog, name), given);
    }
  }
  if (chapter === 'playground') {
    Object.assign(state, { test: 0, standardize: 0, data: [], classes: [], columns: [], dataId: '', reg: 'none', regRate: 0.001,
      shuffle: 1, dropLast: 0, clipNorm: 0, clipValue: 0, norm: 'none', normHp: {}, dropout: '0',
      inputFeatures: ['x1', 'x2'], outputs: 1 });
  }
  return state;
}

/** Reads the hash over the chapter's defaults; returns {state, notices}. */
export function decode(hash, chapter, catalog) {
  const defaults = chapterDefaults(catalog, chapter);
  const { state, notices, params } = decodeLink(hash, fields(catalog), defaults);
  if (state.dataset === 'custom' && state.data?.[0]?.length === 3 && !state.classes.length && !params.has('outputs')) {
    // A link from before wider data: three columns were x1, x2 and a class (now a regression says its outputs).
    const used = Math.max(1, ...state.data.map((row) => row[2])) + 1;
    state.classes = Array.from({ length: used }, (_, k) => String(k));
  }
  if (state.dataset === 'custom' && !(state.data?.length >= 2)) {
    // A stored dataset is fetched by the page (see own-data.js); meanwhile the default one stands in.
    if (!state.dataId) notices.push(t('link.noPoints', { limit: MAX_URL_POINTS, dataset: defaults.dataset }));
    state.dataset = defaults.dataset;
  }
  return { state, notices };
}

/** The hash for a state: only what differs from the chapter's defaults, plus the version. */
export function encode(state, chapter, catalog) {
  const hash = encodeLink(state, fields(catalog), chapterDefaults(catalog, chapter));
  // A regression on two inputs names its outputs even at 1, so the link is not read as three columns with a class.
  const wide = state.dataset === 'custom' && state.data?.[0]?.length >= 3 && !isClassification(state, catalog);
  return wide && !/[#&]outputs=/.test(hash) ? `${hash}&outputs=${state.outputs || 1}` : hash;
}

/** Whether the state's data has classes: the catalog's task of a built-in dataset, or points with class names. */
export function isClassification(state, catalog) {
  if (state.dataset === 'custom') return state.classes?.length >= 2;
  return catalog.datasets.find((d) => d.name === state.dataset)?.task === 'classification';
}

/** The engine's dataset for a state: a built-in one by name, or your own points. */
function datasetConfig(state, catalog) {
  if (state.dataset !== 'custom') return { name: state.dataset, n: state.n, noise: state.noise, seed: state.dataSeed };
  const classification = isClassification(state, catalog);
  const width = state.data[0].length;
  const outputs = classification ? 1 : Math.min(state.outputs || 1, width - 1);
  const features = width - outputs;
  const inputs = state.data.flatMap((row) => row.slice(0, features));
  const targets = state.data.flatMap((row) => row.slice(features));
  const columns = state.columns?.length === width ? { columns: state.columns } : {};
  // Beyond x, y and x1, x2, label the engine is told the shape.
  const shape = { ...(features !== (classification ? 2 : 1) ? { features } : {}), ...(outputs !== 1 ? { outputs } : {}) };
  if (!classification) return { name: 'custom', inputs, targets, ...shape, ...columns };
  const used = Math.max(1, ...targets) + 1;
  const classes = state.classes.length >= used ? state.classes : Array.from({ length: Math.max(2, used) }, (_, k) => String(k));
  return { name: 'custom', inputs, targets, classes: classes.length >= 2 ? classes : ['0', '1'], ...shape, ...columns };
}

/** The course's race: each lane its own optimizer and settings, all from the same weights on the same batches. */
function raceOptimizers(state, catalog) {
  const runs = lanes(catalog);
  return state.lanes.map((label) => ({ name: runs[label], label, lr: state.lr,
    ...keywordEntries(optimizerOptions(catalog, runs[label]), state[`lane${label}`] || {}) }));
}

/** The activation (or normalisation, or dropout) of hidden layer i: the i-th of a dash-separated list, the last one repeating. */
function activationOf(list, i) {
  const names = list.split('-');
  return names[Math.min(i, names.length - 1)];
}

/** Hidden layer i: its width and activation, and where the page has them its normalisation and dropout. */
function layerConfig(state, catalog, units, i) {
  const layer = { units, activation: activationOf(state.activation, i) };
  const norm = state.norm ? activationOf(state.norm, i) : 'none';
  if (norm !== 'none') {
    const kwargs = keywordEntries((catalog.norms || []).find((n) => n.name === norm)?.options || [], state.normHp || {});
    layer.norm = Object.keys(kwargs).length ? { name: norm, ...kwargs } : norm;
  }
  const dropout = state.dropout ? Number(activationOf(state.dropout, i)) : 0;
  if (dropout > 0) layer.dropout = dropout;
  return layer;
}

/** The chosen loss if it fits the dataset's task, else the first loss of that task (its natural one). */
export function lossFor(state, catalog) {
  const task = isClassification(state, catalog) ? 'classification' : 'regression';
  const fits = catalog.losses.filter((loss) => loss.task === task).map((loss) => loss.name);
  return fits.includes(state.loss) ? state.loss : fits[0];
}

/** The loss for the engine: its name, or {name, ...keyword arguments} when some differ from PyTorch's defaults. */
function lossConfig(state, catalog) {
  const name = lossFor(state, catalog);
  const kwargs = keywordEntries(lossOptions(catalog, name), state.lossHp || {});
  return Object.keys(kwargs).length ? { name, ...kwargs } : name;
}

/** The input features for a dataset of two inputs, when they are more than x1 and x2 as they are. */
function inputFeatures(state, catalog) {
  const chosen = state.inputFeatures;
  if (!chosen || !isClassification(state, catalog) || chosen.join() === 'x1,x2') return {};
  return { inputFeatures: chosen };
}

/** The engine's run configuration for a state. */
export function toConfig(state, chapter, catalog) {
  const optimizer = { name: state.optimizer, lr: state.lr,
    ...keywordEntries(optimizerOptions(catalog, state.optimizer), state.hp || {}) };
  if (state.optimizer === 'SGD' && state.momentum > 0) optimizer.momentum = state.momentum;
  const optimizers = chapter === 'race' ? raceOptimizers(state, catalog) : [optimizer];
  const regularized = state.reg && state.reg !== 'none' && state.regRate > 0;
  if (regularized && state.reg === 'L2') optimizers.forEach((o) => { o.weight_decay = state.regRate; });
  return {
    dataset: datasetConfig(state, catalog),
    layers: state.layers.map((units, i) => layerConfig(state, catalog, units, i)),
    loss: lossConfig(state, catalog),
    ...(state.sched && state.sched !== 'none' ? { scheduler: { name: state.sched,
      ...keywordEntries(schedulerOptions(catalog, state.sched), state.schedHp || {}) } } : {}),
    optimizers,
    batchSize: state.batch,
    steps: state.steps,
    initSeed: state.initSeed,
    shuffleSeed: state.shuffleSeed,
    // The split is drawn with the data's seed, so a link fixes it too.
    ...(state.test > 0 ? { testFraction: state.test, splitSeed: state.dataSeed } : {}),
    ...(state.standardize ? { standardize: true } : {}),
    ...(regularized && state.reg === 'L1' ? { l1: state.regRate } : {}),
    ...(inputFeatures(state, catalog)),
    ...(state.shuffle === 0 ? { shuffle: false } : {}),
    ...(state.dropLast ? { dropLast: true } : {}),
    ...(state.clipNorm > 0 ? { clipGradNorm: state.clipNorm } : {}),
    ...(state.clipValue > 0 ? { clipGradValue: state.clipValue } : {}),
  };
}

