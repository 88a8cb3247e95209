// A live training page: controls change the state, the state goes into the URL and the engine, and
// the engine's progress redraws the charts. One controller serves the regression and classification
// chapters and the free playground; they differ only in their default state.
import { createEngine } from '../engine/nn-engine.js';
import { choices, decode, encode, isClassification, optimizerOptions, toConfig } from './state.js';
import { accuracyChart, addBatchLosses, addMetrics, applyTheme, clearLosses, dataChart, lossChart, pinAxes, setDiscrete,
  showBatchLosses, showGrid, showTestPoints } from './charts.js';
import { pytorchScript } from './pytorch-code.js';
import { renderTrainer } from './trainer-markup.js';
import { renderHyperInputs } from './hyperparameters.js';
import { renderRaceLanes } from './race-lanes.js';
import { SPEEDS, speedLabel } from './speed.js';
import { wireFileExports } from './file-exports.js';
import { downloadUrl } from './download.js';

const GRID_EVERY_MS = 100;
const ENGINES = ['auto', 'wasm', 'js'];

/**
 * Starts the page's trainer; resolves with its controller, or null if the engine could not load. The
 * engine first tells what a run can name (its catalog): the menus and the chapter's defaults come from it.
 */
export async function startTrainer(root) {
  const asked = new URLSearchParams(location.hash.slice(1)).get('engine');
  const firstChoice = ENGINES.includes(asked) ? asked : 'auto';
  // The engine that answered the catalog question trains the first run: the page loads the engine once.
  let spare = createEngine({ engine: firstChoice });
  let catalog;
  try {
    ({ catalog } = await spare.catalog());
  } catch (error) {
    spare.terminate();
    root.insertAdjacentHTML('beforeend', '<p class="message bad" role="alert"></p>');
    root.lastElementChild.textContent = `The training engine could not start: ${error.message}`;
    return null;
  }
  const named = choices(catalog);
  renderTrainer(root, named.activations);
  applyTheme();
  const chapter = root.dataset.chapter;
  const decoded = decode(location.hash, chapter, catalog);
  const state = decoded.state;
  const $ = (name) => root.querySelector(`[data-role="${name}"]`);
  let engine = null;
  let info = null;
  let charts = null;
  let running = false;
  let lossStart = 1;
  let gridInFlight = false;
  let lastGrid = 0;
  let pinnedBounds = null; // while drawing, the data chart keeps its axes

  // Embedding options stay in the hash when the settings are written back.
  const embedding = (decoded.embed ? '&embed=1' : '') + (decoded.hidden.length ? `&hide=${decoded.hidden.join(',')}` : '');
  const hashFor = () => encode(state, chapter, catalog) + embedding;
  if (decoded.embed) document.body.classList.add('embed');
  for (const name of decoded.hidden) root.querySelectorAll(`[data-control="${name}"]`).forEach((el) => { el.hidden = true; });
  showNotices(decoded.notices);

  function showNotices(notices) {
    const box = $('notices');
    box.textContent = notices.join(' ');
    box.hidden = notices.length === 0;
  }

  function setStatus(text, isError) {
    const box = $('message');
    box.textContent = text;
    box.classList.toggle('bad', Boolean(isError));
  }

  function fillControls() {
    // Your own points are a dataset only where the page takes them (the playground) and only once there are some.
    fillSelect($('dataset'), named.datasets.filter((name) => name !== 'custom' || state.data?.length >= 2));
    fillSelect($('optimizer'), named.optimizers);
    fillSelect($('loss-choice'), named.losses);
    for (const input of root.querySelectorAll('[data-field]')) {
      const key = input.dataset.field;
      if (state[key] === undefined) continue; // a setting this page does not have
      if (input.type === 'checkbox') input.checked = state[key] !== 0;
      else input.value = key === 'layers' ? state.layers.join('-') : String(state[key]);
    }
    $('speed').value = String(SPEEDS.indexOf(state.speed));
    $('speed-value').textContent = speedLabel(state.speed);
  }

  /** The current optimizer's own hyperparameters, where the page shows them (the playground). */
  function renderHyper() {
    const container = $('hyper');
    if (!container) return;
    renderHyperInputs(container, optimizerOptions(catalog, state.optimizer), state.hp, (next) => {
      state.hp = next;
      restart();
    }, state.optimizer);
  }

  /** The race's lanes (only the race has them): a change restarts the race from the same weights. */
  function renderLanes() {
    renderRaceLanes($('lanes'), state, catalog, () => {
      renderLanes();
      restart();
    });
  }

  function fillSelect(select, choices) {
    if (!select || [...select.options].map((o) => o.value).join() === choices.join()) return;
    select.replaceChildren(...choices.map((choice) => new Option(choice, choice)));
  }

  function readControls() {
    for (const input of root.querySelectorAll('[data-field]')) {
      const key = input.dataset.field;
      if (state[key] === undefined) continue;
      if (input.type === 'checkbox') state[key] = input.checked ? 1 : 0;
      else if (key === 'layers') state.layers = input.value.trim() === '' ? [] : input.value.split(/[-,\s]+/).map(Number);
      else if (typeof state[key] === 'number') state[key] = Number(input.value);
      else state[key] = input.value;
    }
  }

  async function restart(keepView = false) {
    if (!keepView) pinnedBounds = null;
    running = false;
    updateButtons();
    const { notices } = decode(encode(state, chapter, catalog), chapter, catalog);
    history.replaceState(null, '', hashFor());
    if (notices.length) showNotices(notices);
    const config = toConfig(state, chapter, catalog);
    const code = $('code');
    if (code) code.textContent = pytorchScript(config);
    if (engine) engine.terminate();
    // Until the new engine is ready nothing may drive it: play, step and the grid all wait for info.
    info = null;
    setStatus('Preparing…');
    const starting = spare && state.engine === firstChoice ? spare : createEngine({ engine: state.engine });
    if (spare && spare !== starting) spare.terminate();
    spare = null;
    engine = starting;
    engine.on('progress', onProgress);
    engine.on('done', (m) => {
      running = false;
      updateButtons();
      setStatus(`Finished the planned ${m.step} updates. Play trains on; Reset starts again.`);
      addMetrics(charts, m.step, m.metrics, m.testMetrics);
      requestGrid(true);
      publish('done', m);
    });
    engine.on('error', (m) => { running = false; updateButtons(); setStatus(m.step ? `${m.message}.` : m.message, true); });
    try {
      const ready = await starting.init(config);
      if (engine !== starting) return; // replaced by a newer restart while it started
      info = ready.info;
      starting.set('speed', state.speed);
      $('engine-used').textContent = ready.engine === 'wasm' ? 'WebAssembly' : 'JavaScript';
      buildCharts();
      setStatus('Ready. Press play (or the space bar).');
      showProgress(0, 0, info.steps);
      requestGrid(true);
      publish('ready', { engine: ready.engine, steps: info.steps });
    } catch (error) {
      if (engine === starting) setStatus(error.message, true);
    }
  }

  function buildCharts() {
    if (charts) Object.values(charts).forEach((chart) => chart?.destroy?.());
    const withTest = info.testRows?.length > 0;
    $('accuracy-figure').hidden = !info.classification;
    root.querySelector('[data-control=discrete]').hidden = info.features === 1;
    $('accuracy').parentElement.hidden = !info.classification;
    charts = { data: dataChart($('data-chart'), info), loss: lossChart($('loss-chart'), info.optimizers, withTest),
      accuracy: info.classification ? accuracyChart($('accuracy-chart'), info.optimizers, withTest) : null };
    if ($('show-test')) showTestPoints(charts.data, $('show-test').checked);
    showBatchLosses(charts.loss, $('show-batches').checked);
    setDiscrete(charts.data, $('discrete').checked);
    charts.bounds = charts.data.$bounds;
    if (pinnedBounds) {
      // Drawing: the view stays where it was, widened only to take in every point.
      const b = charts.bounds;
      charts.bounds = [Math.min(b[0], pinnedBounds[0]), Math.max(b[1], pinnedBounds[1]),
        Math.min(b[2], pinnedBounds[2]), Math.max(b[3], pinnedBounds[3])];
      pinnedBounds = charts.bounds;
      pinAxes(charts.data, charts.bounds);
    }
    lossStart = 1;
  }

  function onProgress(m) {
    if (m.step === 0) { clearLosses(charts.loss, charts.accuracy); lossStart = 1; }
    const fresh = m.losses[0]?.length || 0;
    addBatchLosses(charts.loss, lossStart, m.losses);
    lossStart += fresh;
    showProgress(m.step, m.epoch, m.total);
    if (m.metrics) {
      showMetrics(m.metrics);
      addMetrics(charts, m.step, m.metrics, m.testMetrics);
      showTable(m.metrics);
    }
    requestGrid(false);
    publish('progress', { step: m.step, total: m.total, metrics: m.metrics });
  }

  function showProgress(step, epoch, total) {
    // Past the plan the run trains on, open-ended: the count goes on without "of".
    $('step').textContent = step > total ? `update ${step} · epoch ${epoch + 1}` : `update ${step} of ${total} · epoch ${epoch + 1}`;
    $('progress').value = total ? Math.min(1, step / total) : 0;
  }

  /** The status line's loss and accuracy on all the training data: every lane's in a race. */
  function showMetrics(all) {
    if (!all?.[0]) return;
    const loss = (m) => (m[0] === null ? '—' : m[0].toFixed(5));
    const accuracy = (m) => (m.length > 1 && m[1] !== null ? `${(100 * m[1]).toFixed(1)} %` : '—');
    const each = (format) => (all.length > 1 ? all.map((m, k) => `${info.optimizers[k]} ${format(m)}`).join(' · ') : format(all[0]));
    $('loss').textContent = each(loss);
    $('accuracy').textContent = all[0].length > 1 ? each(accuracy) : '—';
  }

  /** The race's table: each optimizer's loss on all the data. */
  function showTable(metrics) {
    const table = $('race-table');
    if (!table || !info) return;
    table.replaceChildren(...info.optimizers.map((label, k) => {
      const row = document.createElement('tr');
      for (const text of [label, metrics[k][0] === null ? '—' : metrics[k][0].toFixed(5)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      }
      return row;
    }));
  }

  /** Counts of (actual, predicted) class pairs over the data, for classification pages that show them. */
  async function showConfusion() {
    const table = $('confusion');
    if (!table || !info || !info.classification) return;
    const points = [];
    for (let i = 0; i < info.inputs.length; i += 2) points.push([info.inputs[i], info.inputs[i + 1]]);
    const { values } = await engine.predict(points);
    const columns = values.length / points.length;
    const counts = [[0, 0], [0, 0]];
    points.forEach((_, i) => {
      const predicted = columns === 1 ? (values[i] > 0 ? 1 : 0) : (values[2 * i + 1] > values[2 * i] ? 1 : 0);
      counts[info.targets[i]][predicted]++;
    });
    table.querySelectorAll('td[data-cell]').forEach((cell) => {
      const [actual, predicted] = cell.dataset.cell.split('-').map(Number);
      cell.textContent = String(counts[actual][predicted]);
    });
  }

  async function requestGrid(force) {
    const now = performance.now();
    if (!engine || !info || gridInFlight || (!force && now - lastGrid < GRID_EVERY_MS)) return;
    gridInFlight = true;
    lastGrid = now;
    try {
      // A curve per network (a race draws every lane's fit); one network's regions for two inputs.
      const lanes = info.features === 1 ? info.optimizers.length : 1;
      for (let k = 0; k < lanes; k++) {
        showGrid(charts.data, info, await engine.grid(charts.bounds, info.features === 1 ? 100 : 80, k), k);
      }
      if (force) {
        const metrics = (await engine.evaluate()).metrics;
        showMetrics(metrics);
        showTable(metrics);
      }
      await showConfusion();
    } catch (error) {
      // a grid asked for while a run was replaced: nothing to draw
    } finally {
      gridInFlight = false;
    }
  }

  function updateButtons() {
    $('play').textContent = running ? 'Pause' : 'Play';
    $('play').setAttribute('aria-pressed', String(running));
  }

  function togglePlay() {
    if (!engine || !info) return;
    running = !running;
    if (running) { engine.run(); setStatus('Training…'); } else { engine.pause(); setStatus('Paused.'); }
    updateButtons();
  }

  /** Tells an embedding page what happens (postMessage events ready, progress, done). */
  function publish(type, data) {
    if (window.parent !== window) window.parent.postMessage({ source: 'nn-playground', type, ...data }, '*');
  }

  window.addEventListener('message', (event) => {
    const command = event.data;
    if (!command || command.target !== 'nn-playground') return;
    if (command.type === 'play' && !running) togglePlay();
    else if (command.type === 'pause' && running) togglePlay();
    else if (command.type === 'reset') $('reset').click();
    else if (command.type === 'set' && command.param === 'lr') { state.lr = Number(command.value); engine?.set('lr', state.lr); }
  });

  root.addEventListener('change', (event) => {
    const field = event.target.dataset.field;
    if (!field) return;
    showNotices([]); // the reader has changed a setting: what the link said about it is history
    readControls();
    if (field === 'optimizer') {
      state.hp = {};
      renderHyper();
    }
    if (field === 'lr') {
        history.replaceState(null, '', hashFor());
      engine?.set('lr', state.lr);
      return;
    }
    restart();
  });
  $('play').addEventListener('click', togglePlay);
  $('step-button').addEventListener('click', () => { if (!info) return; running = false; updateButtons(); engine.step(1); });
  $('reset').addEventListener('click', () => { if (!info) return; running = false; updateButtons(); engine?.reset(); setStatus('Back to the same initial weights.'); requestGrid(true); });
  $('reinit').addEventListener('click', () => {
    state.initSeed = Math.floor(Math.random() * 1e6);
    fillControls();
    restart();
  });
  $('copy-code')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('code').textContent);
      setStatus('The PyTorch script is on the clipboard.');
    } catch (error) {
      getSelection().selectAllChildren($('code'));
      setStatus('Select-all done: press Ctrl+C (or ⌘C) to copy.');
    }
  });
  wireFileExports(root, () => (info ? engine : null));
  $('show-test')?.addEventListener('change', (event) => { if (charts) showTestPoints(charts.data, event.target.checked); });
  $('show-batches').addEventListener('change', (event) => { if (charts) showBatchLosses(charts.loss, event.target.checked); });
  $('discrete').addEventListener('change', (event) => { if (charts) setDiscrete(charts.data, event.target.checked); });
  $('speed').addEventListener('input', (event) => {
    state.speed = SPEEDS[Number(event.target.value)];
    $('speed-value').textContent = speedLabel(state.speed);
    history.replaceState(null, '', hashFor());
    if (info) engine.set('speed', state.speed);
  });
  for (const button of root.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => {
      const chart = charts[button.dataset.download];
      downloadUrl(chart.toBase64Image(), `nn-playground-${chapter}-${button.dataset.download}.png`);
    });
  }
  // A link edited in the address bar (only its hash) opens its run, as a fresh load would.
  window.addEventListener('hashchange', () => {
    const next = decode(location.hash, chapter, catalog);
    Object.assign(state, next.state);
    fillControls();
    renderHyper();
    renderLanes();
    restart();
    showNotices(next.notices);
  });
  document.addEventListener('keydown', (event) => {
    // Space plays and pauses unless it belongs to the focused control (a button, a field, a <details> summary).
    const typing = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A'].includes(document.activeElement?.tagName);
    if (event.code === 'Space' && !typing) { event.preventDefault(); togglePlay(); }
  });

  /**
   * Your own points ([x, y] or [x1, x2, class] rows, with class and column names) become the dataset; a
   * running run keeps running.
   */
  async function setData(rows, classes, columns = [], { keepView = false } = {}) {
    const wasRunning = running;
    pinnedBounds = keepView && charts ? (pinnedBounds || charts.bounds) : null;
    state.dataset = 'custom';
    state.data = rows;
    state.classes = classes;
    state.columns = columns;
    fillControls();
    if (rows.length < 2) {
      history.replaceState(null, '', hashFor());
      if (engine) engine.terminate();
      engine = null;
      info = null;
      running = false;
      updateButtons();
      setStatus('Click the chart to add points: training needs at least two.');
      return;
    }
    await restart(keepView);
    if (wasRunning && info) togglePlay();
  }

  /** Every network starts from the weights in a file (say, saved by PyTorch); reset comes back to them. */
  async function startFrom(contents, name) {
    if (!engine || !info) return;
    running = false;
    updateButtons();
    try {
      info = (await engine.startFrom(contents)).info;
      buildCharts();
      showProgress(0, 0, info.steps);
      setStatus(`Starting from the weights in ${name}. Press play; reset comes back to them, a new setting does not.`);
      requestGrid(true);
    } catch (error) {
      setStatus(`Could not start from ${name}: ${error.message}. The network is unchanged.`, true);
    }
  }

  fillControls();
  renderHyper();
  renderLanes();
  restart();
  /** Writes the state into the link again (after a change that needs no restart). */
  const updateLink = () => history.replaceState(null, '', hashFor());

  return { state, startFrom, setData, updateLink, charts: () => charts, isClassification: () => isClassification(state, catalog), engine: () => engine, info: () => info };
}
