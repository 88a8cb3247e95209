// Chapter 4 and the playground: download the trained network as a checkpoint or a state dict (the
// playground's JSON, or PyTorch's .pt and .safetensors), load any of them back (file picker or drag and
// drop) to see that it predicts exactly what the network predicts, train from weights made in PyTorch,
// and, with a server behind the page, save the network there and share a link that opens it.
import { startTrainer } from './trainer.js';
import { ownDataPanel, rowLimit, wireOwnData } from './own-data.js';
import { serverPresent } from './server.js';
import { embedOptions } from './embed-bridge.js';
import { downloadData } from './download.js';
import { ownerHeaders, rememberOwnerKey } from './owner-key.js';
import { explain, t } from './i18n.js';
import { filePicker } from './file-picker.js';

/** What the engine calls a file it read ("checkpoint", "state dict", "PyTorch state dict (.pt)"), in the page's language. */
function kindName(kind) {
  if (kind === 'checkpoint') return t('saveload.kind.checkpoint');
  if (kind === 'state dict') return t('saveload.kind.stateDict');
  const format = /\((\.\w+)\)/.exec(kind)?.[1];
  return format ? t('saveload.kind.pytorch', { format }) : kind;
}

const SECTION = `
    <section class="saveload" data-slot="extra" data-panel="files" aria-label="${t('saveload.section')}">
      <button type="button" data-role="save-checkpoint">${t('saveload.checkpoint')}</button>
      <button type="button" data-role="save-state-dict">${t('saveload.stateDict')}</button>
      <div class="pytorch" role="group" aria-label="${t('saveload.pytorch.aria')}">${t('saveload.pytorch')}
        <button type="button" data-export="weights" data-format="pt">${t('saveload.weightsPt')}</button>
        <button type="button" data-export="weights" data-format="safetensors">${t('saveload.weightsSafetensors')}</button>
      </div>
      <label class="drop" data-role="drop-zone">${t('saveload.drop')}
        ${filePicker(`data-role="file" accept=".json,.pt,.pth,.safetensors,application/json" aria-label="${t('saveload.file.aria')}"`)}</label>
      <button type="button" data-role="start-from" hidden>${t('saveload.startFrom')}</button>
      <div class="server" data-role="server-panel" hidden>
        <label>${t('saveload.name')} <input type="text" data-role="model-name" maxlength="100" value="${t('saveload.defaultName')}"></label>
        <button type="button" data-role="save-server">${t('saveload.saveServer')}</button>
        <span data-role="server-result" role="status"></span> <code data-role="share-link"></code>
        <label>${t('saveload.saved')} <select data-role="saved-models" aria-label="${t('saveload.saved.aria')}"></select></label>
        <button type="button" data-role="open-saved" disabled>${t('saveload.open')}</button>
        <button type="button" data-role="delete-saved" disabled>${t('saveload.delete')}</button>
        <p class="owner-key" data-role="owner-key" hidden></p>
        <details class="owner-key-entry"><summary>${t('saveload.ownerKeyEntry')}</summary>
          <input type="text" data-role="owner-key-input" aria-label="${t('saveload.ownerKey.aria')}" placeholder="nnp_..." autocomplete="off" spellcheck="false">
          <button type="button" data-role="use-owner-key">${t('saveload.useKey')}</button>
          <span data-role="owner-key-result" role="status"></span>
        </details>
      </div>
      <p data-role="restore-result" role="status"></p>
      <details class="side-by-side" data-role="side-by-side" hidden>
        <summary>${t('saveload.sideBySide')}</summary>
        <div class="table-scroll"><table data-role="predictions"></table></div>
      </details>
      <pre data-role="restored-printout"></pre>
    </section>`;

// A shared link names a saved model (#...&model=ID); read it before the trainer rewrites the hash.
const sharedModel = new URLSearchParams(location.hash.slice(1)).get('model');
const root = document.querySelector('[data-chapter]');
root.insertAdjacentHTML('beforeend', SECTION);
if (root.dataset.chapter === 'playground') root.insertAdjacentHTML('beforeend', ownDataPanel(rowLimit(root)));
const trainer = await startTrainer(root);
if (trainer && root.dataset.chapter === 'playground') wireOwnData(root, trainer);
const $ = (role) => document.querySelector(`[data-role=${role}]`);

$('save-checkpoint').addEventListener('click', async () => {
  downloadData((await trainer.engine().export()).checkpoint, 'net.json', 'application/json');
});
$('save-state-dict').addEventListener('click', async () => {
  downloadData((await trainer.engine().exportStateDict()).stateDict, 'net_params.json', 'application/json');
});

let loadedWeights = null; // the last file that loaded as a state dict: the network can train from it

async function restore(file) {
  $('restore-result').dataset.state = 'loading';
  $('restore-result').textContent = t('saveload.loading', { name: file.name });
  if (file.size > 20_000_000) {
    $('restore-result').dataset.state = 'failed';
    $('restore-result').classList.add('bad');
    $('restore-result').textContent = t('saveload.tooLarge', { name: file.name });
    return;
  }
  await restoreFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

/**
 * Loads a file beside the network and says what it is and how far its predictions are from the network's.
 * The result's data-state goes loading → loaded or failed, and its figures keep their exact values
 * (data-kind, data-max-difference; the table's data-value), so what it shows can be checked to the digit.
 */
async function restoreFile(name, contents) {
  const result = $('restore-result');
  result.classList.remove('bad');
  loadedWeights = null;
  $('start-from').hidden = true;
  try {
    const answer = await trainer.engine().restore(contents);
    if (answer.kind !== 'checkpoint') {
      loadedWeights = { name, contents };
      $('start-from').hidden = false;
    }
    result.textContent = t('saveload.loaded', { name, kind: kindName(answer.kind), n: answer.predictions.length,
      difference: answer.maxDifference }) + (answer.maxDifference === 0 ? t('saveload.identical') : t('saveload.end'));
    Object.assign(result.dataset, { state: 'loaded', kind: answer.kind, maxDifference: String(answer.maxDifference) });
    $('restored-printout').textContent = answer.printout;
    showSideBySide(answer);
  } catch (error) {
    result.classList.add('bad');
    // The sentence's own full stop follows: none of the error's (PyTorch's state-dict errors end in ". ").
    result.textContent = t('saveload.loadFailed', { name, error: explain(error).replace(/[.。\s]+$/, '') });
    Object.assign(result.dataset, { state: 'failed', kind: '', maxDifference: '' });
    $('side-by-side').hidden = true;
    $('restored-printout').textContent = '';
  }
}

/** Every point's inputs and the two networks' outputs, side by side. */
function showSideBySide({ inputWidth, inputs, networkPredictions, predictions }) {
  const points = inputs.length / inputWidth;
  const outputs = predictions.length / points;
  const table = $('predictions');
  const head = table.createTHead();
  head.replaceChildren();
  const names = head.insertRow();
  for (const name of ['point', inputWidth === 1 ? 'x' : 'inputs', 'network', 'file', 'difference']) {
    names.appendChild(document.createElement('th')).textContent = t(`saveload.col.${name}`);
  }
  const body = table.tBodies[0] || table.createTBody();
  const cell = (row, values) => {
    const td = row.insertCell();
    td.textContent = values.map((v) => (v === null ? '—' : Number(v.toPrecision(6)))).join(', ');
    td.dataset.value = values.join(',');
    return td;
  };
  body.replaceChildren(...Array.from({ length: points }, (_, i) => {
    const row = document.createElement('tr');
    row.insertCell().textContent = String(i + 1);
    cell(row, inputs.slice(i * inputWidth, (i + 1) * inputWidth));
    const mine = networkPredictions.slice(i * outputs, (i + 1) * outputs);
    const theirs = predictions.slice(i * outputs, (i + 1) * outputs);
    cell(row, mine).dataset.role = 'network-prediction';
    cell(row, theirs).dataset.role = 'file-prediction';
    cell(row, [Math.max(...mine.map((v, j) => Math.abs(v - theirs[j])))]);
    return row;
  }));
  $('side-by-side').hidden = false;
}

$('start-from').addEventListener('click', async () => {
  if (!loadedWeights) return;
  await trainer.startFrom(loadedWeights.contents, loadedWeights.name);
  $('start-from').hidden = true;
});

$('file').addEventListener('change', (event) => {
  const file = event.target.files[0];
  event.target.value = ''; // so choosing the same file again loads it again
  if (file) restore(file);
});
const zone = $('drop-zone');
zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  if (event.dataTransfer.files[0]) restore(event.dataTransfer.files[0]);
});

// With a server behind the page: save the trained network there, list the ones this browser saved (its owner
// key), open a shared link, and delete one's own.
async function listModels() {
  const select = $('saved-models');
  const models = await (await fetch('api/models', { headers: ownerHeaders(localStorage) })).json();
  select.replaceChildren(...models.map((m) => new Option(`${m.name} (${new Date(m.createdAt).toLocaleString()})`, m.id)));
  $('open-saved').disabled = models.length === 0;
  $('delete-saved').disabled = models.length === 0;
  select.dataset.state = 'listed';
}

/** A key the server just issued: kept in this browser, and shown once so it can be copied to another. */
function showNewOwnerKey(key) {
  const kept = rememberOwnerKey(localStorage, key);
  const line = $('owner-key');
  line.hidden = false;
  line.replaceChildren(kept ? t('saveload.keyKept') : t('saveload.keyNotKept'));
  const code = document.createElement('code');
  code.textContent = key;
  line.append(code);
}

/** The page's own link (its settings) plus the saved model, so the link reopens both. */
function shareLink(id) {
  const params = new URLSearchParams(location.hash.slice(1));
  params.set('v', '1');
  params.set('model', id);
  return `${location.origin}${location.pathname}#${params}`;
}

async function openSaved(id) {
  const response = await fetch(`api/models/${encodeURIComponent(id)}`);
  if (!response.ok) {
    $('restore-result').classList.add('bad');
    $('restore-result').dataset.state = 'failed';
    $('restore-result').textContent = explain(await response.json());
    return;
  }
  await restoreFile(`saved model ${id}`, await response.text());
  $('share-link').textContent = shareLink(id);
}

async function setUpServer() {
  // The embedded view, which other sites may frame, offers nothing that writes to the server (see WriteGuard.java).
  if (embedOptions(location.search, location.hash).embedded || !(await serverPresent())) return;
  $('server-panel').hidden = false;
  $('save-server').addEventListener('click', async () => {
    const checkpoint = JSON.parse((await trainer.engine().export()).checkpoint);
    const name = $('model-name').value.trim() || 'my network';
    const response = await fetch('api/models', { method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ownerHeaders(localStorage) }, body: JSON.stringify({ name, checkpoint }) });
    const answer = await response.json();
    if (!response.ok) {
      $('server-result').textContent = explain(answer);
      return;
    }
    if (answer.ownerKey) showNewOwnerKey(answer.ownerKey);
    $('server-result').textContent = t('saveload.savedAs', { name: answer.name });
    $('share-link').textContent = shareLink(answer.id);
    await listModels();
  });
  $('open-saved').addEventListener('click', () => openSaved($('saved-models').value));
  $('use-owner-key').addEventListener('click', async () => {
    const used = rememberOwnerKey(localStorage, $('owner-key-input').value.trim());
    $('owner-key-result').textContent = used ? t('saveload.keyUsed') : t('saveload.keyBad');
    if (used) await listModels();
  });
  $('delete-saved').addEventListener('click', async () => {
    const select = $('saved-models');
    const name = select.selectedOptions[0]?.textContent ?? '';
    const response = await fetch(`api/models/${encodeURIComponent(select.value)}`, { method: 'DELETE', headers: ownerHeaders(localStorage) });
    $('server-result').textContent = response.ok ? t('saveload.deleted', { name }) : explain(await response.json());
    $('share-link').textContent = '';
    await listModels();
  });
  await listModels();
  if (sharedModel) {
    // Let the run start first: the saved model is compared with it.
    const wait = () => new Promise((resolve) => setTimeout(resolve, 100));
    while (document.querySelector('[data-role=message]').textContent !== t('status.ready')) await wait();
    await openSaved(sharedModel);
  }
}

setUpServer();
