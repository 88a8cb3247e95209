// The markup every training page shares — controls, status, charts, PyTorch code and settings — built
// in one place. A page supplies its title and explanation, and may add blocks marked data-slot="extra"
// (shown after the charts), hide settings with data-hide="a,b" and show optional ones with data-show.

const SETTINGS = [
  ['dataset', 'Dataset', '<select data-field="dataset" data-role="dataset"></select>'],
  ['n', 'Points', '<input type="number" data-field="n" min="2" max="5000">'],
  ['noise', 'Noise', '<input type="number" data-field="noise" min="0" max="5" step="0.05">'],
  ['dataSeed', 'Data seed', '<input type="number" data-field="dataSeed" min="0">'],
  ['test', 'Test split', '<input type="number" data-field="test" min="0" max="0.9" step="0.05" '
    + 'title="The share of the points held out to test on (0: none)">', 'optional'],
  ['showTest', 'Show test points', '<input type="checkbox" data-role="show-test" checked>', 'optional'],
  ['standardize', 'Standardize inputs', '<input type="checkbox" data-field="standardize" '
    + 'title="Scale each input to mean 0 and standard deviation 1, with the training points\' statistics">', 'optional'],
  ['layers', 'Hidden layers', '<input type="text" data-field="layers" pattern="[0-9]+(-[0-9]+)*">'],
  ['activation', 'Activation', '<input type="text" data-field="activation" list="activation-names" '
    + 'title="One activation for all hidden layers, or one per layer: ReLU-Tanh">'],
  ['loss', 'Loss', '<select data-field="loss" data-role="loss-choice"></select>'],
  ['optimizer', 'Optimizer', '<select data-field="optimizer" data-role="optimizer"></select>'],
  ['momentum', 'Momentum', '<input type="number" data-field="momentum" min="0" max="0.999" step="0.05">', 'optional'],
  ['hp', 'Optimizer settings', '<span class="hyper" data-role="hyper"></span>', 'optional'],
  ['lanes', 'Optimizers racing', '<span class="lanes" data-role="lanes"></span>', 'optional'],
  ['lr', 'Learning rate', '<input type="number" data-field="lr" min="0.000001" max="100" step="any">'],
  ['batch', 'Batch size', '<input type="number" data-field="batch" min="0" max="5000">'],
  ['steps', 'Pause after', '<input type="number" data-field="steps" min="1" max="100000" '
    + 'title="Training pauses after this many updates; play again to train on">'],
  ['initSeed', 'Weights seed', '<input type="number" data-field="initSeed" min="0">'],
  ['engine', 'Engine', '<select data-field="engine"><option value="auto">auto</option><option value="wasm">WebAssembly</option><option value="js">JavaScript</option></select>'],
];

const TOP = `
  <p class="notice" data-role="notices" role="status" hidden></p>
  <div class="controls" role="group" aria-label="Training controls">
    <button type="button" data-role="play" aria-pressed="false">Play</button>
    <button type="button" data-role="step-button">Step</button>
    <button type="button" data-role="reset" title="Same initial weights">Reset</button>
    <button type="button" data-role="reinit" data-control="reinit" title="New initial weights">Re-initialise</button>
    <label data-control="speed">Speed <input type="range" data-role="speed" min="0" max="9" step="1"
      aria-label="Speed in updates per second"> <output data-role="speed-value"></output></label>
  </div>
  <div class="status">
    <progress data-role="progress" max="1" value="0" aria-label="Progress of the run"></progress>
    <span data-role="step">update 0</span>
    <span>loss <strong data-role="loss">—</strong></span>
    <span>accuracy <strong data-role="accuracy">—</strong></span>
    <span class="engine">engine: <span data-role="engine-used">…</span></span>
  </div>
  <p class="message" data-role="message" role="status" aria-live="polite"></p>
  <div class="charts">
    <figure>
      <div class="chart-box"><canvas data-role="data-chart" aria-label="The data and the network's fit" role="img"></canvas></div>
      <figcaption>Data and the network's fit <button type="button" data-download="data">PNG</button></figcaption>
    </figure>
    <figure>
      <div class="chart-box"><canvas data-role="loss-chart" aria-label="Loss per update" role="img"></canvas></div>
      <figcaption>Loss per update <button type="button" data-download="loss">PNG</button></figcaption>
    </figure>
  </div>`;

const CODE = `
  <details class="code">
    <summary>PyTorch code for this run</summary>
    <button type="button" data-role="copy-code">Copy</button>
    <span role="group" aria-label="Files to replay this run in PyTorch">To get this page's exact numbers, save
      these next to the script: <button type="button" data-export="initial" data-format="pt">initial weights (.pt)</button>
      <button type="button" data-export="data" data-format="pt">data and batch order (.pt)</button></span>
    <pre data-role="code" tabindex="0" aria-label="PyTorch script"></pre>
  </details>`;

function settings(root, activations) {
  const hidden = (root.dataset.hide || '').split(',');
  const shown = (root.dataset.show || '').split(',');
  const labels = SETTINGS.map(([key, label, control, optional]) => {
    const hide = hidden.includes(key) || (optional && !shown.includes(key));
    // Rows that hold several inputs are groups, not labels (labels must not nest).
    if (control.startsWith('<span')) {
      return `<div data-control="${key}" role="group" aria-label="${label}"${hide ? ' hidden' : ''}>${label} ${control}</div>`;
    }
    return `<label data-control="${key}"${hide ? ' hidden' : ''}>${label} ${control}</label>`;
  });
  const list = `<datalist id="activation-names">${activations.map((n) => `<option value="${n}">`).join('')}</datalist>`;
  return `<fieldset class="settings"><legend>Settings</legend>${labels.join('')}${list}</fieldset>`;
}

/**
 * Fills a page's <main data-chapter> with the shared markup, keeping the page's own extra blocks; the
 * menus are filled from the catalog's names (see state.js choices) by the trainer.
 */
export function renderTrainer(root, activations) {
  const extras = [...root.querySelectorAll('[data-slot="extra"]')];
  extras.forEach((block) => block.remove());
  root.insertAdjacentHTML('beforeend', TOP);
  extras.forEach((block) => root.appendChild(block));
  root.insertAdjacentHTML('beforeend', CODE + settings(root, activations));
}
