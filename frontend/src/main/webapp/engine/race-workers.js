// Which worker trains what. The worker the page talks to trains its part itself and starts helper workers
// (this same worker script, sent "lanes" messages) for the rest, one per core by default: a race's other lanes
// (lane-groups.js steps them in lockstep and merges their answers), or the other rows of a large full-batch
// update (row-split.js). A classic script for the worker.
'use strict';

/**
 * This worker's own lanes: the engine's calls on the core it loaded. A call waits for the microtasks first, so
 * that when all groups are called together the helpers get their messages before this worker starts computing.
 */
function ownGroup(first, count) {
  return {
    first, count,
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

function helperGroup(index, first, count) {
  const call = helpers[index] ??= startHelper(index);
  return { first, count, call: (op, ...args) => call(op, args) };
}

// A full-batch update is split over workers only when it is large: below this many rows × parameters × lanes
// (about a millisecond of work), the messages would cost more than the split saves.
const ROW_SPLIT_WORK = 1e6;

/**
 * The run of `config` over up to `workers` workers (default: one per core). A large full-batch update is split
 * over them by rows (row-split.js); else a race's lanes are (lane-groups.js): this worker trains the first
 * lanes, helpers the others. A run that gains nothing, or whose helpers cannot start, stays in this worker.
 */
async function startRace(config, workers) {
  const configText = JSON.stringify(config);
  // This worker holds the whole run first (a refused configuration is refused here); a split narrows it.
  const whole = parseAnswer(core.engineInitLanes(configText, 0, -1));
  const lanes = whole.optimizers.length;
  if (typeof Worker !== 'undefined' && (workers ?? 2) > 1) {
    try {
      const split = await splitRace(configText, whole, workers);
      if (split) return split;
    } catch (error) {
      // A helper that could not start is left out: this worker trains every lane again.
      parseAnswer(core.engineInitLanes(configText, 0, -1));
    }
  }
  return { race: createLaneRace([ownGroup(0, lanes)]), info: whole };
}

/**
 * The run over several workers (one per core unless told how many), or null when it would not gain from them.
 * A large full-batch update is split by rows, else a race by lanes. (Rows gain only since a training step
 * reuses its arrays: before, a lone worker's garbage collector already kept a second core busy.)
 */
async function splitRace(configText, whole, workers) {
  const cores = self.navigator.hardwareConcurrency || 1;
  const lanes = whole.optimizers.length;
  const parts = 2 ** Math.floor(Math.log2(Math.max(1, workers ?? cores))); // the tree halves rows
  if (parts > 1 && whole.config.batchSize === 0 && whole.batchRows * whole.parameters * lanes >= ROW_SPLIT_WORK) {
    const cuts = parseAnswer(core.engineRowSplits(parts));
    if (cuts[1] > 0 && cuts[1] < whole.batchRows) {
      // This worker takes the last rows, the fewest (the tree cuts at a power of two of blocks), since it also
      // adds the parts up and answers the page.
      const own = parts - 1;
      const groups = cuts.slice(1).map((_, w) => w === own ? ownGroup(0, lanes) : helperGroup(w, 0, lanes));
      const split = createRowSplit(groups, cuts, own);
      return { race: split, info: await split.init(configText) };
    }
  }
  const layout = laneLayout(lanes, workers ?? cores);
  if (layout.length < 2) return null;
  const split = createLaneRace(layout.map(({ first, count }, g) =>
    g === 0 ? ownGroup(first, count) : helperGroup(g - 1, first, count)));
  return { race: split, info: await split.init(configText) };
}
