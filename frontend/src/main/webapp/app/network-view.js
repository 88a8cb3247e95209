// The network view: the actual Sequential drawn as columns of units joined by an edge per weight. Each unit
// shows what it computes over the data chart's area (a curve for one input, a map for two), each edge's
// colour is its weight's sign and its width its size, and all of it follows the training live. Hover or
// focus a unit or an edge for its PyTorch name, value and last gradient; click a unit to see it large.
// Keyboard: the diagram is one tab stop; the arrow keys walk units and the weights between them.
import { t, tn } from './i18n.js';
import { divergingColor, edgeLimit, edgeStyle, edgesToDraw, formatValue, layerParts, layoutNetwork, parameterLabel }
  from './network-layout.js';

const SVG = 'http://www.w3.org/2000/svg';
const UNIT_HEIGHT = 46; // the diagram grows with its tallest column, up to MAX_HEIGHT
const MAX_HEIGHT = 520;
const LARGE = 200; // the large picture beside the data chart

/** The view inside `root` (see trainer-markup.js); lanes are the run's optimizer labels (a race has several). */
export function createNetworkView(root) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const box = $('network-box');
  const canvas = $('network-canvas');
  const svg = $('network-svg');
  const tip = $('network-tip');
  let picture = null;
  let layout = null;
  let shapeKey = '';
  let nodes = [];    // per column, per unit: the focusable rect
  let edges = [];    // per layer (1..), the drawn lines with their weight index
  let selected = null; // [column, unit] shown large
  let focused = null;  // the item the arrow keys move from

  function sizesOf(p) {
    return p.layers.map((layer) => layer.units);
  }

  /** A new run's (or lane's) picture; the diagram is rebuilt when the shape changed, else only updated. */
  function update(next) {
    picture = next;
    const sizes = sizesOf(next);
    const width = Math.max(200, box.clientWidth || 600);
    const key = `${sizes.join('-')}@${width}`;
    if (key !== shapeKey) build(sizes, width, key);
    drawEdges();
    drawPictures();
    flagDead();
    if (selected) drawLarge(...selected);
    if (focused) describe(focused);
  }

  function build(sizes, width, key) {
    shapeKey = key;
    const height = Math.min(MAX_HEIGHT, Math.max(160, Math.max(...sizes) * UNIT_HEIGHT));
    box.style.height = `${height}px`;
    layout = layoutNetwork(sizes, width, height);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.replaceChildren();
    const edgeGroup = document.createElementNS(SVG, 'g');
    const nodeGroup = document.createElementNS(SVG, 'g');
    svg.append(edgeGroup, nodeGroup);
    edges = [null];
    for (let c = 1; c < layout.columns.length; c++) {
      const group = document.createElementNS(SVG, 'g');
      edgeGroup.appendChild(group);
      edges.push({ group, lines: [] });
    }
    nodes = layout.columns.map((column, c) => column.nodes.map((node, u) => {
      const rect = document.createElementNS(SVG, 'rect');
      Object.entries({ x: node.x, y: node.y, width: layout.size, height: layout.size, rx: 3, tabindex: '-1',
        class: 'unit', 'data-column': c, 'data-unit': u, role: 'img' })
        .forEach(([name, value]) => rect.setAttribute(name, String(value)));
      rect.setAttribute('aria-label', unitName(c, u));
      nodeGroup.appendChild(rect);
      return rect;
    }));
    nodes[0][0].setAttribute('tabindex', '0');
    focused = null;
    selected = selected && selected[0] < nodes.length && selected[1] < nodes[selected[0]].length ? selected : null;
    if (!selected) closeLarge();
    summarize(sizes);
  }

  function unitName(c, u) {
    const layer = picture.layers[c];
    if (c === 0) return t('unit.input', { name: layer.labels?.[u] ?? u + 1 });
    const place = layer.role === 'output' ? t('unit.outputLayer') : t('unit.hiddenLayer', { c });
    return t('unit.name', { place, u: u + 1 }) + (layerParts(layer) ? ` (${layerParts(layer)})` : '');
  }

  function summarize(sizes) {
    const parts = picture.layers.map((layer, c) => (c === 0 ? tn('network.inputs', sizes[0])
      : layerParts(layer) ? `${layer.units} ${layerParts(layer)}` : tn(layer.role === 'output' ? 'network.outputs' : 'network.units', layer.units)));
    const text = parts.join(' → ');
    const limit = edgeLimit(picture.layers.length - 1);
    const thinned = picture.layers.some((layer, c) => c > 0 && layer.weight.values.length > limit);
    $('network-summary').textContent = t('network.summary', { layers: text, weights: countWeights() })
      + (thinned ? t('network.thinned', { limit }) : '');
    $('network-view').setAttribute('aria-label', t('network.aria', { layers: text }));
  }

  function countWeights() {
    return picture.layers.slice(1).reduce((sum, l) => sum + l.weight.values.length + (l.bias?.values.length || 0), 0);
  }

  /** Lines for the weights of each layer, coloured and sized by the current values. */
  function drawEdges() {
    const half = layout.size / 2;
    for (let c = 1; c < layout.columns.length; c++) {
      const { weight } = picture.layers[c];
      const values = weight.values;
      const inputs = weight.shape[1];
      const drawn = edgesToDraw(values, edgeLimit(layout.columns.length - 1));
      const slot = edges[c];
      // Lines are kept and re-pointed, not rebuilt: a large layer's strongest weights change as it trains.
      while (slot.lines.length < drawn.length) {
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('tabindex', '-1');
        line.setAttribute('class', 'weight');
        line.setAttribute('data-column', String(c));
        slot.group.appendChild(line);
        slot.lines.push({ index: -1, line });
      }
      while (slot.lines.length > drawn.length) slot.lines.pop().line.remove();
      drawn.forEach((index, i) => {
        const entry = slot.lines[i];
        if (entry.index === index) return;
        entry.index = index;
        const from = layout.columns[c - 1].nodes[index % inputs];
        const to = layout.columns[c].nodes[Math.floor(index / inputs)];
        Object.entries({ x1: from.x + layout.size, y1: from.y + half, x2: to.x, y2: to.y + half, 'data-index': index })
          .forEach(([name, value]) => entry.line.setAttribute(name, String(value)));
      });
      const largest = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
      for (const { index, line } of slot.lines) {
        const style = edgeStyle(values[index], largest);
        line.setAttribute('stroke', style.color);
        line.setAttribute('stroke-width', style.width.toFixed(2));
        line.setAttribute('stroke-opacity', style.opacity.toFixed(2));
      }
    }
  }

  /**
   * ReLU units that are zero on every training point (the core's "deadUnits"): no gradient reaches their
   * weights, so they stay dead. Outlined in red and dashed, and named so, with a count in the summary.
   */
  function flagDead() {
    let dead = 0;
    let relu = 0;
    picture.layers.forEach((layer, c) => {
      if (!layer.deadUnits) return;
      const set = new Set(layer.deadUnits);
      relu += layer.units;
      dead += set.size;
      nodes[c].forEach((rect, u) => {
        if (rect.classList.contains('dead') === set.has(u)) return;
        rect.classList.toggle('dead', set.has(u));
        rect.setAttribute('aria-label', unitName(c, u) + (set.has(u) ? t('network.deadUnit') : ''));
      });
    });
    const summary = $('network-dead');
    summary.hidden = relu === 0;
    summary.textContent = dead === 0 ? t('network.noDead') : t('network.dead', { dead, relu });
    summary.dataset.value = String(dead);
  }

  /** Every unit's picture in its box, on the canvas under the diagram. */
  function drawPictures() {
    const context = canvas.getContext('2d');
    const ratio = canvas.width / parseFloat(canvas.style.width);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    picture.layers.forEach((layer, c) => {
      layer.pictures.forEach((unit, u) => {
        const node = layout.columns[c].nodes[u];
        paintUnit(context, unit, node.x, node.y, layout.size);
      });
    });
  }

  const offscreen = document.createElement('canvas');
  let image = null;
  /**
   * One unit's picture in a size × size box at (x, y): a map coloured by value, or a curve over x. Each unit
   * fills its own range (its shape is what it computes; the edges show how much it counts).
   */
  function paintUnit(context, unit, x, y, size) {
    const res = picture.resolution;
    const factor = 1 / 1000;
    if (picture.pictured === false) { // over three or more inputs a unit has no flat picture: a plain box
      context.fillStyle = 'rgba(127, 127, 127, 0.15)';
      context.fillRect(x, y, size, size);
      return;
    }
    if (picture.curve) {
      context.fillStyle = '#fff';
      context.fillRect(x, y, size, size);
      context.strokeStyle = 'rgba(127, 127, 127, 0.5)';
      context.beginPath();
      context.moveTo(x, y + size / 2);
      context.lineTo(x + size, y + size / 2);
      context.stroke();
      context.strokeStyle = '#0072B2';
      context.lineWidth = Math.max(1, size / 30);
      context.beginPath();
      unit.levels.forEach((level, i) => {
        const px = x + (i / (res - 1)) * size;
        const py = y + size / 2 - level * factor * (size / 2 - 1);
        if (i === 0) context.moveTo(px, py); else context.lineTo(px, py);
      });
      context.stroke();
      return;
    }
    // One offscreen canvas and image for every unit: resized (which clears them) only when the resolution changes.
    if (offscreen.width !== res) {
      offscreen.width = res;
      offscreen.height = res;
      image = offscreen.getContext('2d').createImageData(res, res);
    }
    for (let r = 0; r < res; r++) {
      for (let col = 0; col < res; col++) {
        // Row 0 of the picture is the bottom of the data chart; the image's row 0 is its top.
        const color = divergingColor(unit.levels[r * res + col] * factor);
        image.data.set(color, 4 * ((res - 1 - r) * res + col));
      }
    }
    offscreen.getContext('2d').putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(offscreen, x, y, size, size);
  }

  function drawLarge(c, u) {
    const large = $('unit-large');
    const context = large.getContext('2d');
    context.clearRect(0, 0, LARGE, LARGE);
    const layer = picture.layers[c];
    paintUnit(context, layer.pictures[u], 0, 0, LARGE);
    $('unit-panel').hidden = false;
    const { scale } = layer.pictures[u];
    $('unit-caption').textContent = t('unit.caption', { unit: unitName(c, u) }) + (picture.pictured === false
      ? t('unit.noPicture')
      : scale ? t(picture.curve ? 'unit.curve' : 'unit.map', { scale: formatValue(scale) }) : t('unit.zero'))
      + (layer.deadUnits?.includes(u) ? t('unit.dead') : '');
  }

  /** What a unit or an edge is, in the tip line: its PyTorch name, value and last gradient. */
  function describe(element) {
    const c = Number(element.dataset.column);
    const layer = picture.layers[c];
    if (element.classList.contains('unit')) {
      const u = Number(element.dataset.unit);
      const bias = layer.bias;
      tip.textContent = unitName(c, u) + (bias
        ? ` · ${parameterLabel(bias.name, bias.shape, u)} = ${formatValue(bias.values[u])}`
          + ` · ${gradient(bias, u)}` : '');
      tip.dataset.name = bias ? parameterLabel(bias.name, bias.shape, u) : '';
      tip.dataset.value = bias ? String(bias.values[u]) : '';
    } else {
      const index = Number(element.dataset.index);
      const { weight } = layer;
      const label = parameterLabel(weight.name, weight.shape, index);
      tip.textContent = `${label} = ${formatValue(weight.values[index])} · ${gradient(weight, index)}`
        + ` · ${t('unit.edge', { from: unitName(c - 1, index % weight.shape[1]), to: unitName(c, Math.floor(index / weight.shape[1])) })}`;
      tip.dataset.name = label;
      tip.dataset.value = String(weight.values[index]);
    }
  }

  function gradient(parameter, index) {
    return parameter.grad ? t('unit.gradient', { value: formatValue(parameter.grad[index]) }) : t('unit.noUpdate');
  }

  function focus(element) {
    if (!element) return;
    svg.querySelectorAll('[tabindex="0"]').forEach((e) => e.setAttribute('tabindex', '-1'));
    element.setAttribute('tabindex', '0');
    element.focus();
  }

  /** The arrow keys: up and down within a column (or a unit's edges), right along a weight, left back. */
  function move(key, element) {
    const c = Number(element.dataset.column);
    if (element.classList.contains('unit')) {
      const u = Number(element.dataset.unit);
      if (key === 'ArrowUp') return nodes[c][u - 1];
      if (key === 'ArrowDown') return nodes[c][u + 1];
      if (key === 'ArrowRight') return edges[c + 1]?.lines.find((e) => e.index % nodes[c].length === u)?.line ?? nodes[c + 1]?.[0];
      if (key === 'ArrowLeft') return edges[c]?.lines.find((e) => Math.floor(e.index / nodes[c - 1].length) === u)?.line ?? nodes[c - 1]?.[0];
      return null;
    }
    const index = Number(element.dataset.index);
    const inputs = nodes[c - 1].length;
    const siblings = edges[c].lines.filter((e) => e.index % inputs === index % inputs);
    const at = siblings.findIndex((e) => e.index === index);
    if (key === 'ArrowUp') return siblings[at - 1]?.line;
    if (key === 'ArrowDown') return siblings[at + 1]?.line;
    if (key === 'ArrowRight') return nodes[c][Math.floor(index / inputs)];
    if (key === 'ArrowLeft') return nodes[c - 1][index % inputs];
    return null;
  }

  svg.addEventListener('keydown', (event) => {
    const element = event.target;
    if (!picture || !element.dataset?.column) return;
    if (event.key.startsWith('Arrow')) {
      event.preventDefault();
      focus(move(event.key, element));
    } else if ((event.key === 'Enter' || event.key === ' ') && element.classList.contains('unit')) {
      event.preventDefault();
      event.stopPropagation(); // the space bar here selects, it does not start training
      select(element);
    }
  });
  svg.addEventListener('focusin', (event) => {
    if (!picture || !event.target.dataset?.column) return;
    focused = event.target;
    describe(focused);
    // Named when focused (naming hundreds of lines on every update would cost the page its frames).
    if (focused.classList.contains('weight')) focused.setAttribute('aria-label', tip.textContent);
  });
  svg.addEventListener('pointerover', (event) => {
    if (picture && event.target.dataset?.column) describe(event.target);
  });
  svg.addEventListener('click', (event) => {
    if (picture && event.target.classList?.contains('unit')) select(event.target);
  });

  function closeLarge() {
    selected = null;
    $('unit-caption').textContent = '';
    $('unit-panel').hidden = true;
  }
  $('unit-close').addEventListener('click', closeLarge);
  // The large picture follows the view: closing the view closes it too.
  $('network').addEventListener('toggle', () => { if (!$('network').open) closeLarge(); });

  function select(element) {
    selected = [Number(element.dataset.column), Number(element.dataset.unit)];
    drawLarge(...selected);
  }

  function clear() {
    picture = null;
    shapeKey = '';
    selected = null;
    svg.replaceChildren();
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    tip.textContent = '';
    $('network-dead').hidden = true;
    $('unit-large').getContext('2d').clearRect(0, 0, LARGE, LARGE);
    closeLarge();
  }

  // Open and shown: an embedded page may hide the whole view.
  // A narrower or wider window (a phone turned, the page resized) lays the diagram out again at the box's width;
  // without it the diagram kept its old width until the next picture, and could stick out of a phone's screen.
  new ResizeObserver(() => {
    if (picture && `${sizesOf(picture).join('-')}@${Math.max(200, box.clientWidth || 600)}` !== shapeKey) update(picture);
  }).observe(box);

  return { update, clear, isOpen: () => $('network').open && !$('network').hidden,
    resolution: () => (layout ? Math.min(24, Math.max(8, layout.size)) : 16) };
}
