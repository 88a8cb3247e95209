// English: every word the pages show, by key (see i18n.js). The Chinese catalogue has the same keys.
export default {
  'site.name': 'NN Playground',
  'language.choose': 'Language',

  'nav.chapters': 'Chapters',
  'nav.prevNext': 'Previous and next chapter',
  'chapter.regression.title': '1. Regression',
  'chapter.regression.about': 'fit a curve to noisy points',
  'chapter.classification.title': '2. Classification',
  'chapter.classification.about': 'separate two clouds of points',
  'chapter.nets.title': '3. Building nets',
  'chapter.nets.about': 'a custom module and a Sequential, printed as PyTorch prints them',
  'chapter.saveload.title': '4. Save and load',
  'chapter.saveload.about': 'a whole checkpoint or just the weights, and back',
  'chapter.descent.title': '5. Gradient descent three ways',
  'chapter.descent.about': 'batch, stochastic and mini-batch on y = w·x',
  'chapter.race.title': '6. Optimizer race',
  'chapter.race.about': 'SGD, Momentum, RMSprop and Adam on the same batches',
  'chapter.playground.title': 'Playground',
  'chapter.playground.about': 'any dataset, layers, activation and optimizer',

  'index.intro': 'Build and train small neural networks live in your browser, chapter by chapter of a classic '
    + 'PyTorch beginner course, with numbers that agree with real PyTorch.',
  'index.embed': 'Teaching with it? <a href="embed.html">Embed any chapter in your own lesson page</a>, on any site.',
  'index.check': 'The training engine runs in your browser: <a href="check/engine-check.html">check that both browser '
    + 'engines (WebAssembly and JavaScript) compute exactly what the server computes</a>.',

  'intro.regression': '<p>A network can learn a curve from noisy points. Here the points follow <code>y = x² + noise</code> '
    + 'on 100 values of x from −1 to 1, and the network is <code>Linear(1, 10) → ReLU → Linear(10, 1)</code>: ten bent '
    + 'lines added up. Each update feeds all points through the network, measures the mean squared error (MSE) against '
    + 'the targets, and moves every weight a little against its gradient (SGD).</p><p>Watch the red curve bend towards '
    + 'the points as the loss falls. Try a larger learning rate and see it overshoot, or a wider hidden layer and see it '
    + 'fit faster.</p>',
  'intro.classification': '<p>Two clouds of points, one around (2, 2) and one around (−2, −2), each a class. The network '
    + '<code>Linear(2, 10) → ReLU → Linear(10, 2)</code> gives two scores per point; softmax turns them into probabilities '
    + 'and cross-entropy measures how wrong they are. The shaded background is the network\'s decision: blue where it '
    + 'says class 0, orange where it says class 1.</p><p>Make the clouds overlap by raising the spread and watch the '
    + 'accuracy stop short of 100 %.</p>',
  'intro.saveload': '<p>Train the regression network (a <code>Sequential</code> this time, learning rate 0.5, 100 '
    + 'updates), then keep it. A <strong>checkpoint</strong> holds everything: the architecture and the weights, so it '
    + 'can be loaded with nothing else at hand — like <code>torch.save(net, ...)</code>. A <strong>state dict</strong> '
    + 'holds only the weights, by name (<code>0.weight</code>, <code>0.bias</code>, ...) — like '
    + '<code>torch.save(net.state_dict(), ...)</code>: smaller, but you must build a network of the same shape to load '
    + 'it into. Load either file back and compare.</p>',
  'intro.race': '<p>Four optimizers train four copies of the same network (<code>Linear(1, 20) → ReLU → Linear(20, 1)'
    + '</code>) from the same initial weights, on the same mini-batches of 32 of the 1,000 noisy points: plain SGD, SGD '
    + 'with momentum 0.8, RMSprop (α 0.9) and Adam (β 0.9, 0.99), all at learning rate 0.01. Only the update rule '
    + 'differs, so the curves compare the rules themselves. Plain SGD creeps; momentum gathers speed; RMSprop and Adam '
    + 'scale each weight\'s step by its recent gradients and get down to the noise floor within a few epochs.</p>'
    + '<p>Each lane below lists every setting of its optimizer, starting from PyTorch\'s defaults (the course\'s changes '
    + 'already filled in). Change one and the race starts again from the same weights; tick another optimizer (Adagrad, '
    + 'AdamW, NAdam, RAdam, Adamax, Adadelta, Rprop) to add it to the race. The link in the address bar keeps your '
    + 'lanes.</p>',
  'intro.playground': '<p>Every piece is yours to choose: the dataset, the hidden layers (write widths like '
    + '<code>16-16</code>), the activation, the optimizer and its learning rate, the batch size (0 for the whole dataset '
    + 'at once) and the seeds. The link in the address bar always describes this exact run.</p>',
  'intro.nets': '<p>There are two ways to write the regression network. As a <strong>custom module</strong>, a class '
    + '<code>Net</code> whose constructor creates two <code>Linear</code> layers, <code>hidden</code> and '
    + '<code>predict</code>, and whose <code>forward</code> says what happens between them (a ReLU). Or as a '
    + '<strong><code>Sequential</code></strong>: a list of layers applied one after another, ReLU included.</p>'
    + '<p>Given the same weights they compute the same thing, as the outputs below show. The printouts differ: the '
    + 'Sequential lists the ReLU because it is one of its layers, while the custom Net calls ReLU inside '
    + '<code>forward</code>, which no printout can show. That is the custom form\'s strength: <code>forward</code> can do '
    + 'anything — skip connections, loops, several inputs — that a straight list of layers cannot.</p>',
  'intro.descent': '<p>The smallest model there is: <code>y = w·x</code>, fitted to the three points (1, 2), (2, 4), '
    + '(3, 6), starting from w = 1. The best w is 2. The cost is the mean of (w·x − y)², and its slope with respect to w '
    + 'tells which way to move.</p><p><strong>Batch</strong> descent averages the slope over all three points and takes '
    + 'one step per epoch. <strong>Stochastic</strong> descent steps after every single point: three noisier steps per '
    + 'epoch. <strong>Mini-batch</strong> descent sits in between, stepping after every group of points. Switch the '
    + 'x-axis to see that more updates is not the same as more data: per example seen, the three use the data about '
    + 'equally well.</p><p>The course\'s batch code returns from inside its loop, so it only ever looks at the first '
    + 'point: its grey line shows how much slower that is (untick "Show the course\'s batch code" to hide it).</p>',

  'controls.group': 'Training controls',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.step': 'Step',
  'controls.reset': 'Reset',
  'controls.reset.title': 'Same initial weights',
  'controls.reinit': 'Re-initialise',
  'controls.reinit.title': 'New initial weights',
  'controls.lr': 'Learning rate',
  'controls.speed': 'Speed',
  'controls.speed.aria': 'Speed in updates per second',
  'status.progress': 'Progress of the run',
  'status.update': 'update 0',
  'status.loss': 'loss',
  'status.accuracy': 'accuracy',
  'status.testLoss': 'test loss',
  'status.engine': 'engine:',

  'status.engineFailed': 'The training engine could not start: {error}',
  'status.preparing': 'Preparing…',
  'status.finished': 'Finished the planned {steps} updates. Play trains on; Reset starts again.',
  'status.ready': 'Ready. Press play (or the space bar).',
  'status.training': 'Training…',
  'status.paused': 'Paused.',
  'status.reset': 'Back to the same initial weights.',
  'status.copied': 'The PyTorch script is on the clipboard.',
  'status.copyManual': 'Select-all done: press Ctrl+C (or ⌘C) to copy.',
  'status.needPoints': 'Click the chart to add points: training needs at least two.',
  'status.startFrom': 'Starting from the weights in {name}. Press play; reset comes back to them, a new setting does not.',
  'status.startFromFailed': 'Could not start from {name}: {error}. The network is unchanged.',

  'progress.planned': 'update {step} of {total} · epoch {epoch}',
  'progress.open': 'update {step} · epoch {epoch}',
  'data.points.one': '{n} point',
  'data.points.other': '{n} points',
  'data.heldOut': ', {n} held out for testing',
  'speed.fastest': 'fastest',
  'speed.rate.one': '{n} update/s',
  'speed.rate.other': '{n} updates/s',
  'chart.update': 'update',
  'chart.loss': 'loss',
  'chart.accuracy': 'accuracy',
  'chart.trainingLoss': 'training loss',
  'chart.testLoss': 'test loss',
  'chart.trainingAccuracy': 'training accuracy',
  'chart.testAccuracy': 'test accuracy',
  'chart.learningRate': 'learning rate',
  'chart.laneBatches': '{label}: each batch',
  'chart.laneTest': '{label}: test',
  'chart.lossEmpty': 'The loss appears here as the network trains.',
  'chart.accuracyEmpty': 'Accuracy appears here as the network trains.',
  'chart.rateEmpty': 'The learning rate appears here as the network trains.',
  'chart.data': 'data',
  'chart.trainingData': 'training data',
  'chart.testData': 'test data',
  'chart.testHollow': 'test data (hollow)',
  'chart.fit': 'fit ({label})',
  'chart.class': 'class {k}',
  'chart.outputBias': 'output bias',
  'chart.hiddenParts': 'hidden units\' parts',
  'chart.part': 'part {n}',
  'network.inputs.one': '{n} input',
  'network.inputs.other': '{n} inputs',
  'network.outputs.one': '{n} output',
  'network.outputs.other': '{n} outputs',
  'network.units.one': '{n} unit',
  'network.units.other': '{n} units',
  'network.summary': '{layers}; {weights} weights and biases.',
  'network.thinned': ' Where a layer has more than {limit} weights, only its {limit} strongest are drawn.',
  'network.aria': 'Network: {layers}',
  'network.noDead': 'No dead ReLU units.',
  'network.dead': '{dead} of {relu} ReLU units dead (zero on every training point, outlined red).',
  'network.deadUnit': ', dead: zero on every training point',

  'settings': 'Settings',
  'settings.group.Data': 'Data',
  'settings.group.Network': 'Network',
  'settings.group.Training': 'Training',
  'settings.group.Advanced': 'Advanced',
  'settings.dataset': 'Dataset',
  'settings.n': 'Points',
  'settings.noise': 'Noise',
  'settings.test': 'Test split',
  'settings.test.title': 'The share of the points held out to test on (0: none)',
  'settings.showTest': 'Show test points',
  'settings.standardize': 'Standardize inputs',
  'settings.standardize.title': 'Scale each input to mean 0 and standard deviation 1, with the training points\' statistics',
  'settings.layers': 'Hidden layers',
  'settings.layers.title': 'Widths of the hidden layers, e.g. 16-16',
  'settings.activation': 'Activation',
  'settings.activation.title': 'One activation for all hidden layers, or one per layer: ReLU-Tanh',
  'settings.norm': 'Normalisation',
  'settings.norm.title': 'After each hidden Linear: none, BatchNorm1d or LayerNorm; one for all layers or one per layer: BatchNorm1d-none',
  'settings.normHp': 'Normalisation settings',
  'settings.dropout': 'Dropout',
  'settings.dropout.title': 'nn.Dropout after each hidden layer\'s activation: the probability of zeroing a value in training (0: none); one for all layers or one per layer: 0.2-0',
  'settings.inputFeatures': 'Input features',
  'settings.loss': 'Loss',
  'settings.lossHp': 'Loss settings',
  'settings.optimizer': 'Optimizer',
  'settings.momentum': 'Momentum',
  'settings.hp': 'Optimizer settings',
  'settings.sched': 'LR scheduler',
  'settings.sched.title': 'torch.optim.lr_scheduler: how the learning rate changes over the epochs',
  'settings.schedHp': 'Scheduler settings',
  'settings.lanes': 'Optimizers racing',
  'settings.batch': 'Batch size',
  'settings.batch.title': '0: all the points at once',
  'settings.reg': 'Regularization',
  'settings.reg.none': 'none',
  'settings.reg.L2': 'L2 (weight decay)',
  'settings.regRate': 'Regularization rate',
  'settings.regRate.title': 'L1: rate × Σ|w| is added to the loss; L2: the optimizer\'s weight_decay',
  'settings.shuffle': 'Shuffle batches',
  'settings.shuffle.title': 'DataLoader shuffle: a new order of the points every epoch',
  'settings.dropLast': 'Drop last batch',
  'settings.dropLast.title': 'DataLoader drop_last: leave out an epoch\'s last batch when it is smaller',
  'settings.clipNorm': 'Clip gradient norm',
  'settings.clipNorm.title': 'torch.nn.utils.clip_grad_norm_ before each step: the largest 2-norm of all the gradients (0: no clipping)',
  'settings.clipValue': 'Clip gradient values',
  'settings.clipValue.title': 'torch.nn.utils.clip_grad_value_ before each step: the largest size of each gradient value (0: no clipping)',
  'settings.steps': 'Pause after',
  'settings.steps.title': 'Training pauses after this many updates; play again to train on',
  'settings.dataSeed': 'Data seed',
  'settings.initSeed': 'Weights seed',
  'settings.engine': 'Engine',
  'settings.engine.auto': 'auto',

  'charts.data.aria': 'The data and the network\'s fit',
  'charts.data': 'Data and the network\'s fit',
  'charts.parts': 'the hidden units\' parts',
  'charts.parts.title': 'Each hidden unit\'s part of the fit, and the output bias: they add up to the fit',
  'charts.discrete': 'discretize output',
  'charts.discrete.title': 'Colour each region by the predicted class alone',
  'charts.loss.aria': 'Loss per update',
  'charts.loss': 'Loss on all the training data',
  'charts.batches': 'each batch',
  'charts.batches.title': 'Each batch\'s loss, a faint band behind the whole-data loss',
  'charts.accuracy.aria': 'Accuracy per update',
  'charts.accuracy': 'Accuracy',
  'charts.rate.aria': 'Learning rate per update',
  'charts.rate': 'Learning rate, as the scheduler sets it',
  'charts.unitClose': 'Close',

  'network': 'Network',
  'network.lane': 'Lane',
  'network.lane.aria': 'The race\'s lane whose network is drawn',
  'network.svg.aria': 'Units and weights; arrow keys move between them',
  'network.tip': 'Hover or focus a unit or a weight to see its value; click a unit (or press Enter) to see it large beside the data chart.',

  'diagnostics': 'Diagnostics',
  'diagnostics.region': 'Diagnostics: is the training healthy?',
  'diagnostics.lane.aria': 'The race\'s lane whose network is diagnosed',
  'diagnostics.caption': 'Each layer after update {step}, over the {points} training points',
  'diagnostics.layer': 'layer',
  'diagnostics.weight.title': 'The weight matrix\'s size (Frobenius norm)',
  'diagnostics.grad.title': 'The size of the last update\'s gradient of the weights',
  'diagnostics.ratio.title': 'How much the last update changed the weights, against their size',
  'diagnostics.dead': 'dead units',
  'diagnostics.dead.title': 'ReLU units that are zero on every training point',
  'diagnostics.ratioChart.aria': 'Each layer\'s update size against its weights, per update, on a log scale',
  'diagnostics.ratioChart': '‖ΔW‖ / ‖W‖ per update, each layer (log scale). The dashed line is the rule of thumb, about '
    + '1e-3: far below it a layer barely learns, far above it each update rewrites much of what it learned.',
  'diagnostics.histograms': 'Histograms over the training points: each layer\'s outputs (after its activation; a tall '
    + 'bar at 0 for ReLU means many units are off) and the gradient of the loss on all the data with respect to them '
    + '(bars squeezed at 0 in early layers: the gradient vanishes before it gets there). A grey line marks zero.',

  'code': 'PyTorch code for this run',
  'code.copy': 'Copy',
  'code.files.aria': 'Files to replay this run in PyTorch',
  'code.files': 'To get this page\'s exact numbers, save these next to the script:',
  'code.initial': 'initial weights (.pt)',
  'code.data': 'data and batch order (.pt)',
  'code.cli': 'The same run on the command line:',
  'code.settings': 'run settings (.json)',
  'code.cli.for': 'for',
  'code.aria': 'PyTorch script',
};
