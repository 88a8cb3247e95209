// The data part of the generated PyTorch script: each dataset drawn as the course draws it (or your own points
// written out), and the input features made from x1 and x2.
import { t } from './i18n.js';

/** A float literal: 1.0 rather than 1, so torch.tensor makes float32, not int64. */
export function pyFloat(value) {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** Numbers as Python list text, rows of `width`. */
function rows(values, width) {
  const out = [];
  for (let i = 0; i < values.length; i += width) out.push(`[${values.slice(i, i + width).map(pyFloat).join(', ')}]`);
  return out;
}

export function dataCode(d) {
  const n = d.n;
  switch (d.name) {
    case 'custom': {
      // Your own points, written out; class names in comments, class indices in y.
      const width = d.features || (d.classes ? 2 : 1);
      const x = `x = torch.tensor([\n    ${rows(d.inputs, width).join(',\n    ')},\n])`;
      if (!d.classes) return `${x}\ny = torch.tensor([${rows(d.targets, d.outputs || 1).join(', ')}])`;
      return `${x}\n# ${t('code.c.classes')}: ${d.classes.map((c, k) => `${k} = ${c}`).join(', ')}\ny = torch.tensor([${d.targets.join(', ')}])`;
    }
    case 'parabola':
      return `x = torch.unsqueeze(torch.linspace(-1, 1, ${n}), dim=1)\ny = x.pow(2) + ${d.noise} * torch.rand(x.size())`;
    case 'parabola-gaussian':
      return `x = torch.unsqueeze(torch.linspace(-1, 1, ${n}), dim=1)\ny = x.pow(2) + ${d.noise} * torch.normal(torch.zeros(*x.size()))`;
    case 'sine':
      return `x = torch.unsqueeze(torch.linspace(-math.pi, math.pi, ${n}), dim=1)\ny = torch.sin(x) + ${d.noise} * torch.randn(x.size())`;
    case 'line':
      return 'x = torch.tensor([[1.0], [2.0], [3.0]])\ny = 2 * x';
    case 'clusters':
      return `n_data = torch.ones(${Math.floor(n / 2)}, 2)\nx0 = torch.normal(2 * n_data, ${d.noise})\n`
        + `x1 = torch.normal(-2 * n_data, ${d.noise})\nx = torch.cat((x0, x1), 0)\n`
        + `y = torch.cat((torch.zeros(${Math.floor(n / 2)}), torch.ones(${Math.floor(n / 2)}))).long()`;
    case 'circle':
      return `label = (torch.arange(${n}) >= ${Math.floor(n / 2)}).long()\n`
        + 'radius = torch.where(label == 0, 0.5 * torch.rand(len(label)), 0.7 + 0.3 * torch.rand(len(label)))\n'
        + 'direction = F.normalize(torch.randn(len(label), 2), dim=1)\n'
        + `x = radius.unsqueeze(1) * direction + ${d.noise} * torch.randn(len(label), 2)\ny = label`;
    case 'xor':
      return `points = 2 * torch.rand(${n}, 2) - 1\ny = (points[:, 0] * points[:, 1] < 0).long()\n`
        + `x = points + ${d.noise} * torch.randn(${n}, 2)`;
    case 'spiral':
      return `half = ${Math.ceil(n / 2)}\nlabel = (torch.arange(${n}) >= half).long()\n`
        + `t = torch.cat((torch.linspace(0, 1, half), torch.linspace(0, 1, ${n} - half)))\n`
        + 'angle = 3.5 * math.pi * t + math.pi * label\nradius = 0.1 + 0.9 * t\n'
        + `x = torch.stack((radius * torch.cos(angle), radius * torch.sin(angle)), dim=1) + ${d.noise} * torch.randn(${n}, 2)\ny = label`;
    case 'moons':
      return `half = ${Math.ceil(n / 2)}\nlabel = (torch.arange(${n}) >= half).long()\nt = math.pi * torch.rand(${n})\n`
        + 'a = torch.where(label == 0, torch.cos(t), 1 - torch.cos(t))\n'
        + 'b = torch.where(label == 0, torch.sin(t), 0.5 - torch.sin(t))\n'
        + `x = torch.stack((a, b), dim=1) + ${d.noise} * torch.randn(${n}, 2)\ny = label`;
    default:
      throw new Error('no PyTorch code for dataset ' + d.name);
  }
}

// Each input feature as PyTorch computes it from the columns x1 and x2.
const FEATURE_CODE = {
  x1: 'x1', x2: 'x2', 'x1^2': 'x1 ** 2', 'x2^2': 'x2 ** 2', 'x1*x2': 'x1 * x2', 'sin(x1)': 'torch.sin(x1)',
  'sin(x2)': 'torch.sin(x2)',
};

export function featuresCode(names) {
  const columns = names.map((name) => FEATURE_CODE[name]);
  return ['', `# ${t('code.c.features')}`, 'x1, x2 = x[:, 0], x[:, 1]',
    `x = torch.stack((${columns.join(', ')}${columns.length === 1 ? ',' : ''}), dim=1)`];
}
