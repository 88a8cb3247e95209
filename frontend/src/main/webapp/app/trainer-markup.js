// The markup every training page shares — controls, status, charts, PyTorch code and the settings panel
// (Data, Network, Training, Advanced) — built in one place. A page supplies its title and explanation, and
// may add blocks marked data-slot="extra" (shown after the charts), hide settings with data-hide="a,b" and
// show optional ones with data-show.

// [key, label, control, optional?] by group: the side panel's Data, Network and Training, and Advanced folded away.
const GROUPS = [
  ['Data', [
    ['dataset', 'Dataset', '<select data-field="dataset" data-role="dataset"></select>'],
    ['n', 'Points', '<input type="number" data-field="n" min="2" max="5000">'],
    ['noise', 'Noise', '<span class="slider"><input type="range" data-field="noise" min="0" max="2" step="0.01" '
      + 'aria-label="Noise"> <output data-for="noise"></output></span>'],
    ['test', 'Test split', '<span class="slider"><input type="range" data-field="test" min="0" max="0.9" step="0.05" '
      + 'aria-label="Test split" title="The share of the points held out to test on (0: none)"> '
      + '<output data-for="test"></output></span>', 'optional'],
    ['showTest', 'Show test points', '<input type="checkbox" data-role="show-test" checked>', 'optional'],
    ['standardize', 'Standardize inputs', '<input type="checkbox" data-field="standardize" '
      + 'title="Scale each input to mean 0 and standard deviation 1, with the training points\' statistics">', 'optional'],
  ]],
  ['Network', [
    ['layers', 'Hidden layers', '<input type="text" data-field="layers" pattern="[0-9]+(-[0-9]+)*" '
      + 'title="Widths of the hidden layers, e.g. 16-16">'],
    ['activation', 'Activation', '<input type="text" data-field="activation" list="activation-names" '
      + 'title="One activation for all hidden layers, or one per layer: ReLU-Tanh">'],
    ['norm', 'Normalisation', '<input type="text" data-field="norm" list="norm-names" '
      + 'title="After each hidden Linear: none, BatchNorm1d or LayerNorm; one for all layers or one per layer: BatchNorm1d-none">',
    'optional'],
    ['normHp', 'Normalisation settings', '<span class="hyper" data-role="norm-hyper"></span>', 'optional'],
    ['dropout', 'Dropout', '<input type="text" data-field="dropout" pattern="0(\\.[0-9]+)?(-0(\\.[0-9]+)?)*" '
      + 'title="nn.Dropout after each hidden layer\'s activation: the probability of zeroing a value in training (0: none); '
      + 'one for all layers or one per layer: 0.2-0">', 'optional'],
    ['inputFeatures', 'Input features', '<span class="features" data-role="input-features"></span>', 'optional'],
    ['loss', 'Loss', '<select data-field="loss" data-role="loss-choice"></select>'],
    ['lossHp', 'Loss settings', '<span class="hyper" data-role="loss-hyper"></span>', 'optional'],
  ]],
  ['Training', [
    ['optimizer', 'Optimizer', '<select data-field="optimizer" data-role="optimizer"></select>'],
    ['momentum', 'Momentum', '<input type="number" data-field="momentum" min="0" max="0.999" step="0.05">', 'optional'],
    ['hp', 'Optimizer settings', '<span class="hyper" data-role="hyper"></span>', 'optional'],
    ['sched', 'LR scheduler', '<select data-field="sched" data-role="sched-choice" '
      + 'title="torch.optim.lr_scheduler: how the learning rate changes over the epochs"></select>', 'optional'],
    ['schedHp', 'Scheduler settings', '<span class="hyper" data-role="sched-hyper"></span>', 'optional'],
    ['lanes', 'Optimizers racing', '<span class="lanes" data-role="lanes"></span>', 'optional'],
    ['batch', 'Batch size', '<input type="number" data-field="batch" min="0" max="5000" title="0: all the points at once">'],
    ['reg', 'Regularization', '<select data-field="reg"><option value="none">none</option><option value="L1">L1</option>'
      + '<option value="L2">L2 (weight decay)</option></select>', 'optional'],
    ['regRate', 'Regularization rate', '<input type="number" data-field="regRate" min="0" max="10" step="any" '
      + 'title="L1: rate × Σ|w| is added to the loss; L2: the optimizer\'s weight_decay">', 'optional'],
    ['shuffle', 'Shuffle batches', '<input type="checkbox" data-field="shuffle" '
      + 'title="DataLoader shuffle: a new order of the points every epoch">', 'optional'],
    ['dropLast', 'Drop last batch', '<input type="checkbox" data-field="dropLast" '
      + 'title="DataLoader drop_last: leave out an epoch\'s last batch when it is smaller">', 'optional'],
    ['clipNorm', 'Clip gradient norm', '<input type="number" data-field="clipNorm" min="0" step="any" '
      + 'title="torch.nn.utils.clip_grad_norm_ before each step: the largest 2-norm of all the gradients (0: no clipping)">',
    'optional'],
    ['clipValue', 'Clip gradient values', '<input type="number" data-field="clipValue" min="0" step="any" '
      + 'title="torch.nn.utils.clip_grad_value_ before each step: the largest size of each gradient value (0: no clipping)">',
    'optional'],
    ['steps', 'Pause after', '<input type="number" data-field="steps" min="1" max="100000" '
      + 'title="Training pauses after this many updates; play again to train on">'],
  ]],
  ['Advanced', [
    ['dataSeed', 'Data seed', '<input type="number" data-field="dataSeed" min="0">'],
    ['initSeed', 'Weights seed', '<input type="number" data-field="initSeed" min="0">'],
    ['engine', 'Engine', '<select data-field="engine"><option value="auto">auto</option>'
      + '<option value="wasm">WebAssembly</option><option value="js">JavaScript</option></select>'],
  ]],
];

const TOP = `
  <p class="notice" data-role="notices" role="status" hidden></p>
  <div class="controls" role="group" aria-label="Training controls">
    <button type="button" data-role="play" data-control="play" aria-pressed="false">Play</button>
    <button type="button" data-role="step-button" data-control="step">Step</button>
    <button type="button" data-role="reset" data-control="reset" title="Same initial weights">Reset</button>
    <button type="button" data-role="reinit" data-control="reinit" title="New initial weights">Re-initialise</button>
    <label data-control="lr">Learning rate <input type="number" data-field="lr" min="0.000001" max="100" step="any"></label>
    <label data-control="speed">Speed <input type="range" data-role="speed" min="0" max="9" step="1"
      aria-label="Speed in updates per second"> <output data-role="speed-value"></output></label>
  </div>
  <div class="status">
    <progress data-role="progress" max="1" value="0" aria-label="Progress of the run"></progress>
    <span data-role="step">update 0</span>
    <span>loss <strong data-role="loss">—</strong></span>
    <span>accuracy <strong data-role="accuracy">—</strong></span>
    <span data-role="test-metrics" hidden>test loss <strong data-role="test-loss">—</strong>
      <span>accuracy <strong data-role="test-accuracy">—</strong></span></span>
    <span class="engine">engine: <span data-role="engine-used">…</span><span data-role="engine-workers"></span></span>
  </div>
  <p class="message" data-role="message" role="status" aria-live="polite"></p>`;

const CHARTS = `
  <div class="charts">
    <figure class="data-figure">
      <div class="data-row">
        <div class="chart-box square"><canvas data-role="data-chart" aria-label="The data and the network's fit" role="img"></canvas></div>
        <div class="unit-panel" data-role="unit-panel" hidden>
          <canvas data-role="unit-large" width="200" height="200" aria-hidden="true"></canvas>
          <p data-role="unit-caption" aria-live="polite"></p>
          <button type="button" data-role="unit-close">Close</button>
        </div>
      </div>
      <figcaption><span data-role="data-caption">Data and the network's fit</span> <span class="data-count">· <span data-role="data-count"></span></span>
        <label data-control="parts" hidden title="Each hidden unit's part of the fit, and the output bias: they add up to the fit">
          <input type="checkbox" data-role="parts"> the hidden units' parts</label>
        <label data-control="discrete" title="Colour each region by the predicted class alone">
          <input type="checkbox" data-role="discrete"> discretize output</label>
        <button type="button" data-download="data">PNG</button></figcaption>
    </figure>
    <div class="curves">
      <figure>
        <div class="chart-box"><canvas data-role="loss-chart" aria-label="Loss per update" role="img"></canvas></div>
        <figcaption>Loss on all the training data
          <label title="Each batch's loss, a faint band behind the whole-data loss">
            <input type="checkbox" data-role="show-batches" checked> each batch</label>
          <button type="button" data-download="loss">PNG</button></figcaption>
      </figure>
      <figure data-role="accuracy-figure" hidden>
        <div class="chart-box small"><canvas data-role="accuracy-chart" aria-label="Accuracy per update" role="img"></canvas></div>
        <figcaption>Accuracy <button type="button" data-download="accuracy">PNG</button></figcaption>
      </figure>
      <figure data-role="rate-figure" hidden>
        <div class="chart-box small"><canvas data-role="rate-chart" aria-label="Learning rate per update" role="img"></canvas></div>
        <figcaption>Learning rate, as the scheduler sets it <button type="button" data-download="rate">PNG</button></figcaption>
      </figure>
    </div>
  </div>`;

const NETWORK = `
  <details class="network" data-role="network" data-panel="network" open>
    <summary>Network</summary>
    <figure role="region" data-role="network-view" aria-label="Network">
      <label data-role="network-lane-choice" hidden>Lane <select data-role="network-lane"
        aria-label="The race's lane whose network is drawn"></select></label>
      <div class="network-area">
        <div class="network-box" data-role="network-box">
          <canvas data-role="network-canvas" aria-hidden="true"></canvas>
          <svg data-role="network-svg" tabindex="-1" role="group" aria-label="Units and weights; arrow keys move between them"></svg>
        </div>
      </div>
      <p class="network-tip" data-role="network-tip" aria-live="polite">Hover or focus a unit or a weight to see its value; click a unit (or press Enter) to see it large beside the data chart.</p>
      <figcaption><span data-role="network-summary"></span> <span data-role="network-dead" hidden></span></figcaption>
    </figure>
  </details>`;

const DIAGNOSTICS = `
  <details class="diagnostics" data-role="diagnostics" data-panel="diagnostics">
    <summary>Diagnostics</summary>
    <section role="region" aria-label="Diagnostics: is the training healthy?">
      <label data-role="diagnostics-lane-choice" hidden>Lane <select data-role="diagnostics-lane"
        aria-label="The race's lane whose network is diagnosed"></select></label>
      <table class="diagnostics-table">
        <caption>Each layer after update <span data-role="diagnostics-step">0</span>, over the
          <span data-role="diagnostics-points">0</span> training points</caption>
        <thead><tr><th scope="col">layer</th><th scope="col" title="The weight matrix's size (Frobenius norm)">‖W‖</th>
          <th scope="col" title="The size of the last update's gradient of the weights">‖∇W‖</th>
          <th scope="col" title="How much the last update changed the weights, against their size">‖ΔW‖ / ‖W‖</th>
          <th scope="col" title="ReLU units that are zero on every training point">dead units</th></tr></thead>
        <tbody data-role="diagnostics-rows"></tbody>
      </table>
      <figure>
        <div class="chart-box small"><canvas data-role="ratio-chart" role="img"
          aria-label="Each layer's update size against its weights, per update, on a log scale"></canvas></div>
        <figcaption>‖ΔW‖ / ‖W‖ per update, each layer (log scale). The dashed line is the rule of thumb, about 1e-3:
          far below it a layer barely learns, far above it each update rewrites much of what it learned.</figcaption>
      </figure>
      <div class="histograms" data-role="histograms"></div>
      <p class="hint">Histograms over the training points: each layer's outputs (after its activation; a tall bar at
        0 for ReLU means many units are off) and the gradient of the loss on all the data with respect to them
        (bars squeezed at 0 in early layers: the gradient vanishes before it gets there). A grey line marks zero.</p>
    </section>
  </details>`;

/** The chapters with a Diagnostics panel: the free playground and the race, where training can go wrong. */
const DIAGNOSED = ['playground', 'race'];

const CODE = `
  <details class="code" data-panel="code">
    <summary>PyTorch code for this run</summary>
    <button type="button" data-role="copy-code">Copy</button>
    <span role="group" aria-label="Files to replay this run in PyTorch">To get this page's exact numbers, save
      these next to the script: <button type="button" data-export="initial" data-format="pt">initial weights (.pt)</button>
      <button type="button" data-export="data" data-format="pt">data and batch order (.pt)</button></span>
    <span>The same run on the command line: <button type="button" data-export="settings" data-format="json">run
      settings (.json)</button> for <code>java -jar nn-playground.jar train --config nn-playground-run.json</code></span>
    <pre data-role="code" tabindex="0" aria-label="PyTorch script"></pre>
  </details>`;

function row(key, label, control, optional, hidden, shown) {
  const hide = hidden.includes(key) || (optional && !shown.includes(key));
  // Rows that hold several inputs are groups, not labels (labels must not nest); a slider is one input.
  if (control.startsWith('<span class="slider"')) {
    return `<div class="row" data-control="${key}"${hide ? ' hidden' : ''}><span>${label}</span> ${control}</div>`;
  }
  if (control.startsWith('<span')) {
    return `<div class="row wide" data-control="${key}" role="group" aria-label="${label}"${hide ? ' hidden' : ''}>`
      + `<span>${label}</span> ${control}</div>`;
  }
  return `<label class="row" data-control="${key}"${hide ? ' hidden' : ''}><span>${label}</span> ${control}</label>`;
}

function settings(root, activations, norms) {
  const hidden = (root.dataset.hide || '').split(',');
  const shown = (root.dataset.show || '').split(',');
  const groups = GROUPS.map(([name, rows]) => {
    const body = rows.map(([key, label, control, optional]) => row(key, label, control, optional, hidden, shown)).join('');
    return name === 'Advanced'
      ? `<details class="group advanced"><summary>${name}</summary>${body}</details>`
      : `<fieldset class="group"><legend>${name}</legend>${body}</fieldset>`;
  });
  const options = (names) => names.map((n) => `<option value="${n}">`).join('');
  const list = `<datalist id="activation-names">${options(activations)}</datalist>`
    + `<datalist id="norm-names">${options(norms)}</datalist>`;
  // Folded behind "Settings" on a phone (see trainer.js), so the charts follow the controls; always open on a
  // wide screen, where the summary is hidden.
  return `<aside class="settings side" aria-label="Settings"><details class="fold" open><summary>Settings</summary>`
    + `${groups.join('')}${list}</details></aside>`;
}

/**
 * Fills a page's <main data-chapter> with the shared markup, keeping the page's own extra blocks; the
 * menus are filled from the catalog's names (see state.js choices) by the trainer.
 */
export function renderTrainer(root, activations, norms) {
  const extras = [...root.querySelectorAll('[data-slot="extra"]')];
  extras.forEach((block) => block.remove());
  // Head (controls and status), the settings beside the charts on a wide screen (under the head on a
  // phone), then the charts, the page's own blocks and the code.
  root.insertAdjacentHTML('beforeend', `<div class="layout"><div class="head">${TOP}</div>${settings(root, activations, norms)}`
    + `<div class="body">${CHARTS}${NETWORK}${DIAGNOSED.includes(root.dataset.chapter) ? DIAGNOSTICS : ''}</div></div>`);
  const body = root.querySelector('.layout > .body');
  extras.forEach((block) => body.appendChild(block));
  body.insertAdjacentHTML('beforeend', CODE);
}
