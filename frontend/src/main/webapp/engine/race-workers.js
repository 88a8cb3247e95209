// Which worker trains what. The worker the page talks to trains its part itself and starts helper workers
// (this same worker script, sent "lanes" messages) for the rest, one per core by default: a race's other lanes
// (lane-groups.js steps them together and merges their answers), or the other rows of a large full-batch
// update (row-split.js). A classic script for the worker.
'use strict';

/**
 * This worker's own lanes: the engine's calls on the core it loaded. A call waits for the microtasks first, so
 * that when all groups are called together the helpers get their messages before this worker starts computing.
 */
function ownGroup(lanes) {
  return {
    lanes,
    call: async (op, ...args) => {
      await null;
      return core[op](...args);
    },
  };
}

// Workers that train the other lanes of a race, started when a race first needs them and kept for the next.
const helpers = [];

/**
 * A helper worker: this same script, answering the engine calls it is sent (see the handler "lanes"). It starts
 * loading its engine at once.
 */
function startHelper(index, requested) {
  const worker = new Worker(self.location.href);
  worker.postMessage({ type: 'preload', engine: engineName || requested });
  const waiting = new Map();
  let nextId = 1;
  worker.onmessage = ({ data }) => {
    const reply = waiting.get(data.id);
    waiting.delete(data.id);
    if (reply) data.type === 'error' ? reply.reject(new Error(data.message)) : reply.resolve(data.text);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    helpers[index] = null; // the next race starts a new one
    for (const reply of waiting.values()) reply.reject(new Error('a training worker failed: ' + (event.message || '')));
    waiting.clear();
  };
  return (op, args) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ type: 'lanes', id, op, args, engine: engineName });
  });
}

/** Starts, ahead of init, the helpers that a race of `lanes` lanes over up to `workers` workers will use. */
function startHelpersFor(lanes, workers, requested) {
  const cores = self.navigator.hardwareConcurrency || 1;
  const count = typeof Worker === 'undefined' ? 0 : laneLayout(lanes, workers ?? cores).length - 1;
  for (let i = 0; i < count; i++) helpers[i] ??= startHelper(i, requested);
}

function helperGroup(index, lanes) {
  const call = helpers[index] ??= startHelper(index);
  return { lanes, call: (op, ...args) => call(op, args) };
}

/** Lanes 0 to count - 1: the whole race. */
const everyLane = (count) => Array.from({ length: count }, (_, k) => k);

// A full-batch update is split over workers only when it is large: below this many rows × parameters × lanes
// (about a millisecond of work), the messages would cost more than the split saves.
const ROW_SPLIT_WORK = 1e6;

/**
 * The run of `config`, in this worker, and the split over up to `workers` workers (default: one per core) it
 * takes at its first update, or null: a large full-batch update split by rows (row-split.js), else a race's
 * lanes (lane-groups.js: shared by cost, this worker training the lightest group, helpers the others). The
 * helpers start loading now, but the run is ready without them: they load while the page draws,
 * long before a learner presses play.
 */
function startRace(config, workers) {
  const configText = JSON.stringify(config);
  // This worker holds the whole run first (a refused configuration is refused here); the split narrows it.
  const whole = parseAnswer(core.engineInitLanes(configText, null));
  const lanes = whole.optimizers.length;
  const plan = typeof Worker !== 'undefined' && (workers ?? 2) > 1 ? splitPlan(configText, whole, workers) : null;
  return { race: createLaneRace([ownGroup(everyLane(lanes))]), info: whole, plan };
}

/**
 * How the run splits over several workers (one per core unless told how many): {kind, workers, split()}, or
 * null when it would not gain from them. A large full-batch update is split by rows, else a race by lanes. (Rows
 * gain only since a training step reuses its arrays: before, a lone worker's garbage collector already kept a
 * second core busy.) Starts the helpers the split needs.
 */
function splitPlan(configText, whole, workers) {
  const cores = self.navigator.hardwareConcurrency || 1;
  const lanes = whole.optimizers.length;
  const parts = 2 ** Math.floor(Math.log2(Math.max(1, workers ?? cores))); // the tree halves rows
  if (parts > 1 && whole.config.batchSize === 0 && whole.rowsSplittable && whole.batchRows * whole.parameters * lanes >= ROW_SPLIT_WORK) {
    const cuts = parseAnswer(core.engineRowSplits(parts));
    if (cuts[1] > 0 && cuts[1] < whole.batchRows) {
      // This worker takes the last rows, the fewest (the tree cuts at a power of two of blocks), since it also
      // adds the parts up and answers the page.
      const own = parts - 1;
      for (let w = 0; w < own; w++) helpers[w] ??= startHelper(w);
      return { kind: 'rows', workers: parts, lanes, configText, split: () => createRowSplit(
        cuts.slice(1).map((_, w) => w === own ? ownGroup(everyLane(lanes)) : helperGroup(w, everyLane(lanes))), cuts, own) };
    }
  }
  const layout = laneLayout(whole.config.optimizers, workers ?? cores);
  if (layout.length < 2) return null;
  for (let g = 1; g < layout.length; g++) helpers[g - 1] ??= startHelper(g - 1);
  return { kind: 'lanes', workers: layout.length, lanes, configText, split: () => createLaneRace(
    layout.map((group, g) => g === 0 ? ownGroup(group.lanes) : helperGroup(g - 1, group.lanes))) };
}

/**
 * The run over the workers of `plan`, taken at its first update. What changed the run since init (`changes`,
 * each [op, ...args]: new initial weights, a learning rate, weights from a file) is made again on every worker,
 * so the split run is the one the page was shown. A helper that cannot start is left out: this worker then
 * trains the whole run again, the changes made again too.
 */
async function takeSplit(plan, changes) {
  const replay = async (race) => {
    for (const [op, ...args] of changes) await race.all(op, ...args);
    return race;
  };
  try {
    const split = plan.split();
    await split.init(plan.configText);
    return await replay(split);
  } catch (error) {
    parseAnswer(core.engineInitLanes(plan.configText, null));
    return replay(createLaneRace([ownGroup(everyLane(plan.lanes))]));
  }
}
