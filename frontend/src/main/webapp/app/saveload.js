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

const SECTION = `
    <section class="saveload" data-slot="extra" data-panel="files" aria-label="Save and load">
      <button type="button" data-role="save-checkpoint">Download checkpoint</button>
      <button type="button" data-role="save-state-dict">Download state dict</button>
      <div class="pytorch" role="group" aria-label="Files for PyTorch">For PyTorch:
        <button type="button" data-export="weights" data-format="pt">weights (.pt)</button>
        <button type="button" data-export="weights" data-format="safetensors">weights (.safetensors)</button>
      </div>
      <label class="drop" data-role="drop-zone">Load a checkpoint or state dict (.json, PyTorch .pt or .safetensors):
        drop it here or
        <input type="file" data-role="file" accept=".json,.pt,.pth,.safetensors,application/json"
          aria-label="Choose a checkpoint or state-dict file"></label>
      <button type="button" data-role="start-from" hidden>Train from these weights</button>
      <div class="server" data-role="server-panel" hidden>
        <label>Name <input type="text" data-role="model-name" maxlength="100" value="my network"></label>
        <button type="button" data-role="save-server">Save to server</button>
        <span data-role="server-result" role="status"></span> <code data-role="share-link"></code>
        <label>Saved models <select data-role="saved-models" aria-label="Models saved on the server"></select></label>
        <button type="button" data-role="open-saved" disabled>Open saved model</button>
        <button type="button" data-role="delete-saved" disabled>Delete</button>
        <p class="owner-key" data-role="owner-key" hidden></p>
        <details class="owner-key-entry"><summary>Use your owner key from another browser</summary>
          <input type="text" data-role="owner-key-input" aria-label="Owner key" placeholder="nnp_..." autocomplete="off" spellcheck="false">
          <button type="button" data-role="use-owner-key">Use this key</button>
          <span data-role="owner-key-result" role="status"></span>
        </details>
      </div>
      <p data-role="restore-result" role="status"></p>
      <details class="side-by-side" data-role="side-by-side" hidden>
        <summary>Point by point: the network and the loaded file</summary>
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
  $('restore-result').textContent = `Loading ${file.name}…`;
  if (file.size > 20_000_000) {
    $('restore-result').dataset.state = 'failed';
    $('restore-result').classList.add('bad');
    $('restore-result').textContent = `${file.name} is larger than 20 MB; nothing was loaded.`;
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
    result.textContent = `Loaded ${name} as a ${answer.kind}. Largest difference between its predictions and `
      + `the network's on all ${answer.predictions.length} points: ${answer.maxDifference}`
      + (answer.maxDifference === 0 ? ' — identical.' : '.');
    Object.assign(result.dataset, { state: 'loaded', kind: answer.kind, maxDifference: String(answer.maxDifference) });
    $('restored-printout').textContent = answer.printout;
    showSideBySide(answer);
  } catch (error) {
    result.classList.add('bad');
    result.textContent = `Could not load ${name}: ${error.message.replace(/\.+$/, '')}. The current network is unchanged.`;
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
  for (const name of ['point', inputWidth === 1 ? 'x' : 'inputs', 'network', 'loaded file', 'difference']) {
    names.appendChild(document.createElement('th')).textContent = name;
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
  line.replaceChildren(kept ? 'Your owner key, kept in this browser (copy it to list, change or delete your models in another one): '
    : 'This browser would not keep your owner key; copy it now, it is shown once: ');
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
    $('restore-result').textContent = (await response.json()).message;
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
      $('server-result').textContent = answer.message;
      return;
    }
    if (answer.ownerKey) showNewOwnerKey(answer.ownerKey);
    $('server-result').textContent = `Saved as "${answer.name}". Share it: `;
    $('share-link').textContent = shareLink(answer.id);
    await listModels();
  });
  $('open-saved').addEventListener('click', () => openSaved($('saved-models').value));
  $('use-owner-key').addEventListener('click', async () => {
    const used = rememberOwnerKey(localStorage, $('owner-key-input').value.trim());
    $('owner-key-result').textContent = used ? 'This browser now lists, changes and deletes the models saved with this key.'
      : 'That is not an owner key: it starts with nnp_ and has 47 characters.';
    if (used) await listModels();
  });
  $('delete-saved').addEventListener('click', async () => {
    const select = $('saved-models');
    const name = select.selectedOptions[0]?.textContent ?? '';
    const response = await fetch(`api/models/${encodeURIComponent(select.value)}`, { method: 'DELETE', headers: ownerHeaders(localStorage) });
    $('server-result').textContent = response.ok ? `Deleted ${name}.` : (await response.json()).message;
    $('share-link').textContent = '';
    await listModels();
  });
  await listModels();
  if (sharedModel) {
    // Let the run start first: the saved model is compared with it.
    const wait = () => new Promise((resolve) => setTimeout(resolve, 100));
    while (!document.querySelector('[data-role=message]').textContent.startsWith('Ready')) await wait();
    await openSaved(sharedModel);
  }
}

setUpServer();
