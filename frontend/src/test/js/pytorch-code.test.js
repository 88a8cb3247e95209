// The generated PyTorch script says what the configuration says, in PyTorch's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pytorchScript } from '../../main/webapp/app/pytorch-code.js';

const regression = (layers, optimizers) => ({
  dataset: { name: 'parabola', n: 100, noise: 0.2, seed: 1 }, layers, loss: 'MSELoss', optimizers,
  batchSize: 0, steps: 200, initSeed: 1, shuffleSeed: 1,
});

test('an optimizer without a learning rate keeps PyTorch default instead of lr=undefined', () => {
  const script = pytorchScript(regression([{ units: 10, activation: 'ReLU' }], [{ name: 'Adam', label: 'Adam' }]));
  assert.doesNotMatch(script, /undefined/);
  assert.match(script, /torch\.optim\.Adam\(net\.parameters\(\)\)/);
});

test('optimizer keywords are written as Python: betas a tuple, flags True/False', () => {
  const script = pytorchScript(regression([{ units: 4, activation: 'ReLU' }],
    [{ name: 'Adam', label: 'Adam', lr: 0.01, betas: [0.9, 0.99], amsgrad: true }]));
  assert.match(script, /torch\.optim\.Adam\(net\.parameters\(\), lr=0\.01, betas=\(0\.9, 0\.99\), amsgrad=True\)/);
});

test('layer options reach both the module and the functional form', () => {
  const script = pytorchScript(regression(
    [{ units: 3, activation: 'LeakyReLU', negative_slope: 0.2, bias: false }, { units: 3, activation: 'GELU', approximate: 'tanh' }],
    [{ name: 'SGD', label: 'SGD', lr: 0.1 }]));
  assert.match(script, /torch\.nn\.Linear\(1, 3, bias=False\)/);
  assert.match(script, /torch\.nn\.LeakyReLU\(negative_slope=0\.2\)/);
  assert.match(script, /F\.leaky_relu\(self\.hidden1\(x\), negative_slope=0\.2\)/);
  assert.match(script, /torch\.nn\.GELU\(approximate='tanh'\)/);
  assert.match(script, /F\.gelu\(self\.hidden2\(x\), approximate='tanh'\)/);
});

test('the newer activations are written in their functional form, with their options', () => {
  const script = pytorchScript(regression([{ units: 3, activation: 'SiLU' },
    { units: 3, activation: 'Hardtanh', min_val: -2.5, max_val: 0.5 }, { units: 3, activation: 'CELU', alpha: 0.7 }],
  [{ name: 'SGD', label: 'SGD', lr: 0.1 }]));
  assert.match(script, /torch\.nn\.SiLU\(\)/);
  assert.match(script, /F\.silu\(self\.hidden1\(x\)\)/);
  assert.match(script, /torch\.nn\.Hardtanh\(min_val=-2\.5, max_val=0\.5\)/);
  assert.match(script, /F\.hardtanh\(self\.hidden2\(x\), min_val=-2\.5, max_val=0\.5\)/);
  assert.match(script, /F\.celu\(self\.hidden3\(x\), alpha=0\.7\)/);
});

test('L1 regularization trains on the loss plus the weights\' absolute sum; L2 is the weight decay', () => {
  const config = { ...regression([{ units: 4, activation: 'ReLU' }], [{ name: 'SGD', label: 'SGD', lr: 0.1, weight_decay: 0.01 }]), l1: 0.001 };
  const script = pytorchScript(config);
  assert.match(script, /l1 = 0\.001/);
  assert.match(script, /\(loss \+ l1 \* l1_penalty\(net\)\)\.backward\(\)/);
  assert.match(script, /if name\.endswith\('weight'\)/);
  assert.match(script, /torch\.optim\.SGD\(net\.parameters\(\), lr=0\.1, weight_decay=0\.01\)/);
  assert.doesNotMatch(pytorchScript(regression([{ units: 4, activation: 'ReLU' }], [{ name: 'SGD', label: 'SGD', lr: 0.1 }])), /l1/);
});

test('input features are computed before the first layer, which is as wide as they are many', () => {
  const config = { dataset: { name: 'circle', n: 100, noise: 0.05, seed: 1 }, layers: [], loss: 'CrossEntropyLoss',
    optimizers: [{ name: 'Adam', label: 'Adam', lr: 0.05 }], batchSize: 0, steps: 10, initSeed: 1, shuffleSeed: 1,
    inputFeatures: ['x1^2', 'x2^2', 'sin(x1)'] };
  const script = pytorchScript(config);
  assert.match(script, /x1, x2 = x\[:, 0\], x\[:, 1\]\nx = torch\.stack\(\(x1 \*\* 2, x2 \*\* 2, torch\.sin\(x1\)\), dim=1\)/);
  assert.match(script, /torch\.nn\.Linear\(3, 2\)/);
  assert.match(pytorchScript({ ...config, inputFeatures: ['x1*x2'] }), /torch\.stack\(\(x1 \* x2,\), dim=1\)/);
});
