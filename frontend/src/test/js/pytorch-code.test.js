// The generated PyTorch script says what the configuration says, in PyTorch's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTPUT_LAYERS, pytorchScript, REGRESSION_LOSSES } from '../../main/webapp/app/pytorch-code.js';

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
  assert.match(script, /if isinstance\(m, torch\.nn\.Linear\)/);
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

const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
const clusters = (loss) => ({
  dataset: { name: 'clusters', n: 100, noise: 1, seed: 1 }, layers: [{ units: 4, activation: 'ReLU' }], loss,
  optimizers: [{ name: 'SGD', label: 'SGD', lr: 0.1 }], batchSize: 0, steps: 10, initSeed: 1, shuffleSeed: 1,
});

test("the script knows the catalog's losses: their task and the layer the network ends in for them", () => {
  const regression = catalog.losses.filter((l) => l.task === 'regression').map((l) => l.name);
  assert.deepEqual(REGRESSION_LOSSES, regression);
  assert.deepEqual(Object.keys(OUTPUT_LAYERS).sort(), catalog.losses.filter((l) => l.outputLayer).map((l) => l.name).sort());
});

test('a loss with options is constructed with them; a list becomes a tensor', () => {
  const script = pytorchScript(clusters({ name: 'CrossEntropyLoss', weight: [1, 3], label_smoothing: 0.1, reduction: 'sum' }));
  assert.match(script, /loss_func = torch\.nn\.CrossEntropyLoss\(weight=torch\.tensor\(\[1\.0, 3\.0\]\), label_smoothing=0\.1, reduction='sum'\)/);
  assert.match(script, /torch\.nn\.Linear\(4, 2\),\n {4}\)/, 'two outputs, no layer after them');
});

test('BCELoss and NLLLoss end the network in the layer they read, in both forms', () => {
  const bce = pytorchScript(clusters('BCELoss'));
  assert.match(bce, /torch\.nn\.Linear\(4, 1\),\n {8}torch\.nn\.Sigmoid\(\),/);
  assert.match(bce, /return torch\.sigmoid\(self\.predict\(x\)\)/);
  assert.match(bce, /loss_func\(net\(b_x\), b_y\.float\(\)\.unsqueeze\(1\)\)/);
  const nll = pytorchScript(clusters({ name: 'NLLLoss', weight: [2, 0.5] }));
  assert.match(nll, /torch\.nn\.Linear\(4, 2\),\n {8}torch\.nn\.LogSoftmax\(dim=1\),/);
  assert.match(nll, /return F\.log_softmax\(self\.predict\(x\), dim=1\)/);
  assert.match(nll, /torch\.nn\.NLLLoss\(weight=torch\.tensor\(\[2\.0, 0\.5\]\)\)/);
});

test('Softmax and LogSoftmax layers work along dim 1 in both forms', () => {
  const script = pytorchScript(clusters('CrossEntropyLoss'));
  const layered = pytorchScript({ ...clusters('CrossEntropyLoss'), layers: [{ units: 4, activation: 'Softmax' }] });
  assert.doesNotMatch(script, /softmax/);
  assert.match(layered, /torch\.nn\.Softmax\(dim=1\),/);
  assert.match(layered, /x = F\.softmax\(self\.hidden1\(x\), dim=1\)/);
});

test("the newer optimizers' pairs are tuples and maximize a flag, as torch.optim takes them", () => {
  const script = pytorchScript(regression([{ units: 4, activation: 'ReLU' }],
    [{ name: 'Rprop', label: 'Rprop', lr: 0.01, etas: [0.4, 1.5], step_sizes: [0.0001, 1], maximize: true }]));
  assert.match(script, /torch\.optim\.Rprop\(net\.parameters\(\), lr=0\.01, etas=\(0\.4, 1\.5\), step_sizes=\(0\.0001, 1\), maximize=True\)/);
});

test('a scheduler steps after each epoch, OneCycleLR after each update, the plateau on the epoch mean loss', () => {
  const withScheduler = (scheduler) => pytorchScript({ ...clusters('CrossEntropyLoss'), batchSize: 16, scheduler });
  const step = withScheduler({ name: 'StepLR', step_size: 3, gamma: 0.5 });
  assert.match(step, /scheduler = torch\.optim\.lr_scheduler\.StepLR\(optimizer, step_size=3, gamma=0\.5\)/);
  assert.match(step, /\n {4}else:\n {8}scheduler\.step\(\)/);
  const cycle = withScheduler({ name: 'OneCycleLR', max_lr: 0.5, total_steps: 10 });
  assert.match(cycle, /\n {8}optimizer\.step\(\)\n {8}scheduler\.step\(\)/);
  assert.doesNotMatch(cycle, /\n {4}else:\n {8}scheduler/);
  const plateau = withScheduler({ name: 'ReduceLROnPlateau', patience: 2 });
  assert.match(plateau, /epoch_loss \+= loss\.item\(\)/);
  assert.match(plateau, /scheduler\.step\(epoch_loss \/ math\.ceil\(len\(x_train\) \/ batch_size\)\)/);
  const milestones = withScheduler({ name: 'MultiStepLR', milestones: [2, 4] });
  assert.match(milestones, /MultiStepLR\(optimizer, milestones=\[2, 4\]\)/);
});

test('clipping sits between backward and step; the loader keeps shuffle=False and drop_last', () => {
  const script = pytorchScript({ ...clusters('CrossEntropyLoss'), batchSize: 16, clipGradValue: 0.5, clipGradNorm: 1,
    shuffle: false, dropLast: true });
  assert.match(script, /loss\.backward\(\)\n {8}torch\.nn\.utils\.clip_grad_value_\(net\.parameters\(\), 0\.5\)\n {8}torch\.nn\.utils\.clip_grad_norm_\(net\.parameters\(\), 1\)\n {8}optimizer\.step\(\)/);
  assert.match(script, /batch_size=batch_size, shuffle=False, drop_last=True\)/);
});

test("PReLU's learned slopes live in the custom module too, and L1 sums the Linear layers' weights alone", () => {
  const script = pytorchScript({ ...clusters('CrossEntropyLoss'), layers: [{ units: 4, activation: 'PReLU', num_parameters: 4 }],
    l1: 0.001 });
  assert.match(script, /self\.act1 = torch\.nn\.PReLU\(num_parameters=4\)/);
  assert.match(script, /x = self\.act1\(self\.hidden1\(x\)\)/);
  assert.match(script, /torch\.nn\.PReLU\(num_parameters=4\),/);
  assert.match(script, /isinstance\(m, torch\.nn\.Linear\)/);
});

test('normalisation and dropout layers sit in both forms; the replay applies the page masks and evaluation turns them off', () => {
  const config = regression([{ units: 6, norm: { name: 'BatchNorm1d', momentum: 0.2 }, activation: 'ReLU', dropout: 0.3 },
    { units: 4, norm: 'LayerNorm', activation: 'Tanh' }], [{ name: 'SGD', label: 'SGD', lr: 0.1 }]);
  const script = pytorchScript(config);
  assert.match(script, /self\.norm1 = torch\.nn\.BatchNorm1d\(6, momentum=0\.2\)/);
  assert.match(script, /self\.drop1 = torch\.nn\.Dropout\(0\.3\)/);
  assert.match(script, /x = self\.norm1\(self\.hidden1\(x\)\)\n\s+x = F\.relu\(x\)\n\s+x = self\.drop1\(x\)/);
  assert.match(script, /torch\.nn\.Linear\(1, 6\),\n\s+torch\.nn\.BatchNorm1d\(6, momentum=0\.2\),\n\s+torch\.nn\.ReLU\(\),\n\s+torch\.nn\.Dropout\(0\.3\),/);
  assert.match(script, /torch\.nn\.LayerNorm\(4\),\n\s+torch\.nn\.Tanh\(\),/);
  assert.match(script, /replay_dropout\(net\)/);
  assert.match(script, /saved\[f'dropout\.\{i\}'\]/);
  assert.match(script, /\nnet\.eval\(\)\nwith torch\.no_grad\(\):/);
  const plain = pytorchScript(regression([{ units: 4, activation: 'ReLU' }], [{ name: 'SGD', label: 'SGD', lr: 0.1 }]));
  assert.doesNotMatch(plain, /eval\(\)|ReplayedDropout/, 'the course scripts stay as the course writes them');
});

test('data of your own with more columns: the first layer takes every input and the last gives every target', () => {
  const script = pytorchScript({ dataset: { name: 'custom', inputs: [1, 2, 3, 4, 5, 6], targets: [7, 8, 9, 10], features: 3, outputs: 2 },
    layers: [{ units: 5, activation: 'ReLU' }], loss: 'MSELoss', optimizers: [{ name: 'SGD', label: 'SGD', lr: 0.1 }],
    batchSize: 0, steps: 10, initSeed: 1, shuffleSeed: 1 });
  assert.match(script, /x = torch\.tensor\(\[\s+\[1\.0, 2\.0, 3\.0\],\s+\[4\.0, 5\.0, 6\.0\],\s+\]\)/);
  assert.match(script, /y = torch\.tensor\(\[\[7\.0, 8\.0\], \[9\.0, 10\.0\]\]\)/);
  assert.match(script, /self\.hidden1 = torch\.nn\.Linear\(3, 5\)/);
  assert.match(script, /self\.predict = torch\.nn\.Linear\(5, 2\)/);
});
