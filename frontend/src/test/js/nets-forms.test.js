import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagramParts, netSource, printoutLines, sequentialSource, sharesPart } from '../../main/webapp/app/nets-forms.js';

const sizes = { nFeature: 1, nHidden: 10, nOutput: 1 };

test("the custom Net's layers and its ReLU are parts of its source, the ReLU only in forward", () => {
  const lines = netSource(sizes);
  const about = (part) => lines.filter((l) => l.parts.includes(part)).map((l) => l.text.trim());
  assert.deepEqual(about('hidden'), ['self.hidden = torch.nn.Linear(n_feature, n_hidden)', 'x = F.relu(self.hidden(x))']);
  assert.deepEqual(about('relu'), ['x = F.relu(self.hidden(x))']);
  assert.deepEqual(about('predict'), ['self.predict = torch.nn.Linear(n_hidden, n_output)', 'x = self.predict(x)']);
  assert.equal(lines.at(-1).text, 'net1 = Net(1, 10, 1)');
});

test("the Sequential's modules are its parts 0, 1 and 2, with the page's sizes", () => {
  const lines = sequentialSource({ nFeature: 2, nHidden: 5, nOutput: 3 });
  assert.deepEqual(lines.filter((l) => l.parts.length).map((l) => [l.parts[0], l.text.trim()]),
    [['0', 'torch.nn.Linear(2, 5),'], ['1', 'torch.nn.ReLU(),'], ['2', 'torch.nn.Linear(5, 3)']]);
});

test("a printout's child lines are about the child they name; the rest about nothing", () => {
  const lines = printoutLines('Sequential(\n  (0): Linear(in_features=1, out_features=10, bias=True)\n  (1): ReLU()\n'
    + '  (2): Linear(in_features=10, out_features=1, bias=True)\n)');
  assert.deepEqual(lines.map((l) => l.parts), [[], ['0'], ['1'], ['2'], []]);
  assert.deepEqual(printoutLines('Net(\n  (hidden): Linear(in_features=1, out_features=10, bias=True)\n)')[1].parts, ['hidden']);
});

test('both diagrams have the same columns; only their parts and captions differ', () => {
  const net = diagramParts('net', sizes);
  const sequential = diagramParts('sequential', sizes);
  assert.deepEqual(net.columns.map((c) => c.units), [1, 10, 1]);
  assert.deepEqual(sequential.columns.map((c) => c.units), [1, 10, 1]);
  assert.deepEqual(net.columns[1].parts, ['hidden', 'relu']);
  assert.deepEqual(sequential.columns[1].parts, ['0', '1']);
  assert.deepEqual(net.layers, [['hidden'], ['predict']]);
  assert.deepEqual(sequential.layers, [['0'], ['2']]);
  assert.ok(sharesPart(['hidden', 'relu'], ['relu']));
  assert.ok(!sharesPart(['predict'], ['hidden', 'relu']));
});
