// A race split over workers answers what one worker holding the whole race answers: fake runs with the
// core's stepping rules (lanes in order, a non-finite loss stops the run at once) stand in for the engine
// (the worker script is run as the worker runs it, not imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const context = {};
vm.runInNewContext(readFileSync(new URL('../../main/webapp/engine/lane-groups.js', import.meta.url), 'utf8'), context);
const { laneLayout, createLaneRace } = context;

const PLAN = 30;

/** Lanes `mine` (indexes in race order) of a fake race; lane `diverges.lane` gets a NaN loss at step `diverges.step`. */
function fakeGroup(mine, diverges = {}) {
  const count = mine.length;
  let step = 0;
  let failure = null;
  const history = Array.from({ length: count }, () => []);
  const lossOf = (k, s) => (k === diverges.lane && s === diverges.step ? null : 1 / (s + k + 1));
  const ops = {
    engineStep(n) {
      const before = history.map((h) => h.length);
      for (let i = 0; i < n && !failure && step < PLAN; i++) {
        step++;
        for (const k of mine) {
          const loss = lossOf(k, step);
          history[mine.indexOf(k)].push(loss);
          if (loss === null) {
            failure = `loss became NaN at step ${step} (lane ${k})`;
            break;
          }
        }
      }
      return {
        step, epoch: Math.floor(step / 10), done: failure !== null || step >= PLAN, failure,
        losses: history.map((h, i) => h.slice(before[i])),
      };
    },
    engineEvaluate: () => ({ metrics: history.map((h, i) => [mine[i], h.length]), test: null }),
    engineState: (k) => {
      if (!mine.includes(k)) throw new Error(`model index ${k} is not among this worker's lanes`);
      return { history: history[mine.indexOf(k)] };
    },
  };
  return {
    lanes: mine,
    call: async (op, ...args) => {
      try {
        return JSON.stringify(ops[op](...args));
      } catch (error) {
        return JSON.stringify({ error: error.message });
      }
    },
  };
}

/** A layout as plain lists of lanes of this realm (the script runs in a context of its own). */
const listsOf = (layout) => Array.from(layout, (group) => Array.from(group.lanes));

/** The race's four optimizers, as its preset sets them. */
const RACE = [{ name: 'SGD' }, { name: 'SGD', momentum: 0.8 }, { name: 'RMSprop' }, { name: 'Adam', betas: [0.9, 0.99] }];

function raceOf(optimizers, workers, diverges) {
  return createLaneRace(laneLayout(optimizers, workers).map((group) => fakeGroup(group.lanes, diverges)));
}

test('lanes of like cost are dealt round-robin over the workers, never more workers than lanes', () => {
  assert.deepEqual(listsOf(laneLayout(4, 2)), [[0, 2], [1, 3]]);
  assert.deepEqual(listsOf(laneLayout(5, 3)), [[2], [0, 3], [1, 4]], 'the lightest group first');
  assert.deepEqual(listsOf(laneLayout(3, 8)), [[0], [1], [2]]);
  assert.deepEqual(listsOf(laneLayout(1, 4)), [[0]]);
  assert.deepEqual(listsOf(laneLayout(4, 0)), [[0, 1, 2, 3]], 'no worker count: one worker');
});

test('lanes are shared by their cost: the race\'s SGD with Adam, Momentum with RMSprop', () => {
  assert.deepEqual(listsOf(laneLayout(RACE, 2)), [[0, 3], [1, 2]]);
  assert.deepEqual(listsOf(laneLayout(RACE, 4)), [[0], [1], [2], [3]]);
  const adams = [{ name: 'SGD' }, { name: 'Adam' }, { name: 'Adam' }, { name: 'Adam' }];
  assert.deepEqual(listsOf(laneLayout(adams, 2)), [[0, 2], [1, 3]], 'SGD takes an Adam\'s place beside another');
});

test('a split race steps, reports and evaluates as one worker does', async () => {
  for (const [optimizers, workers] of [[4, 2], [4, 3], [4, 4], [RACE, 2]]) {
    const whole = raceOf(4, 1);
    const split = raceOf(optimizers, workers);
    for (const n of [1, 7, 13, 100]) {
      assert.deepEqual(await split.step(n), await whole.step(n), `${workers} workers, ${n} steps`);
    }
    assert.deepEqual(await split.evaluate(), await whole.evaluate());
    for (let k = 0; k < 4; k++) {
      assert.equal(await split.model(k, 'engineState'), await whole.model(k, 'engineState'), `lane ${k}`);
    }
  }
});

test('a diverged lane stops the split race where one worker stops, whichever worker holds it', async () => {
  for (const lane of [0, 1, 2, 3]) {
    for (const [optimizers, workers] of [[4, 2], [4, 4], [RACE, 2]]) {
      const diverges = { lane, step: 9 };
      const whole = raceOf(4, 1, diverges);
      const split = raceOf(optimizers, workers, diverges);
      const label = `lane ${lane} over ${workers} workers`;
      assert.deepEqual(await split.step(5), await whole.step(5), label);
      const stopped = await split.step(10);
      assert.deepEqual(stopped, await whole.step(10), label);
      assert.equal(stopped.step, 9);
      assert.match(stopped.failure, new RegExp(`lane ${lane}`));
      assert.deepEqual(await split.step(3), await whole.step(3), `${label}: stepping again after the failure`);
    }
  }
});

test('two diverging lanes: the earlier step wins, and at the same step the earlier lane', async () => {
  const twoFailures = (failures) => (lanes) => fakeGroup(lanes, failures.find((d) => lanes.includes(d.lane)));
  // Each failing lane in a group of its own: dealt round-robin, and shared by cost (lanes 0, 3 and 1, 2).
  for (const [optimizers, failures] of [[4, [{ lane: 0, step: 12 }, { lane: 3, step: 8 }]],
    [4, [{ lane: 1, step: 8 }, { lane: 2, step: 8 }]], [RACE, [{ lane: 0, step: 8 }, { lane: 2, step: 8 }]]]) {
    const make = twoFailures(failures);
    const split = createLaneRace(laneLayout(optimizers, 2).map((group) => make(group.lanes)));
    const stopped = await split.step(20);
    const first = [...failures].sort((a, b) => a.step - b.step || a.lane - b.lane)[0];
    assert.equal(stopped.step, first.step);
    assert.match(stopped.failure, new RegExp(`lane ${first.lane}\\)`));
    stopped.losses.forEach((losses, k) => {
      const made = k <= first.lane ? first.step : first.step - 1;
      assert.equal(losses.length, made, `lane ${k} after ${JSON.stringify(failures)}`);
    });
  }
});

test('a network outside the race is refused by name', async () => {
  const split = raceOf(RACE, 2);
  await assert.rejects(split.model(4, 'engineState'), /model index 4 is out of range for 4 optimizers/);
});
