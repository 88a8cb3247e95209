// The settings form and the page's state, kept in step: the form shows the state (menus from the catalog),
// and an edit reads back into it. The current optimizer's options (the playground) and the race's lanes are
// forms of their own, rebuilt when what they describe changes.
import { lossFor, lossOptions, normOptions, optimizerOptions, schedulerOptions } from './state.js';
import { renderHyperInputs } from './hyperparameters.js';
import { renderRaceLanes } from './race-lanes.js';
import { SPEEDS, speedLabel } from './speed.js';
import { choiceLabel } from './i18n.js';

/** A menu of `choices`, each shown in the page's language where it is a word (a dataset, "auto"), else as named. */
function fillSelect(select, choices) {
  if (!select || [...select.options].map((o) => o.value).join() === choices.join()) return;
  select.replaceChildren(...choices.map((choice) => new Option(choiceLabel(choice), choice)));
}

/** The panel of `root` over `state`; onEdit() runs after an optimizer-option or lane edit changed the state. */
export function createSettingsPanel(root, state, catalog, named, onEdit) {
  const $ = (name) => root.querySelector(`[data-role="${name}"]`);

  /** Shows the state in every field. */
  function fill() {
    // Your own points are a dataset only where the page takes them (the playground) and only once there are some.
    fillSelect($('dataset'), named.datasets.filter((name) => name !== 'custom' || state.data?.length >= 2));
    fillSelect($('optimizer'), named.optimizers);
    fillSelect($('loss-choice'), named.losses);
    fillSelect($('sched-choice'), named.schedulers);
    for (const input of root.querySelectorAll('[data-field]')) {
      const key = input.dataset.field;
      if (state[key] === undefined) continue; // a setting this page does not have
      if (input.type === 'checkbox') input.checked = state[key] !== 0;
      else input.value = key === 'layers' ? state.layers.join('-') : String(state[key]);
    }
    showSliderValues();
    $('speed').value = String(SPEEDS.indexOf(state.speed));
    $('speed-value').textContent = speedLabel(state.speed);
  }

  /** A slider's value beside it: the share as a percentage for the test split. */
  function showSliderValues() {
    for (const output of root.querySelectorAll('output[data-for]')) {
      const input = root.querySelector(`[data-field="${output.dataset.for}"]`);
      const value = Number(input.value);
      output.textContent = output.dataset.for === 'test' ? `${Math.round(value * 100)} %` : String(value);
    }
  }
  root.addEventListener('input', (event) => {
    if (event.target.type === 'range' && event.target.dataset.field) showSliderValues();
  });

  /** Reads every field back into the state. */
  function read() {
    for (const input of root.querySelectorAll('[data-field]')) {
      const key = input.dataset.field;
      if (state[key] === undefined) continue;
      if (input.type === 'checkbox') state[key] = input.checked ? 1 : 0;
      else if (key === 'layers') state.layers = input.value.trim() === '' ? [] : input.value.split(/[-,\s]+/).map(Number);
      else if (typeof state[key] === 'number') state[key] = Number(input.value);
      else state[key] = input.value;
    }
  }

  /** The speed notch the slider is on, shown beside it. */
  function readSpeed() {
    state.speed = SPEEDS[Number($('speed').value)];
    $('speed-value').textContent = speedLabel(state.speed);
  }

  /** The current optimizer's own hyperparameters, where the page shows them (the playground). */
  function renderHyper() {
    const container = $('hyper');
    if (!container) return;
    renderHyperInputs(container, optimizerOptions(catalog, state.optimizer), state.hp, (next) => {
      state.hp = next;
      onEdit();
    }, state.optimizer);
  }

  /** The loss's own options, for the loss the run will use (the chosen one, or the dataset's natural one). */
  function renderLossHyper() {
    const container = $('loss-hyper');
    if (!container) return;
    const name = lossFor(state, catalog);
    renderHyperInputs(container, lossOptions(catalog, name), state.lossHp || {}, (next) => {
      state.lossHp = next;
      onEdit();
    }, name);
  }

  /** The scheduler's own options (the playground), none without a scheduler. */
  function renderSchedHyper() {
    const container = $('sched-hyper');
    if (!container) return;
    renderHyperInputs(container, schedulerOptions(catalog, state.sched), state.schedHp || {}, (next) => {
      state.schedHp = next;
      onEdit();
    }, state.sched);
  }

  /** The options of the normalisations the layers use (the playground), none without one. */
  function renderNormHyper() {
    const container = $('norm-hyper');
    if (!container) return;
    renderHyperInputs(container, normOptions(catalog, state.norm), state.normHp || {}, (next) => {
      state.normHp = next;
      onEdit();
    }, 'normalisation');
  }

  /** The race's lanes (only the race has them). */
  function renderLanes() {
    renderRaceLanes($('lanes'), state, catalog, () => {
      renderLanes();
      onEdit();
    });
  }

  /** The input features as ticks (the playground); at least one stays ticked. */
  function renderFeatures() {
    const container = $('input-features');
    if (!container || !state.inputFeatures) return;
    container.replaceChildren(...catalog.inputFeatures.map((name) => {
      const label = document.createElement('label');
      const tick = document.createElement('input');
      tick.type = 'checkbox';
      tick.dataset.feature = name;
      tick.checked = state.inputFeatures.includes(name);
      tick.addEventListener('change', () => {
        const chosen = catalog.inputFeatures.filter((n) => (n === name ? tick.checked : state.inputFeatures.includes(n)));
        if (chosen.length === 0) {
          tick.checked = true; // the first layer needs an input
          return;
        }
        state.inputFeatures = chosen;
        onEdit();
      });
      label.append(tick, ` ${name.replace(/\^2/g, '²')}`);
      return label;
    }));
  }

  /** Every part of the form, after the state changed as a whole (a new link). */
  function renderAll() {
    fill();
    renderHyper();
    renderLossHyper();
    renderSchedHyper();
    renderNormHyper();
    renderLanes();
    renderFeatures();
  }

  return { fill, read, readSpeed, renderHyper, renderLossHyper, renderSchedHyper, renderNormHyper, renderAll };
}
