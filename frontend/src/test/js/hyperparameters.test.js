// An optimizer's settings on a page: PyTorch's defaults from the catalog, short numbers in links, and
// PyTorch's keyword arguments (flags as booleans, betas as a pair) for the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hyperDefaults, hyperFromKwargs, optimizerEntries, parseHyper, writeHyper } from '../../main/webapp/app/hyperparameters.js';

const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
const options = (name) => catalog.optimizers.find((o) => o.name === name).options;

test("every setting but the learning rate, at PyTorch's default, a pair as two numbers", () => {
  assert.deepEqual(hyperDefaults(options('Adam')), { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: 0 });
  assert.deepEqual(hyperDefaults(options('AdamW')).weight_decay, 0.01);
  assert.deepEqual(hyperDefaults(options('SGD')), { momentum: 0, dampening: 0, weight_decay: 0, nesterov: 0 });
});

test('the engine gets only what differs from the defaults, as PyTorch keywords', () => {
  assert.deepEqual(optimizerEntries(options('Adam'), {}), {});
  assert.deepEqual(optimizerEntries(options('Adam'), { beta2: 0.99, amsgrad: 1, eps: 1e-8 }), { betas: [0.9, 0.99], amsgrad: true });
  assert.deepEqual(optimizerEntries(options('SGD'), { momentum: 0.9, alpha: 0.5 }), { momentum: 0.9 }, 'a key SGD lacks is left out');
});

test('keyword arguments come back as the page wrote them', () => {
  const kwargs = { betas: [0.8, 0.999], weight_decay: 0.1, amsgrad: true };
  const hyper = hyperFromKwargs(options('AdamW'), { lr: 0.5, ...kwargs });
  assert.deepEqual(hyper, { beta1: 0.8, weight_decay: 0.1, amsgrad: 1 });
  assert.deepEqual(optimizerEntries(options('AdamW'), hyper), kwargs);
});

test('link text round-trips and malformed text is refused', () => {
  assert.deepEqual(parseHyper(writeHyper({ alpha: 0.9, eps: 1e-6 })), { alpha: 0.9, eps: 1e-6 });
  assert.equal(parseHyper('alpha:'), undefined);
  assert.equal(parseHyper('Alpha:1'), undefined);
});
