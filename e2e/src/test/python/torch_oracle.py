"""Real PyTorch as the oracle for the interop tests (PytorchInteropIT). Kept small on purpose: it loads,
saves and trains with torch's own code and prints JSON; the Java side does the comparing.

  predict  WEIGHTS CONFIG INPUTS   outputs of the configured net with these weights (.pt or .safetensors)
  make     CONFIG SEED OUT INPUTS  a fresh net saved by torch as OUT.pt and OUT.safetensors; prints its outputs
  replay   CONFIG INIT DATA DTYPE  trains like the playground from INIT on DATA's batches; prints the losses
  replay-state CONFIG INIT DATA    the same in float64, then eval mode: losses, predictions, state dict, INIT's dtypes
  diagnose CONFIG INIT DATA        the same run (float64), then each layer's health figures as Diagnostics has them
  hostile  DIR MARKER              writes .pt files whose unpickling would create MARKER if code ran
"""
import json
import struct
import sys

import torch

SAFETENSORS_DTYPES = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64}


def read_safetensors(path):
    # The format's whole specification: u64 header length, JSON header, raw little-endian data.
    with open(path, 'rb') as f:
        blob = f.read()
    (length,) = struct.unpack('<Q', blob[:8])
    header = json.loads(blob[8:8 + length])
    data = blob[8 + length:]
    out = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        begin, end = info['data_offsets']
        dtype = SAFETENSORS_DTYPES[info['dtype']]
        out[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype).reshape(info['shape'])
    return out


def write_safetensors(state_dict, path):
    header, chunks, offset = {}, [], 0
    for name, tensor in state_dict.items():
        raw = tensor.detach().contiguous().numpy().tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(tensor.shape), 'data_offsets': [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(chunks))


def load(path):
    if path.endswith('.safetensors'):
        return read_safetensors(path)
    return torch.load(path, weights_only=True)


REGRESSION_LOSSES = ('MSELoss', 'L1Loss', 'SmoothL1Loss', 'HuberLoss')
PER_CLASS_LOSSES = ('CrossEntropyLoss', 'NLLLoss')
FLOAT_TARGET_LOSSES = ('BCEWithLogitsLoss', 'BCELoss')
# The layer a loss needs the network to end in, as the playground builds it.
OUTPUT_LAYERS = {'BCELoss': lambda: torch.nn.Sigmoid(), 'NLLLoss': lambda: torch.nn.LogSoftmax(dim=1)}


def loss_of(config):
    """The configuration's loss: its name and keyword arguments ("MSELoss" or {"name": ..., ...})."""
    loss = config['loss']
    if isinstance(loss, str):
        return loss, {}
    return loss['name'], {k: v for k, v in loss.items() if k != 'name'}


def criterion(config, dtype):
    name, kwargs = loss_of(config)
    kwargs = {k: torch.tensor(v, dtype=dtype) if isinstance(v, list) else v for k, v in kwargs.items()}
    return getattr(torch.nn, name)(**kwargs)


def norm_of(layer):
    """A layer's normalisation ("BatchNorm1d" or {"name": ..., options}) over its units, or None."""
    norm = layer.get('norm')
    if norm is None:
        return None
    options = {} if isinstance(norm, str) else {k: v for k, v in norm.items() if k != 'name'}
    return getattr(torch.nn, norm if isinstance(norm, str) else norm['name'])(layer['units'], **options)


def build(config, inputs):
    """Per hidden layer Linear, [normalisation], activation, [Dropout]; then the output Linear (and loss's layer)."""
    classes = config['dataset'].get('classes') or ['0', '1']
    name = loss_of(config)[0]
    outputs = len(classes) if name in PER_CLASS_LOSSES else config['dataset'].get('outputs', 1)
    layers, width = [], inputs
    for layer in config['layers']:
        options = {k: v for k, v in layer.items() if k not in ('units', 'activation', 'bias', 'norm', 'dropout')}
        if layer['activation'] in ('Softmax', 'LogSoftmax'):
            options['dim'] = 1
        layers.append(torch.nn.Linear(width, layer['units']))
        if norm_of(layer) is not None:
            layers.append(norm_of(layer))
        layers.append(getattr(torch.nn, layer['activation'])(**options))
        if layer.get('dropout', 0) > 0:
            layers.append(torch.nn.Dropout(layer['dropout']))
        width = layer['units']
    ending = [OUTPUT_LAYERS[name]()] if name in OUTPUT_LAYERS else []
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, outputs), *ending)


def read_json(path):
    with open(path) as f:
        return json.load(f)


def read_inputs(path):
    """Rows of inputs: a JSON list of rows, or the x of a page's data file (nn-playground-data.pt)."""
    if path.endswith('.pt'):
        return torch.load(path, weights_only=True)['x'].to(torch.float32)
    return torch.tensor(read_json(path), dtype=torch.float32)


def predict(weights, config_path, inputs_path):
    x = read_inputs(inputs_path)
    net = build(read_json(config_path), x.shape[1])
    net.load_state_dict(load(weights))
    net.eval()
    with torch.no_grad():
        print(json.dumps(net(x).flatten().tolist()))


def make(config_path, seed, out, inputs_path):
    torch.manual_seed(int(seed))
    x = read_inputs(inputs_path)
    net = build(read_json(config_path), x.shape[1])
    torch.save(net.state_dict(), out + '.pt')
    write_safetensors(net.state_dict(), out + '.safetensors')
    with torch.no_grad():
        print(json.dumps(net(x).flatten().tolist()))


def prepare(config_path, init, data_path, dtype_name):
    """The run as the playground sets it up: data (standardized if asked), network from INIT, optimizer, loss."""
    config = read_json(config_path)
    dtype = getattr(torch, dtype_name)
    data = torch.load(data_path, weights_only=True)
    x, y = data['x'].to(dtype), data['y']
    if config.get('standardize'):
        fit = x[data['train_rows']]
        mean, std = fit.mean(0), fit.std(0, unbiased=False)
        std[std == 0] = 1
        x = (x - mean) / std
    if loss_of(config)[0] in REGRESSION_LOSSES:
        y = y.to(dtype)
    elif loss_of(config)[0] in FLOAT_TARGET_LOSSES:
        y = y.to(dtype).unsqueeze(1)
    net = build(config, x.shape[1]).to(dtype)
    net.load_state_dict(load(init))
    for i, module in enumerate(net):
        if isinstance(module, torch.nn.Dropout):
            net[i] = ReplayedDropout(module.p, data[f'dropout.{i}'])
    spec = dict(config['optimizers'][0])
    name = spec.pop('name')
    spec.pop('label', None)
    spec = {k: tuple(v) if isinstance(v, list) else v for k, v in spec.items()}
    optimizer = getattr(torch.optim, name)(net.parameters(), **spec)
    return config, data, x, y, net, optimizer, criterion(config, dtype)


class ReplayedDropout(torch.nn.Dropout):
    """nn.Dropout with the playground's masks from the data file, taken in order (its generator is not torch's)."""

    def __init__(self, p, masks):
        super().__init__(p)
        self.masks, self.used = masks, 0

    def forward(self, x):
        if not self.training:
            return x
        mask = self.masks[self.used:self.used + len(x)].to(x.dtype)
        self.used += len(x)
        return x * (mask / (1 - self.p))  # as torch: noise = bernoulli(1 - p) / (1 - p), then input * noise


def scheduler_of(config, optimizer):
    """The configuration's learning-rate scheduler over the optimizer (whole numbers as ints), or None."""
    spec = config.get('scheduler')
    if not spec:
        return None
    kwargs = {k: int(v) if isinstance(v, float) and v.is_integer() and k not in WHOLE_FLOATS else v
              for k, v in spec.items() if k != 'name'}
    return getattr(torch.optim.lr_scheduler, spec['name'])(optimizer, **kwargs)


# Keyword arguments that stay floats even when whole (a rate or factor, not a count).
WHOLE_FLOATS = ('gamma', 'eta_min', 'max_lr', 'factor', 'min_lr', 'threshold', 'div_factor', 'final_div_factor',
                'start_factor', 'end_factor', 'base_momentum', 'max_momentum', 'pct_start', 'eps')


def train(config, data, x, y, net, optimizer, loss_func, before_last_step=lambda: None):
    """The configured steps on the data file's batch order, the scheduler stepped as the playground steps it
    (OneCycleLR after every update, the others after every epoch, ReduceLROnPlateau with the epoch's mean batch
    loss); returns each batch's loss."""
    order, batch_size = data['order'], int(data['batch_size'])
    scheduler = scheduler_of(config, optimizer)
    every_update = isinstance(scheduler, torch.optim.lr_scheduler.OneCycleLR)
    plateau = isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau)
    losses, epoch = [], 0
    while len(losses) < config['steps']:
        rows = order[epoch]
        epoch_loss, batches = 0.0, 0
        for i in range(0, len(rows), batch_size):
            loss = loss_func(net(x[rows[i:i + batch_size]]), y[rows[i:i + batch_size]])
            optimizer.zero_grad()
            loss.backward()
            if 'clipGradValue' in config:
                torch.nn.utils.clip_grad_value_(net.parameters(), config['clipGradValue'])
            if 'clipGradNorm' in config:
                torch.nn.utils.clip_grad_norm_(net.parameters(), config['clipGradNorm'])
            if len(losses) == config['steps'] - 1:
                before_last_step()
            optimizer.step()
            losses.append(loss.item())
            epoch_loss += loss.item()
            batches += 1
            if scheduler is not None and every_update:
                scheduler.step()
            if len(losses) == config['steps']:
                break
        else:
            if scheduler is not None and not every_update:
                scheduler.step(epoch_loss / batches) if plateau else scheduler.step()
        epoch += 1
    return losses


def replay(config_path, init, data_path, dtype_name):
    print(json.dumps(train(*prepare(config_path, init, data_path, dtype_name))))


def replay_state(config_path, init, data_path):
    """The replay in float64, then in evaluation mode: the losses, the outputs on the first 50 points, the state
    dict (running statistics and num_batches_tracked too) and the dtypes of INIT's entries as torch loaded them."""
    run = prepare(config_path, init, data_path, 'float64')
    losses = train(*run)
    x, net = run[2], run[4]
    net.eval()
    with torch.no_grad():
        predictions = net(x[:50]).flatten().tolist()
    state = {k: v.flatten().tolist() for k, v in net.state_dict().items()}
    dtypes = {k: str(v.dtype) for k, v in load(init).items()}
    print(json.dumps({'losses': losses, 'predictions': predictions, 'state': state, 'dtypes': dtypes}))


def histogram(values, bins=20):
    """As the playground's Diagnostics: equal bars from min to max, each [left, right), the last closed."""
    values = values.flatten()
    low, high = values.min().item(), values.max().item()
    width = (high - low) / bins
    if width == 0:
        counts = [0] * bins
        counts[bins // 2] = len(values)
    else:
        counts = torch.floor((values - low) / width).clamp(0, bins - 1).to(torch.int64).bincount(minlength=bins).tolist()
    return {'min': low, 'max': high, 'counts': counts}


def diagnose(config_path, init, data_path):
    """Trains like replay (float64), then per Linear layer: weight and gradient norms, the last update's
    ||dw|| / ||w||, ReLU units zero on every training point, and histograms of the layer's outputs on the training
    data and of the full-data loss's gradient with respect to them (retain_grad)."""
    run = prepare(config_path, init, data_path, 'float64')
    config, data, x, y, net, optimizer, loss_func = run
    linears = [m for m in net if isinstance(m, torch.nn.Linear)]
    before = {}
    train(*run, before_last_step=lambda: before.update({id(m): m.weight.detach().clone() for m in linears}))
    layers = []
    for m in linears:
        layers.append({'weightNorm': m.weight.norm().item(), 'gradNorm': m.weight.grad.norm().item(),
                       'updateRatio': ((m.weight - before[id(m)]).norm() / m.weight.norm()).item()})
    train_rows = data['train_rows']
    h, outputs, modules = x[train_rows], [], list(net)
    for i, module in enumerate(modules):
        h = module(h)
        if isinstance(module, torch.nn.Linear) and i + 1 < len(modules) and not isinstance(modules[i + 1], torch.nn.Linear):
            continue  # its activation comes next
        h.retain_grad()
        outputs.append((modules[i], h))
    loss_func(h, y[train_rows]).backward()
    for layer, (module, out) in zip(layers, outputs):
        layer['deadUnits'] = (out == 0).all(0).nonzero().flatten().tolist() if isinstance(module, torch.nn.ReLU) else None
        layer['activations'] = histogram(out.detach())
        layer['gradients'] = histogram(out.grad)
    print(json.dumps(layers))


class Payload:
    """Unpickling this calls the given function: what weights_only loading must never do."""

    def __init__(self, function, argument):
        self.function, self.argument = function, argument

    def __reduce__(self):
        return self.function, (self.argument,)


def hostile(directory, marker):
    import builtins
    import os
    import subprocess
    good = torch.nn.Linear(2, 1).state_dict()
    cases = {
        'os-system': Payload(os.system, f'touch {marker}'),
        'builtins-eval': Payload(builtins.eval, f"open('{marker}', 'w')"),
        'builtins-exec': Payload(builtins.exec, f"open('{marker}', 'w')"),
        'subprocess': Payload(subprocess.Popen, ['touch', marker]),
    }
    for name, payload in cases.items():
        # the payload hidden inside an otherwise good state dict, as an attacker would
        torch.save({'weight': good['weight'], 'bias': payload}, f'{directory}/{name}.pt')
    torch.save(torch.nn.Linear(2, 1), f'{directory}/whole-module.pt')
    torch.save(good, f'{directory}/good.pt')


if __name__ == '__main__':
    {'predict': predict, 'make': make, 'replay': replay, 'replay-state': replay_state, 'diagnose': diagnose,
     'hostile': hostile}[sys.argv[1]](*sys.argv[2:])
