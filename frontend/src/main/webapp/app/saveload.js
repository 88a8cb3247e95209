// Chapter 4: download the trained network as a checkpoint or a state dict, and load either back (file
// picker or drag and drop) to see that it predicts exactly what the network predicts.
import { startTrainer } from './trainer.js';

const trainer = startTrainer(document.querySelector('[data-chapter]'));
window.nnTrainer = trainer;
const $ = (role) => document.querySelector(`[data-role=${role}]`);

function download(text, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

$('save-checkpoint').addEventListener('click', async () => {
  download((await trainer.engine().export()).checkpoint, 'net.json');
});
$('save-state-dict').addEventListener('click', async () => {
  download((await trainer.engine().exportStateDict()).stateDict, 'net_params.json');
});

async function restore(file) {
  const result = $('restore-result');
  result.classList.remove('bad');
  if (file.size > 20_000_000) {
    result.classList.add('bad');
    result.textContent = `${file.name} is larger than 20 MB; nothing was loaded.`;
    return;
  }
  try {
    const answer = await trainer.engine().restore(await file.text());
    result.textContent = `Loaded ${file.name} as a ${answer.kind}. Largest difference between its predictions and `
      + `the network's on all ${answer.predictions.length} points: ${answer.maxDifference}`
      + (answer.maxDifference === 0 ? ' — identical.' : '.');
    $('restored-printout').textContent = answer.printout;
    window.restoreResult = answer;
  } catch (error) {
    result.classList.add('bad');
    result.textContent = `Could not load ${file.name}: ${error.message}. The current network is unchanged.`;
    window.restoreResult = { error: error.message };
  }
}

$('file').addEventListener('change', (event) => { if (event.target.files[0]) restore(event.target.files[0]); });
const zone = $('drop-zone');
zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  if (event.dataTransfer.files[0]) restore(event.dataTransfer.files[0]);
});
