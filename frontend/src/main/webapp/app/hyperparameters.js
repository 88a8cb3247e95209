// Each optimizer's hyperparameters beyond the learning rate, with PyTorch's defaults (torch 1.13), as the
// playground shows and edits them. Booleans are stored as 0/1.
const OPTIMIZER_DEFAULTS = {
  SGD: { momentum: 0, dampening: 0, weight_decay: 0, nesterov: 0 },
  Adagrad: { lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10 },
  RMSprop: { alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: 0 },
  Adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: 0 },
  AdamW: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01, amsgrad: 0 },
};

const FLAGS = ['nesterov', 'centered', 'amsgrad'];

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

/** The optimizer's entries for the engine: given values that differ from PyTorch's defaults. */
export function optimizerEntries(name, hyper) {
  const defaults = OPTIMIZER_DEFAULTS[name] || {};
  const out = {};
  for (const [key, value] of Object.entries(hyper)) {
    if (!(key in defaults) || value === defaults[key]) continue;
    if (key === 'beta1' || key === 'beta2') continue;
    out[key] = FLAGS.includes(key) ? value !== 0 : value;
  }
  if ('beta1' in defaults && (('beta1' in hyper && hyper.beta1 !== defaults.beta1) || ('beta2' in hyper && hyper.beta2 !== defaults.beta2))) {
    out.betas = [hyper.beta1 ?? defaults.beta1, hyper.beta2 ?? defaults.beta2];
  }
  return out;
}

/**
 * Renders inputs for the optimizer's hyperparameters into a container; calls onChange(hyper) on edits.
 * The caption names the inputs for screen readers (a race lane's label, else the optimizer's name).
 */
export function renderHyperInputs(container, name, hyper, onChange, caption = name) {
  const defaults = OPTIMIZER_DEFAULTS[name] || {};
  container.replaceChildren(...Object.entries(defaults).map(([key, fallback]) => {
    const label = document.createElement('label');
    label.textContent = `${key} `;
    const input = document.createElement('input');
    input.dataset.hyper = key;
    input.setAttribute('aria-label', `${caption} ${key} (PyTorch default ${fallback})`);
    if (FLAGS.includes(key)) {
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
