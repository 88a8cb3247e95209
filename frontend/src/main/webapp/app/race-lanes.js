// The optimizer race's lanes: a box per optimizer with a tick to race it and every setting of it, shown
// with PyTorch's defaults (the course's changes filled in). The state keeps them as lanes and lane<Label>.
import { t } from './i18n.js';
import { lanes, optimizerOptions } from './state.js';
import { renderHyperInputs } from './hyperparameters.js';

/** Renders the lanes into container (if the page has them); onChange() after the state changed. */
export function renderRaceLanes(container, state, catalog, onChange) {
  if (!container || !state.lanes) return;
  const runs = lanes(catalog);
  container.replaceChildren(...Object.keys(runs).map((label) => {
    const lane = document.createElement('fieldset');
    lane.className = 'lane';
    lane.dataset.laneBox = label;
    const legend = document.createElement('legend');
    const toggle = document.createElement('input');
    toggle.type = 'checkbox';
    toggle.dataset.lane = label;
    toggle.checked = state.lanes.includes(label);
    toggle.setAttribute('aria-label', t('race.lane', { label }));
    toggle.addEventListener('change', () => {
      const chosen = Object.keys(runs).filter((l) => (l === label ? toggle.checked : state.lanes.includes(l)));
      if (chosen.length === 0) {
        toggle.checked = true; // a race needs at least one runner
        return;
      }
      state.lanes = chosen;
      onChange();
    });
    // The lane's name once ("Momentum"); which optimizer it runs shows on hover.
    legend.append(toggle, ` ${label}`);
    legend.title = `torch.optim.${runs[label]}`;
    const inputs = document.createElement('span');
    inputs.className = 'hyper';
    renderHyperInputs(inputs, optimizerOptions(catalog, runs[label]), state[`lane${label}`] || {}, (next) => {
      state[`lane${label}`] = next;
      onChange();
    }, label);
    lane.append(legend, inputs);
    return lane;
  }));
}
