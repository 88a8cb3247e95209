import { optimizerEntries, parseHyper, writeHyper } from './hyperparameters.js';

// Every setting of a training page lives in one plain state object with defaults, and one table drives
// its encoding in the URL hash (schema v=1), so a copied link reopens the same run. Unknown or invalid
// values fall back to their defaults and are reported as notices, never an error.

const SCHEMA_VERSION = 1;

const DATASETS = ['parabola', 'parabola-gaussian', 'sine', 'line', 'clusters', 'circle', 'xor', 'spiral', 'moons', 'custom'];
/** Points a link may carry; a larger dataset of your own does not travel in the URL. */
export const MAX_URL_POINTS = 500;
const ACTIVATIONS = ['ReLU', 'LeakyReLU', 'Tanh', 'Sigmoid', 'ELU', 'GELU', 'Softplus', 'Identity'];
const OPTIMIZERS = ['SGD', 'Adagrad', 'RMSprop', 'Adam', 'AdamW'];

// key in the hash -> how to read and check it
const FIELDS = {
  dataset: { type: 'choice', choices: DATASETS },
  n: { type: 'int', min: 2, max: 5000 },
  noise: { type: 'number', min: 0, max: 5 },
  dataSeed: { type: 'int', min: 0, max: 2147483647 },
  layers: { type: 'layers' },
  activation: { type: 'activations' },
  loss: { type: 'choice', choices: ['auto', 'MSELoss', 'CrossEntropyLoss', 'BCEWithLogitsLoss'] },
  optimizer: { type: 'choice', choices: OPTIMIZERS },
  lr: { type: 'number', min: 1e-6, max: 100 },
  momentum: { type: 'number', min: 0, max: 0.999 },
  hp: { type: 'hyper' },
  lanes: { type: 'lanes' },
  laneSGD: { type: 'hyper' },
  laneMomentum: { type: 'hyper' },
  laneRMSprop: { type: 'hyper' },
  laneAdam: { type: 'hyper' },
  laneAdagrad: { type: 'hyper' },
  laneAdamW: { type: 'hyper' },
  batch: { type: 'int', min: 0, max: 5000 },
  steps: { type: 'int', min: 1, max: 100000 },
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
};

const CHAPTER_DEFAULTS = {
  regression: {
    dataset: 'parabola', n: 100, noise: 0.2, dataSeed: 1, layers: [10], activation: 'ReLU', loss: 'auto',
    optimizer: 'SGD', lr: 0.2, momentum: 0, batch: 0, steps: 200, initSeed: 1, shuffleSeed: 1, engine: 'auto', hp: {},
  },
  classification: {
    dataset: 'clusters', n: 200, noise: 1, dataSeed: 1, layers: [10], activation: 'ReLU', loss: 'auto',
    optimizer: 'SGD', lr: 0.02, momentum: 0, batch: 0, steps: 100, initSeed: 1, shuffleSeed: 1, engine: 'auto', hp: {},
  },
  saveload: {
    dataset: 'parabola', n: 100, noise: 0.2, dataSeed: 1, layers: [10], activation: 'ReLU', loss: 'auto',
    optimizer: 'SGD', lr: 0.5, momentum: 0, batch: 0, steps: 100, initSeed: 1, shuffleSeed: 1, engine: 'auto', hp: {},
  },
  race: {
    dataset: 'parabola-gaussian', n: 1000, noise: 0.1, dataSeed: 1, layers: [20], activation: 'ReLU', loss: 'auto',
    optimizer: 'SGD', lr: 0.01, momentum: 0.8, batch: 32, steps: 384, initSeed: 1, shuffleSeed: 1, engine: 'auto', hp: {},
    lanes: ['SGD', 'Momentum', 'RMSprop', 'Adam'],
    laneSGD: {}, laneMomentum: { momentum: 0.8 }, laneRMSprop: { alpha: 0.9 }, laneAdam: { beta2: 0.99 },
    laneAdagrad: {}, laneAdamW: {},
  },
  playground: {
    dataset: 'spiral', n: 300, noise: 0.05, dataSeed: 1, layers: [16, 16], activation: 'Tanh', loss: 'auto',
    optimizer: 'Adam', lr: 0.02, momentum: 0, batch: 32, steps: 3000, initSeed: 1, shuffleSeed: 1, engine: 'auto', hp: {},
    test: 0, standardize: 0, data: [], classes: [], columns: [], dataId: '',
  },
};

function readField(spec, raw) {
  switch (spec.type) {
    case 'choice':
      return spec.choices.includes(raw) ? raw : undefined;
    case 'int': {
      const v = Number(raw);
      return Number.isInteger(v) && v >= spec.min && v <= spec.max ? v : undefined;
    }
    case 'number': {
      const v = Number(raw);
      return raw !== '' && Number.isFinite(v) && v >= spec.min && v <= spec.max ? v : undefined;
    }
    case 'hyper':
      return parseHyper(raw);
    case 'lanes': {
      const lanes = raw.split(',');
      return lanes.length >= 1 && lanes.every((l) => l in LANES) && new Set(lanes).size === lanes.length ? lanes : undefined;
    }
    case 'activations': {
      // One activation for every hidden layer, or one per layer: "ReLU-Tanh".
      const names = raw.split('-');
      return names.length <= 8 && names.every((n) => ACTIVATIONS.includes(n)) ? raw : undefined;
    }
    case 'points': {
      // URLSearchParams leaves "_", "*", "." and "-" as they are, which keeps the link short.
      if (raw === '') return [];
      const rows = raw.split('*').map((row) => row.split('_').map(Number));
      const width = rows[0].length;
      const ok = rows.length <= MAX_URL_POINTS && (width === 2 || width === 3)
        && rows.every((r) => r.length === width && r.every(Number.isFinite) && (width === 2 || Number.isInteger(r[2]) && r[2] >= 0 && r[2] < 10));
      return ok ? rows : undefined;
    }
    case 'id':
      return /^[0-9a-f-]{36}$/.test(raw) ? raw : undefined;
    case 'names': {
      if (raw === '') return [];
      const names = raw.split(',');
      return names.length <= 10 && new Set(names).size === names.length ? names : undefined;
    }
    case 'layers': {
      if (raw === '') return [];
      const units = raw.split('-').map(Number);
      return units.length <= 8 && units.every((u) => Number.isInteger(u) && u >= 1 && u <= 256) ? units : undefined;
    }
    default:
      return undefined;
  }
}

function writeField(spec, value) {
  if (spec.type === 'hyper') return writeHyper(value);
  if (spec.type === 'points') return value.length > MAX_URL_POINTS ? '' : value.map((row) => row.join('_')).join('*');
  if (spec.type === 'names') return value.join(',');
  if (spec.type === 'lanes') return value.join(',');
  return spec.type === 'layers' ? value.join('-') : String(value);
}

/** Reads the hash over the chapter's defaults; returns {state, notices}. */
export function decode(hash, chapter) {
  const state = structuredClone(CHAPTER_DEFAULTS[chapter]);
  const notices = [];
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('v') && params.get('v') !== String(SCHEMA_VERSION)) {
    notices.push(`This link uses settings version ${params.get('v')}; it was read as version ${SCHEMA_VERSION}.`);
  }
  for (const [key, raw] of params) {
    if (key === 'v' || key === 'embed' || key === 'hide' || key === 'model') continue;
    const spec = FIELDS[key];
    if (!spec) {
      notices.push(`Unknown setting "${key}" was ignored.`);
      continue;
    }
    const value = readField(spec, raw);
    if (value === undefined) {
      notices.push(`"${raw}" is not a valid ${key}; the default ${writeField(spec, state[key])} is used.`);
    } else {
      state[key] = value;
    }
  }
  if (state.dataset === 'custom' && !(state.data?.length >= 2)) {
    // A stored dataset is fetched by the page (see own-data.js); meanwhile the default one stands in.
    if (!state.dataId) notices.push(`This link names a dataset of your own but does not carry its points (links carry up to ${MAX_URL_POINTS}); `
      + `the ${CHAPTER_DEFAULTS[chapter].dataset} dataset is used instead.`);
    state.dataset = CHAPTER_DEFAULTS[chapter].dataset;
  }
  return { state, notices, embed: params.get('embed') === '1', hidden: (params.get('hide') || '').split(',').filter(Boolean) };
}

/** The hash for a state: only what differs from the chapter's defaults, plus the version. */
export function encode(state, chapter) {
  const defaults = CHAPTER_DEFAULTS[chapter];
  const params = new URLSearchParams({ v: String(SCHEMA_VERSION) });
  for (const [key, spec] of Object.entries(FIELDS)) {
    if (state[key] === undefined || defaults[key] === undefined) continue; // a setting this page does not have
    const value = writeField(spec, state[key]);
    if (value !== writeField(spec, defaults[key])) params.set(key, value);
  }
  return '#' + params.toString();
}

export function isClassification(dataset, state) {
  if (dataset === 'custom') return Boolean(state && state.data.length && state.data[0].length === 3);
  return ['clusters', 'circle', 'xor', 'spiral', 'moons'].includes(dataset);
}

/** The engine's dataset for a state: a built-in one by name, or your own points. */
function datasetConfig(state) {
  if (state.dataset !== 'custom') return { name: state.dataset, n: state.n, noise: state.noise, seed: state.dataSeed };
  const classification = isClassification('custom', state);
  const inputs = state.data.flatMap((row) => row.slice(0, row.length - 1));
  const targets = state.data.map((row) => row[row.length - 1]);
  const width = classification ? 3 : 2;
  const columns = state.columns?.length === width ? { columns: state.columns } : {};
  if (!classification) return { name: 'custom', inputs, targets, ...columns };
  const used = Math.max(1, ...targets) + 1;
  const classes = state.classes.length >= used ? state.classes : Array.from({ length: Math.max(2, used) }, (_, k) => String(k));
  return { name: 'custom', inputs, targets, classes: classes.length >= 2 ? classes : ['0', '1'], ...columns };
}

/** The race's lanes: label -> the optimizer it runs. Each lane's settings live in lane<Label>. */
export const LANES = { SGD: 'SGD', Momentum: 'SGD', RMSprop: 'RMSprop', Adam: 'Adam', Adagrad: 'Adagrad', AdamW: 'AdamW' };

/** The course's race: each lane its own optimizer and settings, all from the same weights on the same batches. */
function raceOptimizers(state) {
  return state.lanes.map((label) => ({ name: LANES[label], label, lr: state.lr,
    ...optimizerEntries(LANES[label], state[`lane${label}`] || {}) }));
}

/** The activation of hidden layer i: the i-th of a dash-separated list, the last one repeating. */
function activationOf(list, i) {
  const names = list.split('-');
  return names[Math.min(i, names.length - 1)];
}

/** The chosen loss if it fits the dataset, else the dataset's natural one. */
function lossFor(state) {
  const classification = isClassification(state.dataset, state);
  const fits = classification ? ['CrossEntropyLoss', 'BCEWithLogitsLoss'] : ['MSELoss'];
  return fits.includes(state.loss) ? state.loss : fits[0];
}

/** The engine's run configuration for a state. */
export function toConfig(state, chapter) {
  const optimizer = { name: state.optimizer, lr: state.lr, ...optimizerEntries(state.optimizer, state.hp || {}) };
  if (state.optimizer === 'SGD' && state.momentum > 0) optimizer.momentum = state.momentum;
  return {
    dataset: datasetConfig(state),
    layers: state.layers.map((units, i) => ({ units, activation: activationOf(state.activation, i) })),
    loss: lossFor(state),
    optimizers: chapter === 'race' ? raceOptimizers(state) : [optimizer],
    batchSize: state.batch,
    steps: state.steps,
    initSeed: state.initSeed,
    shuffleSeed: state.shuffleSeed,
    // The split is drawn with the data's seed, so a link fixes it too.
    ...(state.test > 0 ? { testFraction: state.test, splitSeed: state.dataSeed } : {}),
    ...(state.standardize ? { standardize: true } : {}),
  };
}

export const CHOICES = { DATASETS, ACTIVATIONS, OPTIMIZERS };
