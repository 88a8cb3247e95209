// A race trained by several workers at once: its lanes (one network per optimizer) split into groups, one
// group per worker, every group stepped in lockstep and their answers merged into what one worker holding the
// whole race answers. A lane trains alone exactly as in the race (same initial weights, same batches), so the
// numbers are the same bits; only the wall-clock time changes. A classic script (the worker loads it with
// importScripts); the page's unit tests run it with fake groups.
'use strict';

// What one update of a lane costs with each optimizer, against plain SGD's: measured on the race (a 1-20-1
// network, batches of 32) in the JavaScript build, where SGD, Momentum, RMSprop and Adam take 13.0, 14.1, 15.2 and
// 15.7 µs; the square roots and running averages are a fifth more work. Others are placed by their arithmetic.
const UPDATE_COST = { SGD: 1, Adagrad: 1.12, Rprop: 1.15, RMSprop: 1.17, Adadelta: 1.2 };
const DEAREST_UPDATE = 1.21; // Adam and its family
const MOMENTUM_COST = 0.08;

/** One update's cost with optimizer `spec` ({name, momentum?}), plain SGD's being 1. */
function updateCost(spec) {
  const cost = UPDATE_COST[spec.name] ?? DEAREST_UPDATE;
  return spec.name === 'SGD' && spec.momentum > 0 ? cost + MOMENTUM_COST : cost;
}

/**
 * The lanes of a race over at most `workers` workers: [{lanes}], each a list of lane indexes in race order.
 * `optimizers` are the race's optimizer settings ({name, ...}), or how many lanes of like cost. Each lane in
 * turn, the dearest first, goes to the group with the least work so far, so a race's SGD and Adam share one
 * worker and its Momentum and RMSprop the other; lanes of like cost are dealt round-robin. The lightest group
 * comes first: its worker also merges the answers and talks to the page.
 */
function laneLayout(optimizers, workers) {
  const specs = typeof optimizers === 'number' ? Array.from({ length: optimizers }, () => ({ name: 'SGD' })) : optimizers;
  const cost = specs.map(updateCost);
  const groups = Array.from({ length: Math.max(1, Math.min(specs.length, Math.floor(workers) || 1)) },
    () => ({ lanes: [], cost: 0 }));
  const dearestFirst = specs.map((_, k) => k).sort((a, b) => cost[b] - cost[a] || a - b);
  for (const k of dearestFirst) {
    const least = groups.reduce((best, group) => (group.cost < best.cost ? group : best));
    least.lanes.push(k);
    least.cost += cost[k];
  }
  groups.forEach((group) => group.lanes.sort((a, b) => a - b));
  return groups.sort((a, b) => a.cost - b.cost || a.lanes[0] - b.lanes[0]).map(({ lanes }) => ({ lanes }));
}

/** An engine answer (JSON text) as a value; an answer {"error": message} is thrown as that message. */
function parseAnswer(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') {
    // The core's code and parameters ride along, so a page can say the error in its reader's language.
    throw Object.assign(new Error(value.error), value.code ? { code: value.code, params: value.params } : {});
  }
  return value;
}

/**
 * The race over `groups`, each {lanes, call(op, ...args)}: lanes are the group's lane indexes in race order, and
 * call runs one of the engine's exports (see EngineExports) on them, resolving with its answer, JSON text.
 */
function createLaneRace(groups) {
  const lanes = groups.map((group) => group.lanes);
  /** Every group's parsed answer to the same call, in group order. */
  const all = (op, ...args) => Promise.all(groups.map(async (group) => parseAnswer(await group.call(op, ...args))));

  /** The group that trains network `k` of the whole race. */
  function owner(k) {
    const group = groups.find((g, i) => lanes[i].includes(k));
    if (!group) {
      throw new Error(`model index ${k} is out of range for ${lanes.flat().length} optimizers`);
    }
    return group;
  }

  return {
    groups,
    kind: 'lanes',
    all,
    /** Starts every group's lanes of the race `configText` (JSON); resolves with the race's info. */
    init: async (configText) => parseAnswer((await Promise.all(groups.map((group) =>
      group.call('engineInitLanes', configText, JSON.stringify(group.lanes)))))[0]),
    /**
     * Runs `op` on the group that trains network `k`, naming the network by its index in the whole race;
     * resolves with the answer's text.
     */
    model: async (k, op, ...args) => owner(k).call(op, k, ...args),
    /**
     * Up to `n` updates of every lane: the progress one worker holding the whole race answers; with `measure`,
     * every lane's whole-data metrics after them too (asked for in the same breath, so each group measures
     * right after its updates, whatever is sent next).
     */
    async step(n, measure = false) {
      const answers = await Promise.all(groups.map(async (group) => {
        const made = [group.call('engineStep', n), measure ? group.call('engineEvaluate') : null];
        return (await Promise.all(made)).map((text) => text && parseAnswer(text));
      }));
      const progress = mergeProgress(answers.map(([stepped]) => stepped), lanes);
      return measure ? { ...progress, ...mergeMetrics(answers.map(([, measured]) => measured), lanes) } : progress;
    },
    /** The first group's answer (what every group would answer alike: the data, say), parsed. */
    first: async (op, ...args) => parseAnswer(await groups[0].call(op, ...args)),
    /** Every lane's metrics, in lane order. */
    evaluate: async () => mergeMetrics(await all('engineEvaluate'), lanes),
  };
}

/** The groups' answers to engineEvaluate as one: {metrics, test}, lane by lane in race order. */
function mergeMetrics(answers, lanes) {
  const test = answers[0].test === null ? null : inRaceOrder(answers.map((a) => a.test), lanes);
  return { metrics: inRaceOrder(answers.map((a) => a.metrics), lanes), test };
}

/** The groups' lists, each in its lanes' order, as one list in the whole race's lane order. */
function inRaceOrder(lists, lanes) {
  const out = [];
  lists.forEach((list, g) => list.forEach((item, i) => { out[lanes[g][i]] = item; }));
  return out;
}

/** The groups' learning rates (a run with a schedule reports them), lane by lane as their losses; none without. */
function ratesOf(answers, lanes, keep) {
  if (!answers[0].rates) return {};
  return { rates: inRaceOrder(answers.map((answer, g) => answer.rates.map((rate, i) => keep(rate, lanes[g][i], g))), lanes) };
}

/**
 * One progress from the groups' answers to the same step call; `lanes` are each group's lanes by their index in
 * the race. In step, they agree on step, epoch and done. A diverged loss stops one worker's race at the first
 * step where any lane's loss is not finite, after the lanes before it made that step and before the lanes after
 * it did; the other groups trained on in the meantime, so their losses are cut to what one worker would have made.
 */
function mergeProgress(answers, lanes) {
  // The lane that failed in a group's answer: the last of those that made the group's last step.
  const failedLane = (answer, g) => {
    const made = answer.losses.map((losses) => losses.length);
    return lanes[g][made.lastIndexOf(Math.max(...made))];
  };
  const failed = answers
    .map((answer, g) => ({ answer, g, lane: answer.failure ? failedLane(answer, g) : -1 }))
    .filter(({ answer }) => answer.failure)
    .sort((a, b) => a.answer.step - b.answer.step || a.lane - b.lane)[0];
  if (!failed) {
    const { step, epoch, done } = answers[0];
    if (answers.some((a) => a.step !== step || a.done !== done)) {
      throw new Error(`the race's workers are out of step (at steps ${answers.map((a) => a.step).join(', ')})`);
    }
    return { step, epoch, done, failure: null, losses: inRaceOrder(answers.map((a) => a.losses), lanes),
      ...ratesOf(answers, lanes, (lane) => lane) };
  }
  const { step, epoch, failure, failureCode, failureParams } = failed.answer;
  const before = step - failed.answer.losses[0].length; // the first lane of the failed group made the failing step
  const cut = (lane, k, g) => (g === failed.g ? lane : lane.slice(0, Math.max(0, step - before - (k < failed.lane ? 0 : 1))));
  const losses = inRaceOrder(answers.map((answer, g) => answer.losses.map((lane, i) => cut(lane, lanes[g][i], g))), lanes);
  return { step, epoch, done: true, failure, failureCode, failureParams, losses, ...ratesOf(answers, lanes, cut) };
}
