// A race trained by several workers at once: its lanes (one network per optimizer) split into groups, one
// group per worker, every group stepped in lockstep and their answers merged into what one worker holding the
// whole race answers. A lane trains alone exactly as in the race (same initial weights, same batches), so the
// numbers are the same bits; only the wall-clock time changes. A classic script (the worker loads it with
// importScripts); the page's unit tests run it with fake groups.
'use strict';

/** `lanes` lanes over at most `workers` workers: contiguous groups as even as can be, as [{first, count}]. */
function laneLayout(lanes, workers) {
  const groups = Math.max(1, Math.min(lanes, Math.floor(workers) || 1));
  const layout = [];
  for (let g = 0, first = 0; g < groups; g++) {
    const count = Math.floor(lanes / groups) + (g < lanes % groups ? 1 : 0);
    layout.push({ first, count });
    first += count;
  }
  return layout;
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
 * The race over `groups`, each {first, count, call(op, ...args)}: call runs one of the engine's exports (see
 * EngineExports) on that group's lanes and resolves with its answer, JSON text.
 */
function createLaneRace(groups) {
  /** Every group's parsed answer to the same call, in lane order. */
  const all = (op, ...args) => Promise.all(groups.map(async (group) => parseAnswer(await group.call(op, ...args))));

  /** The group that trains network `k` of the whole race. */
  function owner(k) {
    const group = groups.find((g) => k >= g.first && k < g.first + g.count);
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
    init: async (configText) => parseAnswer((await Promise.all(groups.map((group, g) =>
      group.call('engineInitLanes', configText, group.first, g === groups.length - 1 ? -1 : group.count))))[0]),
    /**
     * Runs `op` on the group that trains network `k`, naming the network by its index in the whole race;
     * resolves with the answer's text.
     */
    model: async (k, op, ...args) => owner(k).call(op, k, ...args),
    /** Up to `n` updates of every lane: the progress one worker holding the whole race answers. */
    step: async (n) => mergeProgress(await all('engineStep', n)),
    /** The first group's answer (what every group would answer alike: the data, say), parsed. */
    first: async (op, ...args) => parseAnswer(await groups[0].call(op, ...args)),
    /** Every lane's metrics, in lane order. */
    async evaluate() {
      const answers = await all('engineEvaluate');
      const test = answers[0].test === null ? null : answers.flatMap((a) => a.test);
      return { metrics: answers.flatMap((a) => a.metrics), test };
    },
  };
}

/** The groups' learning rates (a run with a schedule reports them), lane by lane as their losses; none without. */
function ratesOf(answers, keep) {
  if (!answers[0].rates) return {};
  return { rates: answers.flatMap((answer, g) => answer.rates.map((lane) => keep(lane, g))) };
}

/**
 * One progress from the groups' answers to the same step call. In step, they agree on step, epoch and done.
 * A diverged loss stops one worker's race at the first step where any lane's loss is not finite, after the
 * lanes before it made that step and before the lanes after it did; the other groups trained on in the
 * meantime, so their losses are cut to what one worker would have made.
 */
function mergeProgress(answers) {
  const failed = answers
    .map((answer, g) => ({ answer, g }))
    .filter(({ answer }) => answer.failure)
    .sort((a, b) => a.answer.step - b.answer.step || a.g - b.g)[0];
  if (!failed) {
    const { step, epoch, done } = answers[0];
    if (answers.some((a) => a.step !== step || a.done !== done)) {
      throw new Error(`the race's workers are out of step (at steps ${answers.map((a) => a.step).join(', ')})`);
    }
    return { step, epoch, done, failure: null, losses: answers.flatMap((a) => a.losses), ...ratesOf(answers, (lane) => lane) };
  }
  const { step, epoch, failure, failureCode, failureParams } = failed.answer;
  const before = step - failed.answer.losses[0].length; // the first lane of the failed group made the failing step
  const cut = (g) => (lane) => (g === failed.g ? lane : lane.slice(0, Math.max(0, step - before - (g < failed.g ? 0 : 1))));
  const losses = answers.flatMap((answer, g) => answer.losses.map(cut(g)));
  return { step, epoch, done: true, failure, failureCode, failureParams, losses, ...ratesOf(answers, (lane, g) => cut(g)(lane)) };
}
