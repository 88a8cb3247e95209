// An optimizer's settings on a page: PyTorch's defaults from the catalog, short numbers in links, and
// PyTorch's keyword arguments (flags as booleans, betas as a pair) for the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hyperDefaults, hyperFromKwargs, keywordEntries, parseHyper, writeHyper } from '../../main/webapp/app/hyperparameters.js';

const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
const options = (name) => catalog.optimizers.find((o) => o.name === name).options;

test("every setting but the learning rate, at PyTorch's default, a pair as two numbers", () => {
  assert.deepEqual(hyperDefaults(options('Adam')), { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: 0, maximize: 0 });
  assert.deepEqual(hyperDefaults(options('AdamW')).weight_decay, 0.01);
  assert.deepEqual(hyperDefaults(options('SGD')), { momentum: 0, dampening: 0, weight_decay: 0, nesterov: 0, maximize: 0 });
  assert.deepEqual(hyperDefaults(options('Rprop')), { eta1: 0.5, eta2: 1.2, step_size1: 1e-6, step_size2: 50, maximize: 0 });
});

test('the engine gets only what differs from the defaults, as PyTorch keywords', () => {
  assert.deepEqual(keywordEntries(options('Adam'), {}), {});
  assert.deepEqual(keywordEntries(options('Adam'), { beta2: 0.99, amsgrad: 1, eps: 1e-8 }), { betas: [0.9, 0.99], amsgrad: true });
  assert.deepEqual(keywordEntries(options('SGD'), { momentum: 0.9, alpha: 0.5 }), { momentum: 0.9 }, 'a key SGD lacks is left out');
});

test('keyword arguments come back as the page wrote them', () => {
  const kwargs = { betas: [0.8, 0.999], weight_decay: 0.1, amsgrad: true };
  const hyper = hyperFromKwargs(options('AdamW'), { lr: 0.5, ...kwargs });
  assert.deepEqual(hyper, { beta1: 0.8, weight_decay: 0.1, amsgrad: 1 });
  assert.deepEqual(keywordEntries(options('AdamW'), hyper), kwargs);
});

test('link text round-trips and malformed text is refused', () => {
  assert.deepEqual(parseHyper(writeHyper({ alpha: 0.9, eps: 1e-6 })), { alpha: 0.9, eps: 1e-6 });
  assert.equal(parseHyper('alpha:'), undefined);
  assert.equal(parseHyper('al-pha:1'), undefined);
  assert.deepEqual(parseHyper('T_max:5'), { T_max: 5 }, "PyTorch's own capital (CosineAnnealingLR's T_max)");
});

const lossOptions = (name) => catalog.losses.find((o) => o.name === name).options;

test("a loss's settings: its reduction a word, a class weight a list, PyTorch's None an empty list", () => {
  assert.deepEqual(hyperDefaults(lossOptions('CrossEntropyLoss')), { reduction: 'mean', weight: [], label_smoothing: 0 });
  assert.deepEqual(keywordEntries(lossOptions('CrossEntropyLoss'), { reduction: 'mean', weight: [] }), {});
  assert.deepEqual(keywordEntries(lossOptions('CrossEntropyLoss'), { reduction: 'sum', weight: [1, 2.5], label_smoothing: 0.1 }),
    { reduction: 'sum', weight: [1, 2.5], label_smoothing: 0.1 });
  // A link holds a list of one as a number: the option's kind makes it a list again.
  assert.deepEqual(keywordEntries(lossOptions('BCEWithLogitsLoss'), parseHyper('pos_weight:3')), { pos_weight: [3] });
  assert.deepEqual(hyperFromKwargs(lossOptions('HuberLoss'), { delta: 0.5, reduction: 'mean' }), { delta: 0.5 });
});

test('words and lists survive the link', () => {
  const hyper = { reduction: 'sum', weight: [1, 2.5, 0.25], delta: 0.5 };
  assert.equal(writeHyper(hyper), 'reduction:sum,weight:1_2.5_0.25,delta:0.5');
  assert.deepEqual(parseHyper(writeHyper(hyper)), hyper);
  assert.equal(parseHyper('weight:1__2'), undefined);
  assert.equal(parseHyper('reduction:Sum'), undefined);
});
