// Chapter 3's two forms of one network, line by line: the PyTorch source, its printout and its diagram's
// columns each tagged with the parts they are about ("hidden", "relu", "predict" for the custom Net; "0", "1",
// "2" for the Sequential), so hovering one lights the others. Plain functions, tested in Node.
import { t, tn } from './i18n.js';

/** The source of the custom module, as the course writes it, each line with its parts. */
export function netSource({ nFeature, nHidden, nOutput }) {
  return [
    ['class Net(torch.nn.Module):', []],
    ['    def __init__(self, n_feature, n_hidden, n_output):', []],
    ['        super(Net, self).__init__()', []],
    ['        self.hidden = torch.nn.Linear(n_feature, n_hidden)', ['hidden']],
    ['        self.predict = torch.nn.Linear(n_hidden, n_output)', ['predict']],
    ['', []],
    ['    def forward(self, x):', []],
    ['        x = F.relu(self.hidden(x))', ['hidden', 'relu']],
    ['        x = self.predict(x)', ['predict']],
    ['        return x', []],
    ['', []],
    [`net1 = Net(${nFeature}, ${nHidden}, ${nOutput})`, []],
  ].map(([text, parts]) => ({ text, parts }));
}

/** The Sequential the course writes beside it. */
export function sequentialSource({ nFeature, nHidden, nOutput }) {
  return [
    ['net2 = torch.nn.Sequential(', []],
    [`    torch.nn.Linear(${nFeature}, ${nHidden}),`, ['0']],
    ['    torch.nn.ReLU(),', ['1']],
    [`    torch.nn.Linear(${nHidden}, ${nOutput})`, ['2']],
    [')', []],
  ].map(([text, parts]) => ({ text, parts }));
}

/** A printout's lines; a child's line "  (name): ..." is about part `name`. */
export function printoutLines(printout) {
  return printout.split('\n').map((text) => {
    const child = /^\s+\(([^)]+)\):/.exec(text);
    return { text, parts: child ? [child[1]] : [] };
  });
}

/**
 * The diagram's three columns and two weight layers, each with its parts and a caption: the custom Net's
 * ReLU is inside forward (part "relu" of the hidden column), the Sequential's is its module "1".
 */
export function diagramParts(form, { nFeature, nHidden, nOutput }) {
  if (form === 'net') {
    return {
      columns: [
        { units: nFeature, parts: [], caption: `x: ${tn('network.inputs', nFeature)}` },
        { units: nHidden, parts: ['hidden', 'relu'], caption: t('nets.captionHidden', { n: nHidden }) },
        { units: nOutput, parts: ['predict'], caption: `predict: ${nOutput}` },
      ],
      layers: [['hidden'], ['predict']],
    };
  }
  return {
    columns: [
      { units: nFeature, parts: [], caption: t('nets.captionInput', { n: nFeature }) },
      { units: nHidden, parts: ['0', '1'], caption: `(0) Linear, (1) ReLU: ${nHidden}` },
      { units: nOutput, parts: ['2'], caption: `(2) Linear: ${nOutput}` },
    ],
    layers: [['0'], ['2']],
  };
}

/** Whether an element about `parts` lights up when one about `hovered` is pointed at. */
export function sharesPart(parts, hovered) {
  return parts.some((p) => hovered.includes(p));
}
