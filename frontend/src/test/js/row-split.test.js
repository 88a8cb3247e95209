// A full-batch update split over workers: the parts are added in the core's tree order, and a run of n steps
// gathers what one worker's n steps report (the worker scripts are run as the worker runs them, not imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const context = { Float64Array };
for (const script of ['lane-groups.js', 'row-split.js']) {
  vm.runInNewContext(readFileSync(new URL(`../../main/webapp/engine/${script}`, import.meta.url), 'utf8'), context);
}
const { sumParts, createRowSplit } = context;

test('parts are added pairwise, each half first, and a part with no rows is left out', () => {
  const [a, b, c, d] = [[1e16], [1], [-1e16], [1]].map((v) => Float64Array.from(v));
  // (a + b) + (c + d) = 1e16 + (-1e16 + 1): 0 in doubles; in plain order ((a + b) + c) + d it would be 1.
  assert.deepEqual(Array.from(sumParts([a, b, c, d])), [0]);
  assert.deepEqual(Array.from(sumParts([a, null])), [1e16]);
  assert.equal(sumParts([Float64Array.from([-0]), null])[0], -0, 'a −0 stays −0');
  assert.equal(Object.is(sumParts([Float64Array.from([-0]), null])[0], -0), true);
});

/** A fake copy of a run: an update adds the parts' sum to one weight; the loss is that weight. */
function fakeCopy(plan, calls) {
  let weight = 0;
  let step = 0;
  const ops = {
    engineStepPart: (from, to) => Float64Array.from([to - from, 0]),
    engineStepWithParts(sum) {
      calls.push(Array.from(sum));
      weight += sum[0];
      step++;
      return JSON.stringify({ step, epoch: step, done: step >= plan, failure: null, losses: [[weight]] });
    },
    engineEvaluate: () => JSON.stringify({ metrics: [[weight]], test: null }),
  };
  return { call: async (op, ...args) => ops[op](...args) };
}

test('n steps make one update at a time with every worker\'s rows, and stop at the end of the plan', async () => {
  const calls = [];
  const split = createRowSplit([fakeCopy(5, calls), fakeCopy(5, calls)], [0, 512, 900]);
  const progress = await split.step(3);
  assert.equal(progress.step, 3);
  assert.deepEqual(Array.from(progress.losses[0]), [900, 1800, 2700]);
  assert.deepEqual(calls.slice(0, 2), [[900, 0], [900, 0]], 'both copies get the same sum of 512 + 388 rows');
  const last = await split.step(10);
  assert.equal(last.step, 5);
  assert.equal(last.done, true);
  assert.deepEqual(Array.from(last.losses[0]), [3600, 4500]);
});

test('a copy that cannot give its part stops the run with a message', async () => {
  const refusing = { call: async (op) => (op === 'engineStepPart' ? null : '{}') };
  const split = createRowSplit([refusing, refusing], [0, 256, 300]);
  await assert.rejects(split.step(1), /only a full-batch update can/);
});
