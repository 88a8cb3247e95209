// A page's settings: its defaults are the core's chapter presets, its links round-trip, and what it sends the
// engine is the configuration the core would run. The catalog is the core's (see CatalogFixtureTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chapterDefaults, choices, decode, encode, isClassification, lanes, schedulerStart, toConfig } from '../../main/webapp/app/state.js';

const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
const PAGES = ['regression', 'classification', 'saveload', 'race', 'playground'];

test('a page with no settings in its link sends its chapter preset to the engine', () => {
  const presets = { regression: 'regression', classification: 'classification', saveload: 'save-load', playground: 'playground' };
  for (const [page, name] of Object.entries(presets)) {
    const preset = catalog.chapters[name];
    const config = toConfig(decode('', page, catalog).state, page, catalog);
    for (const key of ['dataset', 'layers', 'loss', 'batchSize', 'steps', 'initSeed', 'shuffleSeed']) {
      assert.deepEqual(config[key], preset[key], `${page} ${key}`);
    }
    assert.deepEqual(config.optimizers, preset.optimizers.map(({ label, ...kwargs }) => kwargs), page);
  }
});

test('the race page races the course preset: its lanes, their settings, and its epochs as updates', () => {
  const preset = catalog.chapters['optimizer-race'];
  const config = toConfig(decode('', 'race', catalog).state, 'race', catalog);
  assert.deepEqual(config.optimizers, preset.optimizers);
  assert.equal(config.steps, preset.epochs * Math.ceil(preset.dataset.n / preset.batchSize));
  assert.deepEqual(Object.keys(lanes(catalog)),
    ['SGD', 'Momentum', 'RMSprop', 'Adam', 'Adagrad', 'AdamW', 'NAdam', 'RAdam', 'Adamax', 'Adadelta', 'Rprop']);
});

test('the defaults write no settings into the link, and a link reads back what was written', () => {
  for (const page of PAGES) {
    const { state, notices } = decode('', page, catalog);
    assert.equal(encode(state, page, catalog), '#v=1', page);
    assert.deepEqual(notices, []);
  }
  const { state } = decode('', 'race', catalog);
  state.lanes = ['Adam', 'AdamW'];
  state.laneAdam = { beta2: 0.95 };
  state.activation = 'GELU-Tanh';
  const again = decode(encode(state, 'race', catalog), 'race', catalog);
  assert.deepEqual(again.notices, []);
  assert.deepEqual(again.state, state);
  assert.deepEqual(toConfig(again.state, 'race', catalog).optimizers[0],
    { name: 'Adam', label: 'Adam', lr: 0.01, betas: [0.9, 0.95] });
});

test('a link naming what the catalog does not have keeps the default and says so', () => {
  const { state, notices } = decode('#activation=Swish&optimizer=LBFGS&loss=HingeLoss', 'regression', catalog);
  assert.equal(state.activation, 'ReLU');
  assert.equal(state.optimizer, 'SGD');
  assert.equal(state.loss, 'auto');
  assert.equal(notices.length, 3);
});

test('menus offer the catalog names, with your own data and the automatic loss', () => {
  const named = choices(catalog);
  assert.deepEqual(named.activations, catalog.activations.map((a) => a.name));
  assert.equal(named.datasets.at(-1), 'custom');
  assert.equal(named.losses[0], 'auto');
});

test('the loss follows the data: a chosen loss that fits is kept, one that does not gives way', () => {
  const { state } = decode('#dataset=moons&loss=BCEWithLogitsLoss', 'playground', catalog);
  assert.equal(isClassification(state, catalog), true);
  assert.equal(toConfig(state, 'playground', catalog).loss, 'BCEWithLogitsLoss');
  state.loss = 'MSELoss';
  assert.equal(toConfig(state, 'playground', catalog).loss, 'CrossEntropyLoss');
  state.dataset = 'sine';
  assert.equal(isClassification(state, catalog), false);
  assert.equal(toConfig(state, 'playground', catalog).loss, 'MSELoss');
});

test('each page opens at a pace where its planned run takes a few seconds, and a link keeps another', () => {
  for (const page of PAGES) {
    const { state } = decode('', page, catalog);
    const seconds = state.steps / state.speed;
    assert.ok(seconds >= 2 && seconds <= 8, `${page}: ${state.steps} updates at ${state.speed}/s`);
  }
  const { state, notices } = decode('#speed=0', 'regression', catalog);
  assert.equal(state.speed, 0);
  assert.deepEqual(notices, []);
  assert.equal(encode(state, 'regression', catalog), '#v=1&speed=0');
  assert.equal(decode('#speed=7', 'regression', catalog).notices.length, 1, 'only the notches are speeds');
});

test('a chapter page asked for your own data without points falls back to its dataset and says so', () => {
  const { state, notices } = decode('#dataset=custom', 'regression', catalog);
  assert.equal(state.dataset, 'parabola');
  assert.match(notices[0], /does not carry its points/);
  assert.doesNotThrow(() => toConfig(state, 'regression', catalog));
});

test('the playground regularizes: L1 as the run\'s l1, L2 as every optimizer\'s weight decay', () => {
  const l1 = toConfig(decode('#reg=L1&regRate=0.01', 'playground', catalog).state, 'playground', catalog);
  assert.equal(l1.l1, 0.01);
  assert.equal(l1.optimizers[0].weight_decay, undefined);
  const l2 = toConfig(decode('#reg=L2&regRate=0.003', 'playground', catalog).state, 'playground', catalog);
  assert.equal(l2.l1, undefined);
  assert.equal(l2.optimizers[0].weight_decay, 0.003);
  assert.equal(toConfig(decode('', 'playground', catalog).state, 'playground', catalog).l1, undefined, 'none by default');
});

test('the playground takes input features for two-input data, in the catalog\'s order, and a link keeps them', () => {
  const { state, notices } = decode('#dataset=circle&inputFeatures=x2%5E2,x1%5E2', 'playground', catalog);
  assert.deepEqual(notices, []);
  assert.deepEqual(state.inputFeatures, ['x1^2', 'x2^2']);
  assert.deepEqual(toConfig(state, 'playground', catalog).inputFeatures, ['x1^2', 'x2^2']);
  assert.equal(decode(encode(state, 'playground', catalog), 'playground', catalog).state.inputFeatures.join(), 'x1^2,x2^2');
  state.dataset = 'sine';
  assert.equal(toConfig(state, 'playground', catalog).inputFeatures, undefined, 'one input: no features');
  assert.equal(toConfig(decode('', 'playground', catalog).state, 'playground', catalog).inputFeatures, undefined);
  assert.equal(decode('#inputFeatures=x3', 'playground', catalog).notices.length, 1);
});

test("the playground's loss settings reach the engine as PyTorch keywords and a link keeps them", () => {
  const { state } = decode('', 'playground', catalog);
  state.dataset = 'circle';
  state.loss = 'CrossEntropyLoss';
  state.lossHp = { weight: [1, 3], label_smoothing: 0.1 };
  assert.deepEqual(toConfig(state, 'playground', catalog).loss, { name: 'CrossEntropyLoss', weight: [1, 3], label_smoothing: 0.1 });
  const hash = encode(state, 'playground', catalog);
  assert.match(hash, /lossHp=weight%3A1_3%2Clabel_smoothing%3A0\.1|lossHp=weight:1_3,label_smoothing:0\.1/);
  assert.deepEqual(decode(hash, 'playground', catalog).state.lossHp, state.lossHp);
  // Settings the loss in use does not take are left out; at the defaults the loss is its bare name.
  state.loss = 'BCEWithLogitsLoss';
  assert.equal(toConfig(state, 'playground', catalog).loss, 'BCEWithLogitsLoss');
});

test('a scheduler chosen in the playground reaches the engine with its settings, starting from the run', () => {
  const { state } = decode('', 'playground', catalog);
  assert.equal(toConfig(state, 'playground', catalog).scheduler, undefined, 'no scheduler by default');
  state.sched = 'OneCycleLR';
  state.schedHp = schedulerStart('OneCycleLR', state);
  assert.deepEqual(state.schedHp, { max_lr: Number((10 * state.lr).toPrecision(3)), total_steps: state.steps });
  assert.deepEqual(toConfig(state, 'playground', catalog).scheduler, { name: 'OneCycleLR', ...state.schedHp });
  state.sched = 'StepLR';
  state.schedHp = { ...schedulerStart('StepLR', state), gamma: 0.5 };
  const hash = encode(state, 'playground', catalog);
  assert.deepEqual(decode(hash, 'playground', catalog).state.schedHp, state.schedHp);
  assert.equal(decode(hash, 'playground', catalog).state.sched, 'StepLR');
  assert.ok(choices(catalog).schedulers.includes('ReduceLROnPlateau'));
});

test('the playground clips gradients and sets the loader as asked, and a link keeps it', () => {
  const { state } = decode('', 'playground', catalog);
  const plain = toConfig(state, 'playground', catalog);
  assert.equal(plain.clipGradNorm, undefined);
  assert.equal(plain.shuffle, undefined);
  Object.assign(state, { clipNorm: 1.5, clipValue: 0.1, shuffle: 0, dropLast: 1 });
  const config = toConfig(state, 'playground', catalog);
  assert.deepEqual([config.clipGradNorm, config.clipGradValue, config.shuffle, config.dropLast], [1.5, 0.1, false, true]);
  const back = decode(encode(state, 'playground', catalog), 'playground', catalog).state;
  assert.deepEqual([back.clipNorm, back.clipValue, back.shuffle, back.dropLast], [1.5, 0.1, 0, 1]);
});

test('the playground puts a normalisation and a dropout in each hidden layer as asked, and a link keeps them', () => {
  const { state } = decode('', 'playground', catalog);
  assert.ok(choices(catalog).norms.includes('BatchNorm1d') && choices(catalog).norms.includes('LayerNorm'));
  assert.deepEqual(toConfig(state, 'playground', catalog).layers.map((l) => [l.norm, l.dropout]),
    state.layers.map(() => [undefined, undefined]));
  Object.assign(state, { layers: [8, 6, 4], norm: 'BatchNorm1d-LayerNorm', normHp: { momentum: 0.2, eps: 0.001 }, dropout: '0.3-0' });
  const layers = toConfig(state, 'playground', catalog).layers;
  assert.deepEqual(layers[0], { units: 8, activation: state.activation.split('-')[0],
    norm: { name: 'BatchNorm1d', eps: 0.001, momentum: 0.2 }, dropout: 0.3 });
  assert.deepEqual(layers[1].norm, { name: 'LayerNorm', eps: 0.001 }, 'LayerNorm has no momentum');
  assert.equal(layers[2].norm.name, 'LayerNorm', 'the last one repeats');
  assert.equal(layers[1].dropout, undefined);
  const back = decode(encode(state, 'playground', catalog), 'playground', catalog);
  assert.deepEqual([back.state.norm, back.state.normHp, back.state.dropout], [state.norm, state.normHp, state.dropout]);
  const refused = decode('#v=1&norm=GroupNorm&dropout=1', 'playground', catalog);
  assert.deepEqual([refused.state.norm, refused.state.dropout], ['none', '0']);
  assert.equal(refused.notices.length, 2);
});

test('your own data with more columns: the last column is the class, or the last `outputs` columns are the targets', () => {
  const { state } = decode('', 'playground', catalog);
  Object.assign(state, { dataset: 'custom', data: [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]], classes: [], columns: ['a', 'b', 'c', 'y1', 'y2'], outputs: 2 });
  assert.equal(isClassification(state, catalog), false);
  assert.deepEqual(toConfig(state, 'playground', catalog).dataset, { name: 'custom', inputs: [1, 2, 3, 6, 7, 8],
    targets: [4, 5, 9, 10], features: 3, outputs: 2, columns: ['a', 'b', 'c', 'y1', 'y2'] });
  const back = decode(encode(state, 'playground', catalog), 'playground', catalog).state;
  assert.deepEqual([back.data, back.outputs], [state.data, 2]);
  Object.assign(state, { data: [[1, 2, 3, 4, 0], [5, 6, 7, 8, 1]], classes: ['no', 'yes'], columns: [], outputs: 1 });
  assert.equal(isClassification(state, catalog), true);
  assert.deepEqual(toConfig(state, 'playground', catalog).dataset, { name: 'custom', inputs: [1, 2, 3, 4, 5, 6, 7, 8],
    targets: [0, 1], classes: ['no', 'yes'], features: 4 });
  Object.assign(state, { data: [[1, 2, 0.5], [3, 4, 0.25]], classes: [] });
  assert.deepEqual(toConfig(state, 'playground', catalog).dataset, { name: 'custom', inputs: [1, 2, 3, 4], targets: [0.5, 0.25], features: 2 },
    'three columns without class names: a regression on two inputs');
  const link = encode(state, 'playground', catalog);
  assert.match(link, /outputs=1/, 'its link says so');
  assert.equal(isClassification(decode(link, 'playground', catalog).state, catalog), false);
  const legacy = decode('#v=1&dataset=custom&data=0_0_0*0.1_0.2_0*0.9_1_1*1_0.8_2', 'playground', catalog).state;
  assert.deepEqual(legacy.classes, ['0', '1', '2'], 'a link from before: x1, x2 and a class');
});
