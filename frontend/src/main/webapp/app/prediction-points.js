// Data the plane cannot show (three or more inputs, several targets, or a regression on two inputs) is drawn as the
// network's predictions against the targets: a point per row and target on the diagonal when the network is right.
// Plain functions, so the page's unit tests check them.

/** Whether the data chart can draw the data itself: a curve over one input, or classes over two. */
export function isPictured(info) {
  return info.classification ? info.features === 2 : info.features === 1 && (info.outputs || 1) === 1;
}

/**
 * Row i's offset within its cell, [dx, dy] each in [-0.3, 0.3], the same on every drawing: the R2 sequence spreads
 * a cell's points evenly over it, so they do not pile on one spot (nor line up, as one sequence for both would).
 */
export function jitter(i) {
  return [((i * 0.7548776662466927) % 1) * 0.6 - 0.3, ((i * 0.5698402909980532) % 1) * 0.6 - 0.3];
}

/**
 * The points of the predictions chart from the network's `values` for every row of the data (outputs a row, row
 * after row): for regression one group per target, {x: target, y: prediction}; for classification one group per
 * actual class, {x: actual class, y: predicted class}, each spread a little, so the diagonal's cells hold the
 * right answers and every other cell a kind of mistake. `names` names the targets or classes.
 */
export function predictionGroups(info, values, names) {
  const rows = info.targets.length / (info.classification ? 1 : info.outputs || 1);
  const width = values.length / rows;
  const groups = [];
  if (!info.classification) {
    for (let k = 0; k < width; k++) {
      groups.push({ name: names[k], points: Array.from({ length: rows }, (_, i) => ({ x: info.targets[i * width + k],
        y: values[i * width + k], row: i })) });
    }
    return groups;
  }
  for (let i = 0; i < rows; i++) {
    const scores = values.slice(i * width, i * width + width);
    const predicted = width === 1 ? (scores[0] > 0 ? 1 : 0) : scores.indexOf(Math.max(...scores));
    const actual = info.targets[i];
    groups[actual] ??= { name: names[actual], points: [] };
    const [dx, dy] = jitter(i);
    groups[actual].points.push({ x: actual + dx, y: predicted + dy, row: i });
  }
  return groups.filter(Boolean);
}
