// English: the pages' own prose (chapter introductions, the index, the embedding guide, the engine check), by key.
export default {
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
  'embed.title': 'Embed a chapter in your lesson',
  'embed.intro': 'Any chapter of NN Playground can live inside your own lesson page, on any site: one script tag, then one element per chapter. The element is as wide as your text column and exactly as tall as the chapter, on a laptop and on a phone. This page does it itself: the examples below are live.',
  'embed.plain': '1. Plain HTML',
  'embed.pick': 'Pick the settings that matter for your lesson. <code>show</code> names the controls the learner gets, <code>hide</code> removes some of a chapter\'s own, and <code>controls="none"</code> with <code>autoplay</code> makes a pure demo:',
  'embed.markdown': '2. Documentation generators (Markdown)',
  'embed.markdownText': 'MkDocs, Jekyll, Hugo (with <code>markup.goldmark.renderer.unsafe = true</code>), Sphinx\'s MyST and most Markdown tools pass raw HTML through: put the same two lines in your <code>.md</code> file, each on its own line with a blank line before and after. In MDX (Docusaurus), add the script once to the site\'s <code>scripts</code> setting and write the element as it is.',
  'embed.iframe': '3. An iframe, where scripts are not allowed',
  'embed.iframeText': 'Some platforms (learning-management systems, wikis) allow an <code>&lt;iframe&gt;</code> but no script. Use the chapter\'s embed view directly; give it a fixed height, as it cannot tell the frame its size:',
  'embed.reference': 'Chapters, settings and options',
  'embed.col.attribute': 'attribute',
  'embed.col.does': 'what it does',
  'embed.ref.chapter': '<code>regression</code>, <code>classification</code>, <code>nets</code>, <code>saveload</code>, <code>descent</code>, <code>race</code> or <code>playground</code>; an unknown name shows an error in its place and fires <code>nn-error</code>',
  'embed.ref.settings': 'the chapter\'s settings, as in its link (<code>layers="16-16"</code>, <code>speed="0"</code> for as fast as possible); the descent chapter takes <code>epochs</code>, <code>batch-lr</code>, <code>lr</code>, <code>batch</code>, <code>axis</code>, building nets <code>inputs</code>, <code>hidden</code>, <code>outputs</code>. Changing one later applies it like its control.',
  'embed.ref.seed': '(the weights\' seed)',
  'embed.eventProgress': 'nn-progress × {count} (last at update {step})',
  'embed.ref.show': 'the controls shown (by their link names, and <code>network</code>, <code>diagnostics</code>, <code>code</code>, <code>data</code> or <code>files</code> for those panels), or hidden; <code>play</code>, <code>step</code> and <code>reset</code> are buttons you can hide too',
  'embed.ref.controls': 'no controls at all; start training once ready',
  'embed.ref.size': 'the widest it gets (it narrows with its container); the height until the chapter reports its own',
  'embed.script': 'From a script',
  'embed.events': 'Events: <code>nn-ready</code>, <code>nn-progress</code>, <code>nn-done</code>, <code>nn-error</code>, <code>nn-state</code> (its <code>detail.link</code> is the frame\'s link) and <code>nn-resize</code>. Heard from the first example on this page:',
  'embed.hosting': 'Hosting',
  'embed.hostingText': 'The script works from the playground\'s own server and from the static site on any static host: the frames come from wherever <code>embed.js</code> came from. The server lets any site frame the embed view (pages opened with <code>?embed=1</code>) and only itself frame the rest; <code>--embed-ancestors</code> narrows who may embed (for example <code>--embed-ancestors "https://school.example"</code>) and <code>--frame-ancestors</code> widens who may frame the full site. The embed view never writes to the server: saving models and datasets happens in the full page, and the server refuses writes from the embed view or from other sites\' pages.',
  'embed.ref.lang': 'the chapter\'s language, <code>en</code> or <code>zh-CN</code> (Simplified Chinese); without it the reader\'s own choice or browser decides',
  'check.title': 'Engine check',
  'check.intro': 'The same Java core runs here compiled to WebAssembly and to JavaScript. Each engine runs a probe that touches every part of the core (maths, datasets, layers, losses, optimizers, model files) and prints its numbers; equal text means bit-identical results.',
  'check.engine': 'engine',
  'check.status': 'status',
  'check.time': 'time (ms)',
  'check.output': 'Probe output',
  'check.ran': 'ran',
  'check.same': 'ran, same as JavaScript',
  'check.differs': 'ran, DIFFERS from JavaScript',
  'check.unavailable': 'unavailable: {error}',
  'check.done': 'Probe with seed {seed}: done.',
  'check.failed': 'Probe with seed {seed}: failed: {error}',
};
