// The keyword arguments of an optimizer beyond the learning rate, or of a loss, as the pages show and edit them.
// The names, kinds and PyTorch's defaults come from the core's catalog (an entry's options). In a page's state
// and its link a value is a number (flags 0/1, a pair such as betas two numbers beta1 and beta2), one of the
// option's words (a loss's reduction) or a list of numbers (a class weight), which keeps links short and
// readable: "hp=beta2:0.99", "lossHp=reduction:sum,weight:1_2.5".
import { t } from './i18n.js';

/** The page's keys for an option: its name, or for a pair "betas" the two keys beta1 and beta2. */
function keysOf(option) {
  if (option.kind !== 'pair') return [option.name];
  const stem = option.name.replace(/s$/, '');
  return [`${stem}1`, `${stem}2`];
}

function defaultsOf(option) {
  if (option.kind === 'pair') return option.default;
  if (option.kind === 'flag') return [option.default ? 1 : 0];
  return [option.default];
}

/** A value as the option's kind holds it: a list option takes a lone number as a list of one. */
function asKind(option, value) {
  if (option.kind === 'numbers' && typeof value === 'number') return [value];
  return value;
}

function same(a, b) {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

/** Every editable option with PyTorch's default: {momentum: 0, nesterov: 0, ...}; a list's default is []. */
export function hyperDefaults(options) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr') continue; // the page's own control
    const defaults = defaultsOf(option);
    keysOf(option).forEach((key, i) => { out[key] = defaults[i]; });
  }
  return out;
}

/** A page's values from PyTorch keyword arguments, keeping those that differ from the defaults. */
export function hyperFromKwargs(options, kwargs) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr' || !(option.name in kwargs)) continue;
    const given = kwargs[option.name];
    const values = option.kind === 'pair' ? given : [option.kind === 'flag' ? (given ? 1 : 0) : given];
    const defaults = defaultsOf(option);
    keysOf(option).forEach((key, i) => { if (!same(values[i], defaults[i])) out[key] = values[i]; });
  }
  return out;
}

/** "alpha:0.9,reduction:sum,weight:1_2.5" -> {alpha: 0.9, reduction: 'sum', weight: [1, 2.5]}; undefined if malformed. */
export function parseHyper(text) {
  if (text === '') return {};
  const out = {};
  for (const part of text.split(',')) {
    const [key, raw] = part.split(':');
    if (!/^[A-Za-z_0-9]+$/.test(key || '') || raw === undefined || raw === '') return undefined; // T_max
    if (/^[a-z]+$/.test(raw)) {
      out[key] = raw;
      continue;
    }
    const numbers = raw.split('_').map(Number);
    if (!numbers.every(Number.isFinite) || raw.split('_').includes('')) return undefined;
    out[key] = raw.includes('_') ? numbers : numbers[0];
  }
  return out;
}

export function writeHyper(hyper) {
  return Object.entries(hyper).map(([k, v]) => `${k}:${Array.isArray(v) ? v.join('_') : v}`).join(',');
}

/**
 * The keyword arguments for the engine: the page's values that differ from PyTorch's defaults, flags as
 * booleans, pairs as pairs and lists as lists; keys the entry does not have are left out.
 */
export function keywordEntries(options, hyper) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr') continue;
    const keys = keysOf(option);
    const defaults = defaultsOf(option);
    const values = keys.map((key, i) => (key in hyper ? asKind(option, hyper[key]) : defaults[i]));
    if (values.every((value, i) => same(value, defaults[i]))) continue;
    if (option.kind === 'pair') out[option.name] = values;
    else out[option.name] = option.kind === 'flag' ? values[0] !== 0 : values[0];
  }
  return out;
}

/** The control for one option: a tick for a flag, a menu for a choice, a text of numbers for a list, else a number. */
function inputFor(option, key, value, fallback) {
  if (option.kind === 'choice') {
    const select = document.createElement('select');
    select.replaceChildren(...option.choices.map((choice) => new Option(choice, choice)));
    select.value = value;
    return select;
  }
  const input = document.createElement('input');
  if (option.kind === 'flag') {
    input.type = 'checkbox';
    input.checked = value !== 0;
  } else if (option.kind === 'numbers') {
    input.type = 'text';
    input.value = asKind(option, value).join(', ');
    input.placeholder = t('hp.none');
    input.title = t('hp.numbers.title');
  } else {
    input.type = 'number';
    input.step = 'any';
    input.value = value === null ? '' : String(value);
    input.title = fallback === null ? t('hp.required.title') : t('hp.default.title', { value: fallback });
  }
  return input;
}

/** What a control holds, as the page keeps it; undefined for a list that is not one. */
function readInput(option, input) {
  if (option.kind === 'flag') return input.checked ? 1 : 0;
  if (option.kind === 'choice') return input.value;
  if (option.kind !== 'numbers') return Number(input.value);
  if (input.value.trim() === '') return [];
  const numbers = input.value.split(/[\s,;]+/).filter((part) => part !== '').map(Number);
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

/**
 * Renders inputs for an entry's options into a container; calls onChange(hyper) on edits. The caption names
 * the inputs for screen readers (a race lane's label, else the optimizer's or loss's name).
 */
export function renderHyperInputs(container, options, hyper, onChange, caption) {
  const byKey = new Map();
  for (const option of options) for (const key of keysOf(option)) byKey.set(key, option);
  let current = hyper; // the values after this form's last edit: a second edit keeps the first
  container.replaceChildren(...Object.entries(hyperDefaults(options)).map(([key, fallback]) => {
    const option = byKey.get(key);
    const label = document.createElement('label');
    label.textContent = `${key} `;
    const input = inputFor(option, key, hyper[key] ?? fallback, fallback);
    input.dataset.hyper = key;
    const shown = Array.isArray(fallback) ? (fallback.length ? fallback.join(', ') : 'None') : fallback;
    input.setAttribute('aria-label', `${caption} ${key} (${fallback === null ? t('hp.required') : t('hp.default', { value: shown })})`);
    input.addEventListener('change', () => {
      const value = readInput(option, input);
      if (value === undefined) {
        input.setCustomValidity(t('hp.numbers.invalid'));
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      const next = { ...current };
      next[key] = value;
      if (same(value, fallback)) delete next[key];
      current = next;
      onChange(next);
    });
    label.appendChild(input);
    return label;
  }));
}
