// Which worker trains which lanes of a race. The worker the page talks to trains the first lanes itself and
// starts helper workers (this same worker script, sent "lanes" messages) for the others, one per core by
// default; lane-groups.js steps them in lockstep and merges their answers. A classic script for the worker.
'use strict';

/** This worker's own lanes: the engine's calls on the core it loaded. */
function ownGroup(first, count) {
  return { first, count, call: async (op, ...args) => core[op](...args) };
}

// Workers that train the other lanes of a race, started when a race first needs them and kept for the next.
const helpers = [];

/** A helper worker: this same script, answering the engine calls it is sent (see the handler "lanes"). */
function startHelper(index) {
  const worker = new Worker(self.location.href);
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

function helperGroup(index, first, count) {
  const call = helpers[index] ??= startHelper(index);
  return { first, count, call: (op, ...args) => call(op, args) };
}

/**
 * The race of `config` over up to `workers` workers (default: one per core): this worker trains the first
 * lanes, helpers the others. If a helper cannot start, this worker trains them all.
 */
async function startRace(config, workers) {
  const configText = JSON.stringify(config);
  const lanes = Array.isArray(config && config.optimizers) ? config.optimizers.length : 1;
  const wanted = typeof Worker === 'undefined' ? 1 : workers ?? self.navigator.hardwareConcurrency ?? 1;
  const layout = laneLayout(lanes, wanted);
  if (layout.length > 1) {
    const split = createLaneRace(layout.map(({ first, count }, g) =>
      g === 0 ? ownGroup(first, count) : helperGroup(g - 1, first, count)));
    try {
      return { race: split, info: await split.init(configText) };
    } catch (error) {
      // A refused configuration is refused again below with the same message; a failed helper is left out.
    }
  }
  const alone = createLaneRace([ownGroup(0, lanes)]);
  return { race: alone, info: await alone.init(configText) };
}
