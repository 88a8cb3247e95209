// One codec for every page's link: settings in the URL hash (schema v=1) as short readable text, each key
// read and checked by its field's type, unknown or invalid values left at their defaults with a notice.
// A page brings its fields ({key: {type, ...limits}}) and defaults; the training pages (state.js) and the
// descent chapter (descent.js) share it.
import { parseHyper, writeHyper } from './hyperparameters.js';
import { t } from './i18n.js';

export const SCHEMA_VERSION = 1;
/** Points a link may carry; a larger dataset of your own does not travel in the URL. */
export const MAX_URL_POINTS = 500;
/** Keys a link may carry that are not settings: the embedding options (see embed-bridge.js), a saved model, the language. */
const NOT_SETTINGS = ['v', 'embed', 'hide', 'show', 'controls', 'autoplay', 'model', 'lang'];

/** A field's value from its text, or undefined when the text is not a valid value. */
export function readField(spec, raw) {
  switch (spec.type) {
    case 'choice':
      return spec.choices.includes(raw) ? raw : undefined;
    case 'notch':
      return spec.choices.includes(Number(raw)) && raw !== '' ? Number(raw) : undefined;
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
      return lanes.length >= 1 && lanes.every((l) => spec.choices.includes(l)) && new Set(lanes).size === lanes.length ? lanes : undefined;
    }
    case 'activations': {
      // One activation for every hidden layer, or one per layer: "ReLU-Tanh".
      const names = raw.split('-');
      return names.length <= 8 && names.every((n) => spec.choices.includes(n)) ? raw : undefined;
    }
    case 'probabilities': {
      // One dropout probability for every hidden layer, or one per layer: "0.2-0"; each from 0 up to but not 1.
      const values = raw.split('-');
      return values.length <= 8 && values.every((v) => v !== '' && Number(v) >= 0 && Number(v) < 1) ? raw : undefined;
    }
    case 'points': {
      // URLSearchParams leaves "_", "*", "." and "-" as they are, which keeps the link short.
      if (raw === '') return [];
      // Inputs then targets: x_y, x1_x2_class, or wider rows of your own (the core checks the classes).
      const rows = raw.split('*').map((row) => row.split('_').map(Number));
      const width = rows[0].length;
      const ok = rows.length <= MAX_URL_POINTS && width >= 2 && width <= 32
        && rows.every((r) => r.length === width && r.every(Number.isFinite));
      return ok ? rows : undefined;
    }
    case 'features': {
      const names = raw.split(',');
      return names.length >= 1 && names.every((n) => spec.choices.includes(n)) && new Set(names).size === names.length
        ? spec.choices.filter((n) => names.includes(n)) : undefined;
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

/** A field's value as its text in the link. */
export function writeField(spec, value) {
  if (spec.type === 'hyper') return writeHyper(value);
  if (spec.type === 'points') return value.length > MAX_URL_POINTS ? '' : value.map((row) => row.join('_')).join('*');
  if (spec.type === 'names' || spec.type === 'features' || spec.type === 'lanes') return value.join(',');
  return spec.type === 'layers' ? value.join('-') : String(value);
}

/** Reads a hash over the defaults: {state, notices, params}. */
export function decodeLink(hash, specs, defaults) {
  const state = structuredClone(defaults);
  const notices = [];
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('v') && params.get('v') !== String(SCHEMA_VERSION)) {
    notices.push(t('link.version', { version: params.get('v'), current: SCHEMA_VERSION }));
  }
  for (const [key, raw] of params) {
    if (NOT_SETTINGS.includes(key)) continue;
    const spec = specs[key];
    if (!spec) {
      notices.push(t('link.unknown', { key }));
      continue;
    }
    const value = readField(spec, raw);
    if (value === undefined) {
      notices.push(t('link.invalid', { raw, key, fallback: writeField(spec, state[key]) }));
    } else {
      state[key] = value;
    }
  }
  return { state, notices, params };
}

/** The hash for a state: only what differs from the defaults (and what the page has), plus the version. */
export function encodeLink(state, specs, defaults) {
  const params = new URLSearchParams({ v: String(SCHEMA_VERSION) });
  for (const [key, spec] of Object.entries(specs)) {
    if (state[key] === undefined || defaults[key] === undefined) continue; // a setting this page does not have
    const value = writeField(spec, state[key]);
    if (value !== writeField(spec, defaults[key])) params.set(key, value);
  }
  return '#' + params.toString();
}
