// The PyTorch script equivalent to a page's configuration: data, the model both as a custom module and
// as a Sequential, the optimizer(s), the DataLoader loop and saving. It runs unchanged in PyTorch; next to
// the page's "initial weights" and "data and batch order" files it replays the page's run number for number.
import { t } from './i18n.js';
import { dataCode, featuresCode, pyFloat } from './pytorch-data-code.js';

// The functional form the course writes in forward() for the activations that have one; a layer's options
// (negative_slope, approximate, ...) follow as keywords. Any other activation of the catalog is called as
// its module, torch.nn.Name(options)(x), and Identity leaves x as it is.
const ACTIVATION_FUNCTION = {
  ReLU: 'F.relu', LeakyReLU: 'F.leaky_relu', Tanh: 'torch.tanh', Sigmoid: 'torch.sigmoid', ELU: 'F.elu',
  GELU: 'F.gelu', Softplus: 'F.softplus', SiLU: 'F.silu', Mish: 'F.mish', ReLU6: 'F.relu6', Hardtanh: 'F.hardtanh',
  SELU: 'F.selu', CELU: 'F.celu', Softmax: 'F.softmax', LogSoftmax: 'F.log_softmax',
};
// Keywords a layer always writes: the core's Softmax and LogSoftmax work along dim 1, the classes of a batch.
const FIXED_KEYWORDS = { Softmax: ['dim=1'], LogSoftmax: ['dim=1'] };
const LAYER_KEYS = ['units', 'activation', 'bias', 'norm', 'dropout'];
// Activations with parameters of their own (PReLU's slopes): the custom module holds them as layers too.
const LEARNED_ACTIVATIONS = ['PReLU'];

function py(value) {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `(${value.map(py).join(', ')})`;
  return Number.isInteger(value) ? `${value}` : String(value);
}

/** A layer's activation options as Python keyword arguments: ["negative_slope=0.2"]. */
function activationKeywords(layer) {
  return [...(FIXED_KEYWORDS[layer.activation] || []),
    ...Object.entries(layer).filter(([key]) => !LAYER_KEYS.includes(key)).map(([key, value]) => `${key}=${py(value)}`)];
}

function activationModule(layer) {
  return `torch.nn.${layer.activation}(${activationKeywords(layer).join(', ')})`;
}

function activationCall(layer, value) {
  if (layer.activation === 'Identity') return value;
  const fn = ACTIVATION_FUNCTION[layer.activation];
  return fn ? `${fn}(${[value, ...activationKeywords(layer)].join(', ')})` : `${activationModule(layer)}(${value})`;
}

/** A layer's normalisation module ("BatchNorm1d" or {name, ...options}) over its units, or null. */
function normModule(layer) {
  if (!layer.norm) return null;
  const { name, ...kwargs } = typeof layer.norm === 'string' ? { name: layer.norm } : layer.norm;
  return `torch.nn.${name}(${[layer.units, ...Object.entries(kwargs).map(([key, value]) => `${key}=${py(value)}`)].join(', ')})`;
}

/** The custom module's forward lines for hidden layer i: one line, or a line per part with a norm or dropout. */
function forwardLines(l, i) {
  const n = i + 1;
  const act = (value) => (LEARNED_ACTIVATIONS.includes(l.activation) ? `self.act${n}(${value})` : activationCall(l, value));
  if (!l.norm && !l.dropout) return [`        x = ${act(`self.hidden${n}(x)`)}`];
  return [`        x = ${l.norm ? `self.norm${n}(self.hidden${n}(x))` : `self.hidden${n}(x)`}`,
    `        x = ${act('x')}`, ...(l.dropout ? [`        x = self.drop${n}(x)  # ${t('code.c.dropout')}`] : [])];
}

/** A comment as Python # lines of at most 110 characters (a Chinese one wraps anywhere, an English one at spaces). */
function comment(text) {
  const lines = [];
  let line = '';
  for (const word of /[\u4e00-\u9fff]/.test(text) ? [...text] : text.split(' ').map((w, i) => (i ? ` ${w}` : w))) {
    if ((line + word).length > 108 && line) {
      lines.push(`# ${line.trim()}`);
      line = word.trimStart();
    } else {
      line += word;
    }
  }
  return [...lines, `# ${line.trim()}`];
}

function linear(inputs, outputs, layer) {
  return `torch.nn.Linear(${inputs}, ${outputs}${layer && layer.bias === false ? ', bias=False' : ''})`;
}

/** The optimizer's constructor call: only the keywords the configuration gives, PyTorch's defaults for the rest. */
function optimizerCode(o, params) {
  const args = [params];
  for (const [key, value] of Object.entries(o)) {
    if (key === 'name' || key === 'label') continue;
    args.push(`${key}=${py(value)}`);
  }
  return `torch.optim.${o.name}(${args.join(', ')})`;
}

// The losses of regression (the catalog's task), those with an output per class, those of one output whose
// targets are floats [N, 1], and the layer a loss needs the network to end in (module, then function form).
export const REGRESSION_LOSSES = ['MSELoss', 'L1Loss', 'SmoothL1Loss', 'HuberLoss'];
const PER_CLASS_LOSSES = ['CrossEntropyLoss', 'NLLLoss'];
const FLOAT_TARGET_LOSSES = ['BCEWithLogitsLoss', 'BCELoss'];
export const OUTPUT_LAYERS = {
  BCELoss: ['torch.nn.Sigmoid()', (x) => `torch.sigmoid(${x})`],
  NLLLoss: ['torch.nn.LogSoftmax(dim=1)', (x) => `F.log_softmax(${x}, dim=1)`],
};

/** A loss as the configuration gives it: "MSELoss" or {name, ...keyword arguments}. */
function lossParts(loss) {
  if (typeof loss === 'string') return { name: loss, kwargs: {} };
  const { name, ...kwargs } = loss;
  return { name, kwargs };
}

/** The loss's constructor call; a list (weight, pos_weight) is a tensor, as PyTorch takes it. */
function lossCode({ name, kwargs }) {
  const args = Object.entries(kwargs).map(([key, value]) => (Array.isArray(value)
    ? `${key}=torch.tensor([${value.map(pyFloat).join(', ')}])` : `${key}=${py(value)}`));
  return `torch.nn.${name}(${args.join(', ')})`;
}

/** A scheduler's keyword arguments as Python: whole numbers stay ints (step_size=10, milestones=[10, 20]). */
function schedulerKeywords({ name, ...kwargs }) {
  return Object.entries(kwargs).map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.join(', ')}]` : py(value)}`);
}

/** The script for an engine configuration (see state.js toConfig). */
export function pytorchScript(config) {
  const loss = lossParts(config.loss);
  const classification = !REGRESSION_LOSSES.includes(loss.name);
  const inputs = config.inputFeatures?.length || config.dataset.features || (classification ? 2 : 1);
  const outputs = PER_CLASS_LOSSES.includes(loss.name) ? (config.dataset.classes?.length || 2) : (config.dataset.outputs || 1);
  const [endModule, endCall] = OUTPUT_LAYERS[loss.name] || [null, (x) => x];
  const widths = [inputs, ...config.layers.map((l) => l.units), outputs];
  const hidden = config.layers.flatMap((l, i) => [`        self.hidden${i + 1} = ${linear(widths[i], widths[i + 1], l)}`,
    ...(l.norm ? [`        self.norm${i + 1} = ${normModule(l)}`] : []),
    ...(LEARNED_ACTIVATIONS.includes(l.activation) ? [`        self.act${i + 1} = ${activationModule(l)}`] : []),
    ...(l.dropout ? [`        self.drop${i + 1} = torch.nn.Dropout(${l.dropout})`] : [])]);
  const forward = config.layers.flatMap(forwardLines);
  const sequential = [];
  config.layers.forEach((l, i) => {
    sequential.push(`        ${linear(widths[i], widths[i + 1], l)},`);
    if (l.norm) sequential.push(`        ${normModule(l)},`);
    sequential.push(`        ${activationModule(l)},`);
    if (l.dropout) sequential.push(`        torch.nn.Dropout(${l.dropout}),`);
  });
  // Dropout and BatchNorm1d act differently in training and evaluation: net.train() and net.eval() switch them.
  const modal = config.layers.some((l) => l.dropout || l.norm === 'BatchNorm1d' || l.norm?.name === 'BatchNorm1d');
  const dropout = config.layers.some((l) => l.dropout);
  sequential.push(`        torch.nn.Linear(${widths[widths.length - 2]}, ${outputs}),`);
  if (endModule) sequential.push(`        ${endModule},  # ${t('code.c.ending', { loss: loss.name })}`);
  const target = (y) => (FLOAT_TARGET_LOSSES.includes(loss.name) ? `${y}.float().unsqueeze(1)` : y);
  const lossTarget = target('b_y');
  const split = config.testFraction > 0;
  const batch = config.batchSize === 0 ? 'len(x_train)' : String(config.batchSize);
  const race = config.optimizers.length > 1;
  const scheduler = config.scheduler || null;
  const everyUpdate = scheduler?.name === 'OneCycleLR';
  const plateau = scheduler?.name === 'ReduceLROnPlateau';
  const indent = (code) => code.split('\n').map((line) => `    ${line}`).join('\n');
  const lines = [
    `# ${t('code.c.generated')}`,
    'import math',
    'import os',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'import torch.utils.data as Data',
    '',
    `torch.manual_seed(${config.initSeed})`,
    '',
    ...comment(t('code.c.replay')),
    "replay = os.path.exists('nn-playground-initial.pt') and os.path.exists('nn-playground-data.pt')",
    '',
    `# ${t('code.c.data')}`,
    'if replay:',
    "    saved = torch.load('nn-playground-data.pt')",
    `    x, y, order = saved['x'].float(), saved['y'], saved['order']${classification ? '' : '\n    y = y.float()'}`,
    'else:',
    indent(dataCode(config.dataset)),
    ...(split ? [
      '',
      `# ${t('code.c.test', { share: config.testFraction })}`,
      'if replay:',
      "    train_rows, test_rows = saved['train_rows'], saved['test_rows']",
      'else:',
      '    perm = torch.randperm(len(x))',
      `    n_test = round(len(x) * ${config.testFraction})`,
      '    test_rows, train_rows = perm[:n_test], perm[n_test:]',
    ] : []),
    ...(config.standardize ? [
      '',
      `# ${t('code.c.standardize')}`,
      `fit = ${split ? 'x[train_rows]' : 'x'}`,
      'mean, std = fit.mean(0), fit.std(0, unbiased=False)',
      'std[std == 0] = 1',
      'x = (x - mean) / std',
    ] : []),
    ...(config.inputFeatures ? featuresCode(config.inputFeatures) : []),
    `x_train, y_train = ${split ? 'x[train_rows], y[train_rows]' : 'x, y'}`,
    ...(split ? ['x_test, y_test = x[test_rows], y[test_rows]'] : []),
    '',
    `# ${t('code.c.custom')}`,
    'class Net(torch.nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    ...hidden,
    `        self.predict = torch.nn.Linear(${widths[widths.length - 2]}, ${outputs})`,
    '',
    '    def forward(self, x):',
    ...forward,
    `        return ${endCall('self.predict(x)')}`,
    '',
    '',
    `# ${t('code.c.sequential')}`,
    'def sequential_net():',
    '    return torch.nn.Sequential(',
    ...sequential,
    '    )',
    '',
    '',
    `# ${t('code.c.keys')}`,
    'make_net = sequential_net if replay else Net',
    ...(dropout ? [
      '',
      '',
      'class ReplayedDropout(torch.nn.Dropout):',
      `    """${t('code.c.replayed')}"""`,
      '',
      '    def __init__(self, p, masks):',
      '        super().__init__(p)',
      '        self.masks, self.used = masks, 0',
      '',
      '    def forward(self, x):',
      '        if not self.training:',
      '            return x',
      '        mask = self.masks[self.used:self.used + len(x)]',
      '        self.used += len(x)',
      `        return x * (mask / (1 - self.p))  # ${t('code.c.scale')}`,
      '',
      '',
      'def replay_dropout(net):',
      '    for i, module in enumerate(net):',
      '        if isinstance(module, torch.nn.Dropout):',
      "            net[i] = ReplayedDropout(module.p, saved[f'dropout.{i}'])",
    ] : []),
  ];
  if (race) {
    lines.push(`nets = [make_net() for _ in range(${config.optimizers.length})]`);
    lines.push('if replay:');
    lines.push("    nets[0].load_state_dict(torch.load('nn-playground-initial.pt'))");
    lines.push('for other in nets[1:]:');
    lines.push(`    other.load_state_dict(nets[0].state_dict())  # ${t('code.c.sameStart')}`);
    if (dropout) lines.push(`if replay:\n    for net in nets:\n        replay_dropout(net)  # ${t('code.c.sameMasks')}`);
    lines.push('optimizers = [');
    config.optimizers.forEach((o, k) => lines.push(`    ${optimizerCode(o, `nets[${k}].parameters()`)},  # ${o.label || o.name}`));
    lines.push(']');
  } else {
    lines.push('net = make_net()');
    lines.push('if replay:');
    lines.push("    net.load_state_dict(torch.load('nn-playground-initial.pt'))");
    if (dropout) lines.push('    replay_dropout(net)');
    lines.push('print(net)');
    lines.push(`optimizer = ${optimizerCode(config.optimizers[0], 'net.parameters()')}`);
  }
  if (scheduler) {
    const made = (o) => `torch.optim.lr_scheduler.${scheduler.name}(${[o, ...schedulerKeywords(scheduler)].join(', ')})`;
    lines.push(race ? `schedulers = [${made('o')} for o in optimizers]` : `scheduler = ${made('optimizer')}`);
  }
  lines.push(`loss_func = ${lossCode(loss)}`);
  const l1 = config.l1 > 0;
  if (l1) {
    lines.push(`l1 = ${config.l1}  # ${t('code.c.l1')}`);
    lines.push('');
    lines.push('');
    lines.push('def l1_penalty(net):');
    lines.push('    return sum(m.weight.abs().sum() for m in net.modules() if isinstance(m, torch.nn.Linear))');
    lines.push('');
  }
  // Clipping between backward and step, as clip_grad_value_ and clip_grad_norm_ are meant to be used.
  const clips = [
    ...(config.clipGradValue !== undefined ? [`torch.nn.utils.clip_grad_value_(net.parameters(), ${config.clipGradValue})`] : []),
    ...(config.clipGradNorm !== undefined ? [`torch.nn.utils.clip_grad_norm_(net.parameters(), ${config.clipGradNorm})`] : []),
  ];
  const backward = (indent) => [`${indent}${l1 ? '(loss + l1 * l1_penalty(net)).backward()' : 'loss.backward()'}`,
    ...clips.map((clip) => `${indent}${clip}`)].join('\n');
  lines.push('');
  lines.push(`batch_size = ${batch}`);
  const shuffle = config.batchSize !== 0 && config.shuffle !== false;
  lines.push(`loader = Data.DataLoader(Data.TensorDataset(x_train, y_train), batch_size=batch_size, shuffle=${shuffle ? 'True' : 'False'}`
    + `${config.dropLast ? ', drop_last=True' : ''})`);
  lines.push('');
  lines.push('');
  lines.push('def batches(epoch):');
  lines.push("    if not replay:");
  lines.push('        return loader');
  lines.push(`    rows = order[epoch]  # ${t('code.c.order')}`);
  lines.push('    return [(x[rows[i:i + batch_size]], y[rows[i:i + batch_size]]) for i in range(0, len(rows), batch_size)]');
  lines.push('');
  lines.push('');
  lines.push(`steps = ${config.steps}`);
  lines.push('step = 0');
  lines.push('epoch = 0');
  lines.push('while step < steps:');
  if (plateau) lines.push(`    epoch_loss = ${race ? '[0.0] * len(nets)' : '0.0'}  # ${t('code.c.plateau')}`);
  lines.push('    for b_x, b_y in batches(epoch):');
  if (race) {
    lines.push(`        for ${plateau ? 'k, (net, optimizer)' : 'net, optimizer'} in ${plateau ? 'enumerate(zip(nets, optimizers))' : 'zip(nets, optimizers)'}:`);
    lines.push(`            loss = loss_func(net(b_x), ${lossTarget})`);
    lines.push('            optimizer.zero_grad()');
    lines.push(backward('            '));
    lines.push('            optimizer.step()');
    if (plateau) lines.push('            epoch_loss[k] += loss.item()');
    if (everyUpdate) lines.push(`        for scheduler in schedulers:\n            scheduler.step()  # ${t('code.c.onecycle')}`);
  } else {
    lines.push(`        loss = loss_func(net(b_x), ${lossTarget})`);
    lines.push('        optimizer.zero_grad()');
    lines.push(backward('        '));
    lines.push('        optimizer.step()');
    if (plateau) lines.push('        epoch_loss += loss.item()');
    if (everyUpdate) lines.push(`        scheduler.step()  # ${t('code.c.onecycle')}`);
  }
  lines.push('        step += 1');
  lines.push('        if step % 50 == 0 or step == steps:');
  lines.push(`            print(f"step {step}: loss {loss.item():.5f}")`);
  lines.push('        if step == steps:');
  lines.push('            break');
  if (scheduler && !everyUpdate) {
    // for-else: the epoch ran to its end (a run that stops mid-epoch does not step its schedule).
    const call = (k) => (plateau ? `step(${race ? `epoch_loss[${k}]` : 'epoch_loss'} / math.ceil(len(x_train) / batch_size))` : 'step()');
    lines.push('    else:');
    if (race) lines.push(`        for k, scheduler in enumerate(schedulers):\n            scheduler.${call('k')}`);
    else lines.push(`        scheduler.${call()}  # ${t('code.c.epoch')}`);
  }
  lines.push('    epoch += 1');
  lines.push('');
  if (modal) {
    lines.push(`# ${t('code.c.eval')}`);
    lines.push(race ? 'for net in nets:\n    net.eval()' : 'net.eval()');
  }
  lines.push('with torch.no_grad():');
  if (race) {
    const labels = config.optimizers.map((o) => `'${o.label || o.name}'`).join(', ');
    lines.push(`    for label, net in zip([${labels}], nets):`);
    lines.push(`        print(f"{label}: loss on the training data {loss_func(net(x_train), ${target('y_train')}).item():.7g}")`);
    if (split) lines.push(`        print(f"{label}: loss on the test data {loss_func(net(x_test), ${target('y_test')}).item():.7g}")`);
    lines.push('net = nets[-1]');
  } else {
    lines.push(`    print(f"loss on the training data {loss_func(net(x_train), ${target('y_train')}).item():.7g}")`);
    if (split) lines.push(`    print(f"loss on the test data {loss_func(net(x_test), ${target('y_test')}).item():.7g}")`);
  }
  lines.push(`torch.save(net, 'net.pkl')  # ${t('code.c.whole')}`);
  lines.push(`torch.save(net.state_dict(), 'net_params.pkl')  # ${t('code.c.params')}`);
  return lines.join('\n') + '\n';
}
