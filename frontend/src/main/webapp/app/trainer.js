// A live training page: the settings change the state, the state goes into the link and the engine, and the
// engine's progress redraws the view. This module runs the engine's lifecycle (start, play, step, reset,
// replace) and composes the parts: the settings panel, the chart view, the embedding bridge. One controller
// serves the regression, classification, save-and-load and race chapters and the playground.
import { createEngine } from '../engine/nn-engine.js';
import { choices, decode, encode, isClassification, schedulerStart, toConfig } from './state.js';
import { pytorchScript } from './pytorch-code.js';
import { renderTrainer } from './trainer-markup.js';
import { explain, lang, t } from './i18n.js';
import { createSettingsPanel } from './settings-panel.js';
import { createChartView } from './chart-view.js';
import { embedOptions, embedSuffix, enterEmbedMode, listenForCommands, publish } from './embed-bridge.js';
import { wireFileExports } from './file-exports.js';
import { earlyEngine, firstChoice, workers } from './engine-start.js';

/**
 * Starts the page's trainer; resolves with its controller, or null if the engine could not load. The
 * engine first tells what a run can name (its catalog): the menus and the chapter's defaults come from it.
 */
export async function startTrainer(root) {
  // The engine started loading with the page (engine-start.js), while the page reads the catalog (a static
  // file) and draws itself.
  let spare = earlyEngine;
  let catalog;
  try {
    ({ catalog } = await spare.catalog());
  } catch (error) {
    spare.terminate();
    root.insertAdjacentHTML('beforeend', '<p class="message bad" role="alert"></p>');
    root.lastElementChild.textContent = t('status.engineFailed', { error: explain(error) });
    publish('error', { message: root.lastElementChild.textContent });
    return null;
  }
  const named = choices(catalog);
  renderTrainer(root, named.activations, named.norms);
  if (matchMedia('(max-width: 47.99rem)').matches) root.querySelector('.settings .fold').open = false;
  const chapter = root.dataset.chapter;
  const decoded = decode(location.hash, chapter, catalog);
  const state = decoded.state;
  const $ = (name) => root.querySelector(`[data-role="${name}"]`);
  let engine = null;
  let info = null; // set once the engine is ready: until then nothing may drive it
  let running = false;
  const panel = createSettingsPanel(root, state, catalog, named, () => restart());
  const view = createChartView(root, () => (info ? engine : null), chapter);

  // Embedding options stay in the hash when the settings are written back.
  const embed = embedOptions(location.search, location.hash);
  const embedding = embedSuffix(location.hash);
  const hashFor = () => encode(state, chapter, catalog) + embedding;
  /** Writes the state into the link (after a change that needs no restart); an embedding page hears of it. */
  const updateLink = () => {
    history.replaceState(null, '', hashFor());
    publish('state', { link: location.hash });
  };
  if (embed.embedded) enterEmbedMode(root, chapter, embed);
  else for (const name of embed.hide) root.querySelectorAll(`[data-control="${name}"]`).forEach((el) => { el.hidden = true; });
  let autoplay = embed.autoplay;
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

  function setRunning(value) {
    running = value;
    $('play').textContent = running ? t('controls.pause') : t('controls.play');
    $('play').setAttribute('aria-pressed', String(running));
  }

  /** A fresh engine for the state's configuration; keepView keeps the data chart's view (while drawing). */
  async function restart(keepView = false) {
    setRunning(false);
    const { notices } = decode(encode(state, chapter, catalog), chapter, catalog);
    updateLink();
    if (notices.length) showNotices(notices);
    const config = toConfig(state, chapter, catalog);
    const code = $('code');
    if (code) code.textContent = pytorchScript(config);
    if (engine) engine.terminate();
    info = null;
    setStatus(t('status.preparing'));
    const starting = spare && state.engine === firstChoice ? spare : createEngine({ engine: state.engine, workers });
    if (spare && spare !== starting) spare.terminate();
    spare = null;
    engine = starting;
    engine.on('progress', (m) => {
      view.progress(m);
      publish('progress', { step: m.step, total: m.total, metrics: m.metrics });
    });
    engine.on('done', async (m) => {
      setRunning(false);
      await view.done(m); // the message comes once the last state is drawn
      setStatus(t('status.finished', { steps: m.step }));
      publish('done', m);
    });
    engine.on('error', (m) => {
      setRunning(false);
      setStatus(m.step ? `${explain(m)}${lang === 'zh-CN' ? '。' : '.'}` : explain(m), true);
      publish('error', { message: m.message, step: m.step });
    });
    try {
      const ready = await starting.init(config);
      if (engine !== starting) return; // replaced by a newer restart while it started
      info = ready.info;
      starting.set('speed', state.speed);
      $('engine-used').textContent = ready.engine === 'wasm' ? 'WebAssembly' : 'JavaScript';
      $('engine-workers').textContent = ready.workers > 1 ? t(`status.workers.${ready.split}`, { n: ready.workers }) : '';
      await view.start(info, keepView);
      if (engine !== starting) return;
      setStatus(t('status.ready'));
      publish('ready', { engine: ready.engine, steps: info.steps, link: location.hash });
      if (autoplay) {
        autoplay = false; // once: a later restart (a new setting) waits for play
        togglePlay();
      }
    } catch (error) {
      if (engine === starting) {
        setStatus(explain(error), true);
        publish('error', { message: error.message });
      }
    }
  }

  function togglePlay() {
    if (!info) return;
    setRunning(!running);
    if (running) { engine.run(); setStatus(t('status.training')); } else { engine.pause(); setStatus(t('status.paused')); }
  }

  function step() {
    if (!info) return;
    setRunning(false);
    engine.step(1);
  }

  function reset() {
    if (!info) return;
    setRunning(false);
    engine.reset();
    setStatus(t('status.reset'));
    view.refresh(true);
  }

  function setLearningRate(lr) {
    state.lr = lr;
    updateLink();
    if (info) engine.set('lr', lr);
  }

  root.addEventListener('change', (event) => {
    const field = event.target.dataset.field;
    if (!field) return;
    showNotices([]); // the reader has changed a setting: what the link said about it is history
    panel.read();
    if (field === 'optimizer') {
      state.hp = {};
      panel.renderHyper();
    }
    if (field === 'loss') state.lossHp = {}; // another loss, other options
    if (field === 'norm') panel.renderNormHyper();
    if (field === 'sched') {
      state.schedHp = schedulerStart(state.sched, state);
      panel.renderSchedHyper();
    }
    panel.renderLossHyper(); // the dataset's task may have changed the loss in use
    if (field === 'lr') setLearningRate(state.lr); // changes the running run: no restart
    else restart();
  });
  $('play').addEventListener('click', togglePlay);
  $('step-button').addEventListener('click', step);
  $('reset').addEventListener('click', reset);
  $('reinit').addEventListener('click', () => {
    state.initSeed = Math.floor(Math.random() * 1e6);
    panel.fill();
    restart();
  });
  $('speed').addEventListener('input', () => {
    panel.readSpeed();
    updateLink();
    if (info) engine.set('speed', state.speed);
  });
  $('copy-code')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('code').textContent);
      setStatus(t('status.copied'));
    } catch (error) {
      getSelection().selectAllChildren($('code'));
      setStatus(t('status.copyManual'));
    }
  });
  wireFileExports(root, () => (info ? { engine, info } : null));
  listenForCommands({
    play: () => { if (!running) togglePlay(); },
    pause: () => { if (running) togglePlay(); },
    reset,
    set: applySetting,
  });

  /**
   * A setting from the embedding page (set('lr', 0.1), an attribute of the element): read as the link would
   * read it, then applied as its control would apply it — the learning rate and the speed change the running
   * run, anything else starts a new one. An invalid value changes nothing and is reported as an error.
   */
  function applySetting(key, value) {
    const params = new URLSearchParams(hashFor().slice(1));
    params.set(key, String(value));
    const next = decode(`#${params}`, chapter, catalog);
    if (next.notices.length) {
      showNotices(next.notices);
      publish('error', { message: next.notices.join(' ') });
      return;
    }
    if (key === 'lr') {
      setLearningRate(next.state.lr);
      panel.renderAll();
    } else if (key === 'speed') {
      state.speed = next.state.speed;
      panel.renderAll();
      updateLink();
      if (info) engine.set('speed', state.speed);
    } else {
      Object.assign(state, next.state);
      panel.renderAll();
      restart();
    }
  }
  // A link edited in the address bar (only its hash) opens its run, as a fresh load would.
  window.addEventListener('hashchange', () => {
    const next = decode(location.hash, chapter, catalog);
    Object.assign(state, next.state);
    panel.renderAll();
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
   * running run keeps running. keepView: the data chart keeps its view (while points are drawn on it).
   */
  async function setData(rows, classes, columns = [], { keepView = false, outputs = 1 } = {}) {
    const wasRunning = running;
    Object.assign(state, { dataset: 'custom', data: rows, classes, columns, outputs });
    panel.fill();
    if (rows.length < 2) {
      updateLink();
      if (engine) engine.terminate();
      engine = null;
      info = null;
      setRunning(false);
      view.showDataCount(rows.length, 0);
      setStatus(t('status.needPoints'));
      return;
    }
    await restart(keepView);
    if (wasRunning && info) togglePlay();
  }

  /** Every network starts from the weights in a file (say, saved by PyTorch); reset comes back to them. */
  async function startFrom(contents, name) {
    if (!info) return;
    setRunning(false);
    try {
      info = (await engine.startFrom(contents)).info;
      view.start(info, true);
      setStatus(t('status.startFrom', { name }));
    } catch (error) {
      setStatus(t('status.startFromFailed', { name, error: explain(error) }), true);
    }
  }

  panel.renderAll();
  restart();

  return { state, startFrom, setData, updateLink, charts: () => view.charts(), isClassification: () => isClassification(state, catalog),
    engine: () => engine, info: () => info };
}
