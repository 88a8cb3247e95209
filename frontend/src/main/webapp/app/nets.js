// Chapter 3: the same network written two ways, printed exactly as PyTorch prints them.
import { createEngine } from '../engine/nn-engine.js';

const engine = createEngine();
const fields = ['nFeature', 'nHidden', 'nOutput'];
const $ = (role) => document.querySelector(`[data-role=${role}]`);

function readSizes() {
  const params = new URLSearchParams(location.hash.slice(1));
  const sizes = { nFeature: 1, nHidden: 10, nOutput: 1 };
  for (const key of fields) {
    const v = Number(params.get(key));
    if (params.has(key) && Number.isInteger(v) && v >= 1 && v <= 256) sizes[key] = v;
  }
  return sizes;
}

async function show() {
  const sizes = {};
  for (const key of fields) sizes[key] = Number(document.querySelector(`[data-field=${key}]`).value);
  history.replaceState(null, '', '#' + new URLSearchParams({ v: '1', ...sizes }));
  try {
    const { answer } = await engine.nets({ ...sizes, seed: 1 });
    $('net').textContent = `net1 = Net(${sizes.nFeature}, ${sizes.nHidden}, ${sizes.nOutput})\nprint(net1)\n${answer.net}`;
    $('sequential').textContent = `net2 = torch.nn.Sequential(...)\nprint(net2)\n${answer.sequential}`;
    $('keys').textContent = `net1: ${answer.netKeys.join(', ')}\nnet2: ${answer.sequentialKeys.join(', ')}`;
    $('count').textContent = String(answer.parameters);
    $('difference').textContent = answer.maxDifference === 0 ? '0 (identical to the last bit)' : String(answer.maxDifference);
    $('message').textContent = '';
  } catch (error) {
    $('message').textContent = error.message;
  }
}

const initial = readSizes();
for (const key of fields) {
  const input = document.querySelector(`[data-field=${key}]`);
  input.value = String(initial[key]);
  input.addEventListener('change', show);
}
show();
