// Chapter 3: the same network written two ways, printed exactly as PyTorch prints them.
import { explain, t } from './i18n.js';
import { createEngine } from '../engine/nn-engine.js';
import { diagramParts, netSource, printoutLines, sequentialSource, sharesPart } from './nets-forms.js';
import { edgeStyle, edgesToDraw, layoutNetwork } from './network-layout.js';
import { embedOptions, embedSuffix, enterEmbedMode, labelControls, listenForCommands, publish, setField } from './embed-bridge.js';

const engine = createEngine();
const fields = ['nFeature', 'nHidden', 'nOutput'];
const $ = (role) => document.querySelector(`[data-role=${role}]`);

function readSizes() {
  const params = new URLSearchParams(location.hash.slice(1));
  const sizes = { nFeature: 1, nHidden: 10, nOutput: 1 };
  for (const key of fields) {
    const v = Number(params.get(key));
    if (params.has(key) && Number.isInteger(v) && v >= 1 && v <= 256) sizes[key] = v;
  }
  return sizes;
}

async function show() {
  const sizes = {};
  for (const key of fields) sizes[key] = Number(document.querySelector(`[data-field=${key}]`).value);
  history.replaceState(null, '', '#' + new URLSearchParams({ v: '1', ...sizes }) + embedding);
  try {
    const { answer } = await engine.nets({ ...sizes, seed: 1 });
    showLines($('net-source'), netSource(sizes));
    showLines($('net'), [{ text: 'print(net1)', parts: [] }, ...printoutLines(answer.net)]);
    showLines($('sequential-source'), sequentialSource(sizes));
    showLines($('sequential'), [{ text: 'print(net2)', parts: [] }, ...printoutLines(answer.sequential)]);
    for (const form of ['net', 'sequential']) drawDiagram($(`${form}-diagram`), diagramParts(form, sizes), answer.weights);
    $('keys').textContent = `net1: ${answer.netKeys.join(', ')}\nnet2: ${answer.sequentialKeys.join(', ')}`;
    $('count').textContent = String(answer.parameters);
    $('difference').textContent = answer.maxDifference === 0 ? t('nets.identical') : String(answer.maxDifference);
    $('message').textContent = '';
    publish(ready ? 'state' : 'ready', { link: location.hash });
    ready = true;
  } catch (error) {
    $('message').textContent = explain(error);
    publish('error', { message: error.message });
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** Lines of code or printout, each a span; those about a part of the network can be pointed at and focused. */
function showLines(pre, lines) {
  pre.replaceChildren(...lines.flatMap(({ text, parts }, i) => {
    const span = document.createElement('span');
    span.textContent = text;
    if (parts.length) {
      span.className = 'part';
      span.dataset.parts = parts.join(' ');
      span.tabIndex = 0;
    }
    return i < lines.length - 1 ? [span, '\n'] : [span];
  }));
}

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, String(value)));
  return element;
}

/** Columns of units and a line per weight (the strongest, for a large layer), each group tagged with its parts. */
function drawDiagram(svg, { columns, layers }, weights) {
  const width = Math.max(260, svg.parentElement.clientWidth - 16);
  const height = 200;
  const layout = layoutNetwork(columns.map((c) => c.units), width, height - 24);
  svg.setAttribute('viewBox', `0 -4 ${width} ${height + 4}`); // room for the top unit's outline
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height + 4));
  svg.replaceChildren();
  const half = layout.size / 2;
  layers.forEach((parts, l) => {
    const values = weights[l];
    const inputs = columns[l].units;
    const group = svgElement('g', { 'data-parts': parts.join(' '), tabindex: 0, class: 'part',
      'aria-label': `${parts.join(', ')}: the ${columns[l + 1].units} × ${inputs} weights` });
    const largest = Math.max(...values.map(Math.abs));
    for (const index of edgesToDraw(values)) {
      const from = layout.columns[l].nodes[index % inputs];
      const to = layout.columns[l + 1].nodes[Math.floor(index / inputs)];
      const style = edgeStyle(values[index], largest);
      group.appendChild(svgElement('line', { x1: from.x + layout.size, y1: from.y + half, x2: to.x, y2: to.y + half,
        stroke: style.color, 'stroke-width': style.width.toFixed(2), 'stroke-opacity': style.opacity.toFixed(2) }));
    }
    svg.appendChild(group);
  });
  columns.forEach((column, c) => {
    const group = svgElement('g', column.parts.length
      ? { 'data-parts': column.parts.join(' '), tabindex: 0, class: 'part', 'aria-label': column.caption }
      : { 'aria-label': column.caption });
    for (const node of layout.columns[c].nodes) {
      group.appendChild(svgElement('rect', { x: node.x, y: node.y, width: layout.size, height: layout.size, rx: 3, class: 'unit' }));
    }
    const x = Math.min(width - 4, Math.max(4, layout.columns[c].x + half));
    const text = svgElement('text', { x, y: height - 6, 'text-anchor': c === 0 ? 'start' : c === columns.length - 1 ? 'end' : 'middle' });
    text.textContent = column.caption;
    group.appendChild(text);
    svg.appendChild(group);
  });
}

/** Pointing at (or focusing) a part lights every source line, printout line and diagram group about it. */
function lightUp(event) {
  const form = event.target.closest?.('.form');
  const hovered = event.target.closest?.('[data-parts]');
  if (!form) return;
  const parts = hovered && event.type !== 'pointerout' && event.type !== 'focusout' ? hovered.dataset.parts.split(' ') : [];
  form.classList.toggle('lighting', parts.length > 0);
  form.querySelectorAll('[data-parts]').forEach((element) => {
    element.classList.toggle('lit', parts.length > 0 && sharesPart(element.dataset.parts.split(' '), parts));
  });
}
for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout']) document.addEventListener(type, lightUp);

const main = document.querySelector('main');
const embedding = embedSuffix(location.hash);
const embed = embedOptions(location.search, location.hash);
let ready = false;
labelControls(main);
if (embed.embedded) enterEmbedMode(main, 'nets', embed);
listenForCommands({ set: (param, value) => setField(main, param, value) });

const initial = readSizes();
for (const key of fields) {
  const input = document.querySelector(`[data-field=${key}]`);
  input.value = String(initial[key]);
  input.addEventListener('change', show);
}
show();
