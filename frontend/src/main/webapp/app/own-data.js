// The playground's "your own data": paste or upload CSV (checked by the core's strict reader, with a
// preview of what each column became), draw points on the chart by clicking (click a point again to
// remove it), and download the current dataset as CSV. Small datasets travel in the link.
import { MAX_URL_POINTS } from './state.js';
import { serverPresent } from './server.js';
import { embedOptions } from './embed-bridge.js';
import { downloadData } from './download.js';
import { isPictured } from './prediction-points.js';
import { explain, t, tn } from './i18n.js';
import { filePicker } from './file-picker.js';

const DEFAULT_MAX_ROWS = 5000;

/** The panel's markup; an embedding page may lower the row limit with data-max-rows on the trainer element. */
export const ownDataPanel = (maxRows = DEFAULT_MAX_ROWS) => `
  <details class="own-data" data-slot="extra" data-role="own-data" data-panel="data">
    <summary>${t('data.summary')}</summary>
    <p class="hint">${t('data.hint', { rows: `<span data-role="max-rows">${maxRows}</span>` })}</p>
    <label>${t('data.paste')} <textarea data-role="csv-text" rows="5" spellcheck="false"></textarea></label>
    <label>${t('data.file')} ${filePicker('data-role="csv-file" accept=".csv,.txt,text/csv,text/plain"')}</label>
    <label>${t('data.targets')} <input type="number" data-role="csv-targets" min="0" max="31" value="0"
      title="${t('data.targets.title')}"></label>
    <button type="button" data-role="csv-check">${t('data.check')}</button>
    <button type="button" data-role="csv-use" disabled>${t('data.use')}</button>
    <p data-role="csv-message" role="alert"></p>
    <div data-role="csv-preview"></div>
    <fieldset class="draw">
      <legend>${t('data.draw')}</legend>
      <label><input type="checkbox" data-role="draw-on"> ${t('data.drawOn')}</label>
      <label>${t('data.drawClass')} <select data-role="draw-class" aria-label="${t('data.drawClass.aria')}"></select></label>
      <span data-role="draw-hint">${t('data.drawHint')}</span>
      <button type="button" data-role="draw-clear">${t('data.clear')}</button>
    </fieldset>
    <button type="button" data-role="csv-download">${t('data.download')}</button>
    <p data-role="share-note"></p>
  </details>`;

/** Wires the panel (already in the page, see ownDataPanel) to a started trainer. */
export function wireOwnData(root, trainer) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const maxRows = rowLimit(root);
  let parsed = null;

  const classSelect = $('draw-class');
  /** The classes a drawn point can take: the data's own (by name), and one new class while there are fewer than ten. */
  function fillClassChoices() {
    const names = trainer.state.dataset === 'custom' && trainer.state.classes.length ? trainer.state.classes
      : trainer.info()?.classes || ['0', '1'];
    const chosen = classSelect.value || '0';
    const count = Math.min(10, names.length + 1);
    classSelect.replaceChildren(...Array.from({ length: count }, (_, k) => new Option(
      k < names.length ? t('chart.class', { k }) + (names[k] === String(k) ? '' : ` (${names[k]})`) : t('data.newClass', { k }),
      String(k))));
    classSelect.value = Number(chosen) < count ? chosen : '0';
  }
  fillClassChoices();

  /** The reader's answer; data-state says whether the data was read (read) or refused (refused). */
  function message(text, bad) {
    $('csv-message').textContent = text;
    $('csv-message').classList.toggle('bad', Boolean(bad));
    $('csv-message').dataset.state = bad ? 'refused' : 'read';
  }

  function preview(data) {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const name of data.columns) head.insertCell().textContent = name;
    const width = data.features;
    const outputs = data.outputs;
    const body = table.createTBody();
    for (let r = 0; r < Math.min(8, data.rows); r++) {
      const row = body.insertRow();
      for (let c = 0; c < width; c++) row.insertCell().textContent = String(data.inputs[r * width + c]);
      if (data.classes) row.insertCell().textContent = `${data.classes[data.targets[r]]} → ${data.targets[r]}`;
      else for (let c = 0; c < outputs; c++) row.insertCell().textContent = String(data.targets[r * outputs + c]);
    }
    const roles = document.createElement('ul');
    for (const role of columnRoles(data)) roles.appendChild(document.createElement('li')).textContent = role;
    $('csv-preview').replaceChildren(roles, table);
  }

  async function check(text) {
    parsed = null;
    $('csv-message').dataset.state = 'reading';
    $('csv-use').disabled = true;
    $('csv-preview').replaceChildren();
    try {
      const data = await trainer.engine().readCsv(text, maxRows, Number($('csv-targets').value) || 0);
      parsed = data;
      preview(data);
      const inputs = tn('network.inputs', data.features);
      message(t(data.header ? 'data.readHeader' : 'data.read', { rows: data.rows, task: data.classes
        ? t('data.classification', { inputs, classes: data.classes.length })
        : t('data.regression', { inputs, targets: tn('data.targetCount', data.outputs) }) }));
      $('csv-use').disabled = false;
    } catch (error) {
      message(t('data.refused', { error: explain(error) }), true);
    }
  }

  /** A read CSV as rows: its inputs, then its targets (or class). */
  function toRows(data) {
    return rowsOf(data.inputs, data.targets, data.features, data.outputs);
  }

  async function use(rows, classes, columns, drawn = false, outputs = 1) {
    trainer.state.dataId = '';
    await trainer.setData(rows, classes, columns ?? (trainer.state.dataset === 'custom' ? trainer.state.columns : []),
      { keepView: drawn, outputs });
    // The embedded view never writes to the server (see WriteGuard.java): there a large dataset stays out of the link.
    if (rows.length > MAX_URL_POINTS && !embedOptions(location.search, location.hash).embedded && (await serverPresent())) {
      await store();
    }
    shareNote();
    fillClassChoices();
  }

  /** Keeps a dataset too large for the link on the server, and names it in the link. */
  async function store() {
    try {
      const { csv } = await trainer.engine().dataCsv();
      const targets = trainer.state.classes.length ? 0 : trainer.state.outputs || 1;
      const response = await fetch(`api/datasets?targets=${targets}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv });
      const answer = await response.json();
      if (!response.ok) throw answer; // the server's JSON error: explain() says it in the page's language
      trainer.state.dataId = answer.id;
      trainer.updateLink();
    } catch (error) {
      message(t('data.notKept', { error: explain(error) }), true);
    }
  }

  /** A link naming a stored dataset: fetch it from the server and train on it. */
  async function openStored(id) {
    try {
      const response = await fetch(`api/datasets/${encodeURIComponent(id)}`);
      if (!response.ok) throw await response.json();
      // Read as it was kept: a regression's targets as the link counts them, a classification's label last.
      const targets = trainer.state.classes.length ? 0 : trainer.state.outputs || 1;
      const data = await trainer.engine().readCsv(await response.text(), maxRows, targets);
      await trainer.setData(toRows(data), data.classes || [], data.header ? data.columns : [], { outputs: data.outputs });
      trainer.state.dataId = id;
      trainer.updateLink();
      shareNote();
    } catch (error) {
      trainer.state.dataId = '';
      trainer.updateLink();
      message(t('data.notOpened', { error: explain(error) }), true);
    }
  }

  function shareNote() {
    const n = trainer.state.data.length;
    $('share-note').textContent = trainer.state.dataset !== 'custom' ? ''
      : n <= MAX_URL_POINTS ? t('data.inLink', { n })
        : trainer.state.dataId ? t('data.onServer', { n }) : t('data.notInLink', { n, limit: MAX_URL_POINTS });
  }

  $('csv-check').addEventListener('click', () => check($('csv-text').value));
  $('csv-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = ''; // so choosing the same file again reads it again
    if (!file) return;
    $('csv-message').dataset.state = 'reading';
    if (file.size > 1_000_000) {
      message(t('data.tooLarge', { name: file.name }), true);
      return;
    }
    await check(await file.text());
  });
  $('csv-use').addEventListener('click', () => {
    if (parsed) use(toRows(parsed), parsed.classes || [], parsed.header ? parsed.columns : [], false, parsed.outputs);
  });

  $('csv-download').addEventListener('click', async () => {
    const { csv } = await trainer.engine().dataCsv();
    downloadData(csv, 'nn-playground-data.csv', 'text/csv');
  });

  // Drawing: the first click on a built-in dataset takes its points over as your own.
  function currentRows() {
    if (trainer.state.dataset === 'custom') return trainer.state.data.map((row) => row.slice());
    const info = trainer.info();
    return info ? rowsOf(info.inputs, info.targets, info.features) : [];
  }

  // The task drawing adds to: the current dataset's, kept while the points are cleared.
  let drawingClasses = trainer.isClassification();
  /** Follows the current dataset's task, unless the points were just cleared. */
  function followDataset() {
    if (trainer.state.dataset !== 'custom' || trainer.state.data.length) drawingClasses = trainer.isClassification();
  }
  function showDrawingTask() {
    followDataset();
    classSelect.disabled = !drawingClasses;
    $('draw-hint').hidden = drawingClasses;
    fillClassChoices();
  }
  $('draw-clear').addEventListener('click', () => use([], trainer.state.classes, undefined, true));
  $('draw-on').addEventListener('change', showDrawingTask);
  root.querySelector('[data-role="data-chart"]').addEventListener('click', (event) => {
    if (!$('draw-on').checked) return;
    if (trainer.info() && !isPictured(trainer.info())) return; // predictions against targets take no points
    followDataset();
    const chart = trainer.charts()?.data;
    if (!chart) return;
    const box = chart.canvas.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const area = chart.chartArea;
    if (px < area.left || px > area.right || py < area.top || py > area.bottom) return;
    const classification = drawingClasses;
    let rows = currentRows();
    const near = rows.findIndex((row) => {
      const x = chart.scales.x.getPixelForValue(row[0]);
      const y = chart.scales.y.getPixelForValue(row[1]);
      return Math.hypot(x - px, y - py) <= 6;
    });
    if (near >= 0) {
      rows.splice(near, 1);
    } else {
      const x = round(chart.scales.x.getValueForPixel(px));
      const y = round(chart.scales.y.getValueForPixel(py));
      rows = [...rows, classification ? [x, y, Number(classSelect.value)] : [x, y]];
    }
    const classes = classification ? classNames(rows) : [];
    use(rows, classes, undefined, true);
  });

  function classNames(rows) {
    const current = trainer.state.dataset === 'custom' ? trainer.state.classes : [];
    const used = Math.max(1, ...rows.map((r) => r[2])) + 1;
    return Array.from({ length: Math.max(2, used, current.length) }, (_, k) => current[k] ?? String(k));
  }

  shareNote();
  if (trainer.state.dataId) openStored(trainer.state.dataId);
  return { check };
}

/** What each column became, in the page's language: "x1: input", "label: 3 classes (a = 0, b = 1, c = 2)". */
export function columnRoles(data) {
  const inputs = data.columns.slice(0, data.features).map((column) => t('data.role.input', { column }));
  if (data.classes) {
    const mapping = data.classes.map((name, k) => `${name} = ${k}`).join(', ');
    return [...inputs, t('data.role.classes', { column: data.columns[data.features], n: data.classes.length, mapping })];
  }
  return [...inputs, ...data.columns.slice(data.features).map((column) => t('data.role.target', { column }))];
}

/** Rows as the state keeps them, [x, y], [x1, x2, class] or wider, from flat inputs and targets (`outputs` a row). */
function rowsOf(inputs, targets, width, outputs = 1) {
  return Array.from({ length: targets.length / outputs }, (_, r) => [...inputs.slice(r * width, r * width + width),
    ...targets.slice(r * outputs, r * outputs + outputs)]);
}

/** The page's row limit: data-max-rows on the trainer element, else 5,000. */
export function rowLimit(root) {
  const asked = Number(root.dataset.maxRows);
  return Number.isInteger(asked) && asked >= 2 && asked <= DEFAULT_MAX_ROWS ? asked : DEFAULT_MAX_ROWS;
}

/** Drawn coordinates to three decimals: short in the link, and far finer than a click. */
function round(value) {
  return Math.round(value * 1000) / 1000;
}
