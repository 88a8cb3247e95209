// The markup every training page shares — controls, status, charts, PyTorch code and the settings panel
// (Data, Network, Training, Advanced) — built in one place. A page supplies its title and explanation, and
// may add blocks marked data-slot="extra" (shown after the charts), hide settings with data-hide="a,b" and
// show optional ones with data-show. Every word comes from the page's language (i18n.js).
import { t } from './i18n.js';

// [key, label, control, optional?] by group: the side panel's Data, Network and Training, and Advanced folded away.
const GROUPS = [
  ['Data', [
    ['dataset', t('settings.dataset'), '<select data-field="dataset" data-role="dataset"></select>'],
    ['n', t('settings.n'), '<input type="number" data-field="n" min="2" max="5000">'],
    ['noise', t('settings.noise'), '<span class="slider"><input type="range" data-field="noise" min="0" max="2" step="0.01" '
      + 'aria-label="' + t('settings.noise') + '"> <output data-for="noise"></output></span>'],
    ['test', t('settings.test'), '<span class="slider"><input type="range" data-field="test" min="0" max="0.9" step="0.05" '
      + 'aria-label="' + t('settings.test') + '" title=""' + t('settings.test.title') + '"> '
      + '<output data-for="test"></output></span>', 'optional'],
    ['showTest', t('settings.showTest'), '<input type="checkbox" data-role="show-test" checked>', 'optional'],
    ['standardize', t('settings.standardize'), '<input type="checkbox" data-field="standardize" '
      + 'title="' + t('settings.standardize.title') + '">', 'optional'],
  ]],
  ['Network', [
    ['layers', t('settings.layers'), '<input type="text" data-field="layers" pattern="[0-9]+(-[0-9]+)*" '
      + 'title="' + t('settings.layers.title') + '">'],
    ['activation', t('settings.activation'), '<input type="text" data-field="activation" list="activation-names" '
      + 'title="' + t('settings.activation.title') + '">'],
    ['norm', t('settings.norm'), '<input type="text" data-field="norm" list="norm-names" '
      + 'title="' + t('settings.norm.title') + '">',
    'optional'],
    ['normHp', t('settings.normHp'), '<span class="hyper" data-role="norm-hyper"></span>', 'optional'],
    ['dropout', t('settings.dropout'), '<input type="text" data-field="dropout" pattern="0(\\.[0-9]+)?(-0(\\.[0-9]+)?)*" '
      + 'title="' + t('settings.dropout.title') + '">', 'optional'],
    ['inputFeatures', t('settings.inputFeatures'), '<span class="features" data-role="input-features"></span>', 'optional'],
    ['loss', t('settings.loss'), '<select data-field="loss" data-role="loss-choice"></select>'],
    ['lossHp', t('settings.lossHp'), '<span class="hyper" data-role="loss-hyper"></span>', 'optional'],
  ]],
  ['Training', [
    ['optimizer', t('settings.optimizer'), '<select data-field="optimizer" data-role="optimizer"></select>'],
    ['momentum', t('settings.momentum'), '<input type="number" data-field="momentum" min="0" max="0.999" step="0.05">', 'optional'],
    ['hp', t('settings.hp'), '<span class="hyper" data-role="hyper"></span>', 'optional'],
    ['sched', t('settings.sched'), '<select data-field="sched" data-role="sched-choice" '
      + 'title="' + t('settings.sched.title') + '"></select>', 'optional'],
    ['schedHp', t('settings.schedHp'), '<span class="hyper" data-role="sched-hyper"></span>', 'optional'],
    ['lanes', t('settings.lanes'), '<span class="lanes" data-role="lanes"></span>', 'optional'],
    ['batch', t('settings.batch'), '<input type="number" data-field="batch" min="0" max="5000" title="' + t('settings.batch.title') + '">'],
    ['reg', t('settings.reg'), '<select data-field="reg"><option value="none">' + t('settings.reg.none') + '</option><option value="L1">L1</option>'
      + '<option value="L2">' + t('settings.reg.L2') + '</option></select>', 'optional'],
    ['regRate', t('settings.regRate'), '<input type="number" data-field="regRate" min="0" max="10" step="any" '
      + 'title="' + t('settings.regRate.title') + '">', 'optional'],
    ['shuffle', t('settings.shuffle'), '<input type="checkbox" data-field="shuffle" '
      + 'title="' + t('settings.shuffle.title') + '">', 'optional'],
    ['dropLast', t('settings.dropLast'), '<input type="checkbox" data-field="dropLast" '
      + 'title="' + t('settings.dropLast.title') + '">', 'optional'],
    ['clipNorm', t('settings.clipNorm'), '<input type="number" data-field="clipNorm" min="0" step="any" '
      + 'title="' + t('settings.clipNorm.title') + '">',
    'optional'],
    ['clipValue', t('settings.clipValue'), '<input type="number" data-field="clipValue" min="0" step="any" '
      + 'title="' + t('settings.clipValue.title') + '">',
    'optional'],
    ['steps', t('settings.steps'), '<input type="number" data-field="steps" min="1" max="100000" '
      + 'title="' + t('settings.steps.title') + '">'],
  ]],
  ['Advanced', [
    ['dataSeed', t('settings.dataSeed'), '<input type="number" data-field="dataSeed" min="0">'],
    ['initSeed', t('settings.initSeed'), '<input type="number" data-field="initSeed" min="0">'],
    ['engine', t('settings.engine'), '<select data-field="engine"><option value="auto">' + t('settings.engine.auto') + '</option>'
      + '<option value="wasm">WebAssembly</option><option value="js">JavaScript</option></select>'],
  ]],
];

const TOP = `
  <p class="notice" data-role="notices" role="status" hidden></p>
  <div class="controls" role="group" aria-label="${t('controls.group')}">
    <button type="button" data-role="play" data-control="play" aria-pressed="false">${t('controls.play')}</button>
    <button type="button" data-role="step-button" data-control="step">${t('controls.step')}</button>
    <button type="button" data-role="reset" data-control="reset" title="${t('controls.reset.title')}">${t('controls.reset')}</button>
    <button type="button" data-role="reinit" data-control="reinit" title="${t('controls.reinit.title')}">${t('controls.reinit')}</button>
    <label data-control="lr">${t('controls.lr')} <input type="number" data-field="lr" min="0.000001" max="100" step="any"></label>
    <label data-control="speed">${t('controls.speed')} <input type="range" data-role="speed" min="0" max="9" step="1"
      aria-label="${t('controls.speed.aria')}"> <output data-role="speed-value"></output></label>
  </div>
  <div class="status">
    <progress data-role="progress" max="1" value="0" aria-label="${t('status.progress')}"></progress>
    <span data-role="step">${t('status.update')}</span>
    <span>${t('status.loss')} <strong data-role="loss">—</strong></span>
    <span>${t('status.accuracy')} <strong data-role="accuracy">—</strong></span>
    <span data-role="test-metrics" hidden>${t('status.testLoss')} <strong data-role="test-loss">—</strong>
      <span>${t('status.accuracy')} <strong data-role="test-accuracy">—</strong></span></span>
    <span class="engine">${t('status.engine')} <span data-role="engine-used">…</span><span data-role="engine-workers"></span></span>
  </div>
  <p class="message" data-role="message" role="status" aria-live="polite"></p>`;

const CHARTS = `
  <div class="charts">
    <figure class="data-figure">
      <div class="data-row">
        <div class="chart-box square"><canvas data-role="data-chart" aria-label="${t('charts.data.aria')}" role="img"></canvas></div>
        <div class="unit-panel" data-role="unit-panel" hidden>
          <canvas data-role="unit-large" width="200" height="200" aria-hidden="true"></canvas>
          <p data-role="unit-caption" aria-live="polite"></p>
          <button type="button" data-role="unit-close">${t('charts.unitClose')}</button>
        </div>
      </div>
      <figcaption><span data-role="data-caption">${t('charts.data')}</span> <span class="data-count">· <span data-role="data-count"></span></span>
        <label data-control="parts" hidden title="${t('charts.parts.title')}">
          <input type="checkbox" data-role="parts"> ${t('charts.parts')}</label>
        <label data-control="discrete" title="${t('charts.discrete.title')}">
          <input type="checkbox" data-role="discrete"> ${t('charts.discrete')}</label>
        <button type="button" data-download="data">PNG</button></figcaption>
    </figure>
    <div class="curves">
      <figure>
        <div class="chart-box"><canvas data-role="loss-chart" aria-label="${t('charts.loss.aria')}" role="img"></canvas></div>
        <figcaption>${t('charts.loss')}
          <label title="${t('charts.batches.title')}">
            <input type="checkbox" data-role="show-batches" checked> ${t('charts.batches')}</label>
          <button type="button" data-download="loss">PNG</button></figcaption>
      </figure>
      <figure data-role="accuracy-figure" hidden>
        <div class="chart-box small"><canvas data-role="accuracy-chart" aria-label="${t('charts.accuracy.aria')}" role="img"></canvas></div>
        <figcaption>${t('charts.accuracy')} <button type="button" data-download="accuracy">PNG</button></figcaption>
      </figure>
      <figure data-role="rate-figure" hidden>
        <div class="chart-box small"><canvas data-role="rate-chart" aria-label="${t('charts.rate.aria')}" role="img"></canvas></div>
        <figcaption>${t('charts.rate')} <button type="button" data-download="rate">PNG</button></figcaption>
      </figure>
    </div>
  </div>`;

const NETWORK = `
  <details class="network" data-role="network" data-panel="network" open>
    <summary>${t('network')}</summary>
    <figure role="region" data-role="network-view" aria-label="${t('network')}">
      <label data-role="network-lane-choice" hidden>${t('network.lane')} <select data-role="network-lane"
        aria-label="${t('network.lane.aria')}"></select></label>
      <div class="network-area">
        <div class="network-box" data-role="network-box">
          <canvas data-role="network-canvas" aria-hidden="true"></canvas>
          <svg data-role="network-svg" tabindex="-1" role="group" aria-label="${t('network.svg.aria')}"></svg>
        </div>
      </div>
      <p class="network-tip" data-role="network-tip" aria-live="polite">${t('network.tip')}</p>
      <figcaption><span data-role="network-summary"></span> <span data-role="network-dead" hidden></span></figcaption>
    </figure>
  </details>`;

const DIAGNOSTICS = `
  <details class="diagnostics" data-role="diagnostics" data-panel="diagnostics">
    <summary>${t('diagnostics')}</summary>
    <section role="region" aria-label="${t('diagnostics.region')}">
      <label data-role="diagnostics-lane-choice" hidden>${t('network.lane')} <select data-role="diagnostics-lane"
        aria-label="${t('diagnostics.lane.aria')}"></select></label>
      <table class="diagnostics-table">
        <caption>${t('diagnostics.caption', { step: '<span data-role="diagnostics-step">0</span>',
          points: '<span data-role="diagnostics-points">0</span>' })}</caption>
        <thead><tr><th scope="col">${t('diagnostics.layer')}</th><th scope="col" title="${t('diagnostics.weight.title')}">‖W‖</th>
          <th scope="col" title="${t('diagnostics.grad.title')}">‖∇W‖</th>
          <th scope="col" title="${t('diagnostics.ratio.title')}">‖ΔW‖ / ‖W‖</th>
          <th scope="col" title="${t('diagnostics.dead.title')}">${t('diagnostics.dead')}</th></tr></thead>
        <tbody data-role="diagnostics-rows"></tbody>
      </table>
      <figure>
        <div class="chart-box small"><canvas data-role="ratio-chart" role="img"
          aria-label="${t('diagnostics.ratioChart.aria')}"></canvas></div>
        <figcaption>${t('diagnostics.ratioChart')}</figcaption>
      </figure>
      <div class="histograms" data-role="histograms"></div>
      <p class="hint">${t('diagnostics.histograms')}</p>
    </section>
  </details>`;

/** The chapters with a Diagnostics panel: the free playground and the race, where training can go wrong. */
const DIAGNOSED = ['playground', 'race'];

const CODE = `
  <details class="code" data-panel="code">
    <summary>${t('code')}</summary>
    <button type="button" data-role="copy-code">${t('code.copy')}</button>
    <span role="group" aria-label="${t('code.files.aria')}">${t('code.files')}
      <button type="button" data-export="initial" data-format="pt">${t('code.initial')}</button>
      <button type="button" data-export="data" data-format="pt">${t('code.data')}</button></span>
    <span>${t('code.cli')} <button type="button" data-export="settings" data-format="json">${t('code.settings')}</button>
      ${t('code.cli.for')} <code>java -jar nn-playground.jar train --config nn-playground-run.json</code></span>
    <pre data-role="code" tabindex="0" aria-label="${t('code.aria')}"></pre>
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
      ? `<details class="group advanced"><summary>${t(`settings.group.${name}`)}</summary>${body}</details>`
      : `<fieldset class="group"><legend>${t(`settings.group.${name}`)}</legend>${body}</fieldset>`;
  });
  const options = (names) => names.map((n) => `<option value="${n}">`).join('');
  const list = `<datalist id="activation-names">${options(activations)}</datalist>`
    + `<datalist id="norm-names">${options(norms)}</datalist>`;
  // Folded behind "Settings" on a phone (see trainer.js), so the charts follow the controls; always open on a
  // wide screen, where the summary is hidden.
  return `<aside class="settings side" aria-label="Settings"><details class="fold" open><summary>${t('settings')}</summary>`
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
