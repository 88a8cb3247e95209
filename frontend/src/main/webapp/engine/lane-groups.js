// A race trained by several workers at once: its lanes (one network per optimizer) split into groups, one
// group per worker, every group stepped in lockstep and their answers merged into what one worker holding the
// whole race answers. A lane trains alone exactly as in the race (same initial weights, same batches), so the
// numbers are the same bits; only the wall-clock time changes. A classic script (the worker loads it with
// importScripts); the page's unit tests run it with fake groups.
'use strict';

/**
 * `lanes` lanes over at most `workers` workers, dealt round-robin (lane k to group k mod the groups) as
 * [{first, count, stride}]: neighbours go to different workers, so a race's cheap updates (SGD, Momentum) and its
 * dearer ones (RMSprop, Adam, with their square roots) share the work evenly.
 */
function laneLayout(lanes, workers) {
  const groups = Math.max(1, Math.min(lanes, Math.floor(workers) || 1));
  return Array.from({ length: groups }, (_, g) => ({ first: g, count: Math.ceil((lanes - g) / groups), stride: groups }));
}

/** A group's lanes, by their index in the whole race. */
function lanesOf({ first, count, stride }) {
  return Array.from({ length: count }, (_, i) => first + i * stride);
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
 * The race over `groups`, each {first, count, stride, call(op, ...args)}: call runs one of the engine's exports
 * (see EngineExports) on that group's lanes and resolves with its answer, JSON text.
 */
function createLaneRace(groups) {
  const lanes = groups.map(lanesOf);
  /** Every group's parsed answer to the same call, in group order. */
  const all = (op, ...args) => Promise.all(groups.map(async (group) => parseAnswer(await group.call(op, ...args))));

  /** The group that trains network `k` of the whole race. */
  function owner(k) {
    const group = groups.find((g, i) => lanes[i].includes(k));
    if (!group) {
      throw new Error(`model index ${k} is out of range for ${groups.reduce((n, g) => n + g.count, 0)} optimizers`);
    }
    return group;
  }

  return {
    groups,
    kind: 'lanes',
    all,
    /** Starts every group's lanes of the race `configText` (JSON); resolves with the race's info. */
    init: async (configText) => parseAnswer((await Promise.all(groups.map((group) =>
      group.call('engineInitLanes', configText, group.first, group.count, group.stride))))[0]),
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
