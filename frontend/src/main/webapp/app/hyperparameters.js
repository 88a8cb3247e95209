// An optimizer's hyperparameters beyond the learning rate, as the pages show and edit them. The names and
// PyTorch's defaults come from the core's catalog (an optimizer's options). In a page's state and its link
// every value is a number: flags are 0/1 and a pair such as betas is two numbers, beta1 and beta2, which
// keeps links short and readable ("hp=beta2:0.99").

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

/** Every editable hyperparameter of an optimizer with PyTorch's default: {momentum: 0, nesterov: 0, ...}. */
export function hyperDefaults(options) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr') continue; // the page's own control
    const defaults = defaultsOf(option);
    keysOf(option).forEach((key, i) => { out[key] = defaults[i]; });
  }
  return out;
}

/** A page's hyperparameters from PyTorch keyword arguments, keeping those that differ from the defaults. */
export function hyperFromKwargs(options, kwargs) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr' || !(option.name in kwargs)) continue;
    const given = kwargs[option.name];
    const values = option.kind === 'pair' ? given : [option.kind === 'flag' ? (given ? 1 : 0) : given];
    const defaults = defaultsOf(option);
    keysOf(option).forEach((key, i) => { if (values[i] !== defaults[i]) out[key] = values[i]; });
  }
  return out;
}

/** "alpha:0.9,eps:1e-6" -> {alpha: 0.9, eps: 1e-6}; undefined if malformed. */
export function parseHyper(text) {
  if (text === '') return {};
  const out = {};
  for (const part of text.split(',')) {
    const [key, raw] = part.split(':');
    const value = Number(raw);
    if (!/^[a-z_0-9]+$/.test(key || '') || raw === undefined || raw === '' || !Number.isFinite(value)) return undefined;
    out[key] = value;
  }
  return out;
}

export function writeHyper(hyper) {
  return Object.entries(hyper).map(([k, v]) => `${k}:${v}`).join(',');
}

/**
 * The optimizer's keyword arguments for the engine: the page's values that differ from PyTorch's defaults,
 * flags as booleans and pairs as pairs; keys the optimizer does not have are left out.
 */
export function optimizerEntries(options, hyper) {
  const out = {};
  for (const option of options) {
    if (option.name === 'lr') continue;
    const keys = keysOf(option);
    const defaults = defaultsOf(option);
    const values = keys.map((key, i) => (key in hyper ? hyper[key] : defaults[i]));
    if (values.every((value, i) => value === defaults[i])) continue;
    if (option.kind === 'pair') out[option.name] = values;
    else out[option.name] = option.kind === 'flag' ? values[0] !== 0 : values[0];
  }
  return out;
}

/**
 * Renders inputs for the optimizer's hyperparameters into a container; calls onChange(hyper) on edits.
 * The caption names the inputs for screen readers (a race lane's label, else the optimizer's name).
 */
export function renderHyperInputs(container, options, hyper, onChange, caption) {
  const flags = new Set(options.filter((o) => o.kind === 'flag').map((o) => o.name));
  container.replaceChildren(...Object.entries(hyperDefaults(options)).map(([key, fallback]) => {
    const label = document.createElement('label');
    label.textContent = `${key} `;
    const input = document.createElement('input');
    input.dataset.hyper = key;
    input.setAttribute('aria-label', `${caption} ${key} (PyTorch default ${fallback})`);
    if (flags.has(key)) {
      input.type = 'checkbox';
      input.checked = (hyper[key] ?? fallback) !== 0;
    } else {
      input.type = 'number';
      input.step = 'any';
      input.value = String(hyper[key] ?? fallback);
      input.title = `PyTorch's default: ${fallback}`;
    }
    input.addEventListener('change', () => {
      const next = { ...hyper };
      next[key] = input.type === 'checkbox' ? (input.checked ? 1 : 0) : Number(input.value);
      if (next[key] === fallback) delete next[key];
      onChange(next);
    });
    label.appendChild(input);
    return label;
  }));
}
