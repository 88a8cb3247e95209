// A large full-batch update split over workers: every worker holds a copy of the whole run, computes the
// gradient of its rows (cut where the core's RowBlocks.splits says), the parts are added as the core adds a
// batch's rows, and every worker makes the same update with the sum, so the copies stay equal and the numbers
// are one worker's bits. The same interface as a lane race (lane-groups.js, whose parseAnswer it uses). A
// classic script (the worker loads it with importScripts); the page's unit tests run it with fake groups.
'use strict';

/**
 * The parts' sum as the core's GradientParts.sum adds them: pairwise, each half first, a part with no rows
 * (null) left out rather than added as zeros.
 */
function sumParts(parts, from = 0, to = parts.length) {
  if (to - from === 1) return parts[from];
  const mid = (from + to) / 2;
  const left = sumParts(parts, from, mid);
  const right = sumParts(parts, mid, to);
  if (!left || !right) return left || right;
  const total = new Float64Array(left.length);
  for (let i = 0; i < total.length; i++) total[i] = left[i] + right[i];
  return total;
}

/**
 * The run over `groups` (each {call(op, ...args)}, resolving with the engine's answer) holding copies of the
 * whole run; group w computes rows cuts[w] .. cuts[w + 1] of each update. Group `own` (this worker's own copy)
 * answers every question about the run; the others only compute and follow.
 */
function createRowSplit(groups, cuts, own = 0) {
  const all = (op, ...args) => Promise.all(groups.map(async (group) => parseAnswer(await group.call(op, ...args))));
  const mine = groups[own];

  /**
   * One update: every group's part, their sum, the same update everywhere; this worker's progress. The others'
   * updates are not waited for here (their next part comes after them anyway): `following` collects them.
   */
  async function stepOnce(following) {
    const parts = await Promise.all(groups.map((group, w) =>
      cuts[w] === cuts[w + 1] ? null : group.call('engineStepPart', cuts[w], cuts[w + 1])));
    if (parts.some((part, w) => !part && cuts[w] !== cuts[w + 1])) {
      throw new Error('this run cannot be split over workers (only a full-batch update can)');
    }
    const sum = sumParts(parts);
    groups.forEach((group, w) => {
      if (w !== own) following.push(group.call('engineStepWithParts', sum).then(parseAnswer));
    });
    return parseAnswer(await mine.call('engineStepWithParts', sum));
  }

  let previous = Promise.resolve(); // the last step call, done or failed

  /** Up to `n` updates, one at a time; losses gathered as one call of n steps would give them. */
  async function stepMany(n, measure) {
    let progress = null;
    let losses = null;
    let rates = null;
    const following = [];
    for (let i = 0; i < n; i++) {
      progress = await stepOnce(following);
      losses = losses ? losses.map((lane, k) => lane.concat(progress.losses[k])) : progress.losses;
      if (progress.rates) rates = rates ? rates.map((lane, k) => lane.concat(progress.rates[k])) : progress.rates;
      if (progress.done) break;
    }
    const answers = await Promise.all(following); // a refusal anywhere rejects here
    for (const answer of answers.slice(1 - groups.length)) { // the others' last update
      if (answer.step !== progress.step) {
        throw new Error(`the run's workers are out of step (at ${answer.step} and ${progress.step})`);
      }
    }
    const made = { ...progress, losses, ...(rates ? { rates } : {}) };
    return measure ? { ...made, ...await evaluate() } : made;
  }

  async function evaluate() {
    const answer = parseAnswer(await mine.call('engineEvaluate'));
    return { metrics: answer.metrics, test: answer.test };
  }

  return {
    groups,
    kind: 'rows',
    all,
    init: async (configText) => (await all('engineInitLanes', configText, null))[own],
    model: async (k, op, ...args) => mine.call(op, k, ...args),
    first: async (op, ...args) => parseAnswer(await mine.call(op, ...args)),
    /**
     * Up to `n` updates, one at a time; losses gathered as one call of n steps would give them; with `measure`,
     * the metrics after them. A call made before the last one is answered waits for it: each update needs
     * every worker's part of it.
     */
    step(n, measure = false) {
      const steps = previous.then(() => stepMany(n, measure));
      previous = steps.catch(() => {});
      return steps;
    },
    evaluate,
  };
}
