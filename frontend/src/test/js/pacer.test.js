// The worker's pace: at every notch of the speed control, a simulated worker loop on a fake clock makes the
// promised number of updates per second (the worker script is run as the worker runs it, not imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const context = {};
vm.runInNewContext(readFileSync(new URL('../../main/webapp/engine/pacer.js', import.meta.url), 'utf8'), context);
const { createPacer } = context;

/** Runs the worker's loop for `seconds` of fake time: make what is owed, sleep until the next is due. */
function updatesIn(rate, seconds, sliceMs = 12) {
  let now = 1000;
  const pacer = createPacer(rate, now);
  let made = 0;
  while (now < 1000 + seconds * 1000) {
    const n = Math.min(pacer.owed(now), 50); // a slice makes at most a few calls' worth
    pacer.made(n);
    made += n;
    now += Math.max(pacer.wait(now), sliceMs * (n > 0 ? 1 : 0), 1);
  }
  return made;
}

test('every paced notch gives its rate within 20 %', () => {
  for (const rate of [1, 2, 5, 10, 20, 50, 100, 200, 500]) {
    const perSecond = updatesIn(rate, 10) / 10;
    assert.ok(Math.abs(perSecond - rate) <= 0.2 * rate, `${rate}/s gave ${perSecond}/s`);
  }
});

test('one update a second makes one update a second, not one a slice, the first at once', () => {
  assert.equal(updatesIn(1, 5), 5);
  assert.equal(createPacer(1, 0).owed(0), 1);
});

test('after a stall the run catches up at most a second', () => {
  const pacer = createPacer(10, 0);
  pacer.made(1);
  assert.equal(pacer.owed(60_000), 10);
});

test('as fast as possible owes without limit and never waits', () => {
  const pacer = createPacer(0, 0);
  assert.equal(pacer.owed(5), Infinity);
  assert.equal(pacer.wait(5), 0);
});

test('a slice due now runs as the next task, not after a timer; one that must wait after its timer', async () => {
  const timers = [];
  // The worker's own port, as a fake channel: a message is delivered as a later task.
  class FakeChannel {
    constructor() {
      this.port1 = {};
      this.port2 = { postMessage: () => setImmediate(() => this.port1.onmessage({})) };
    }
  }
  const worker = { MessageChannel: FakeChannel, setTimeout: (task, ms) => { timers.push(ms); setTimeout(task, ms); } };
  vm.runInNewContext(readFileSync(new URL('../../main/webapp/engine/pacer.js', import.meta.url), 'utf8'), worker);
  const order = [];
  worker.later(() => order.push('waited'), 20);
  worker.later(() => order.push('first'), 0);
  worker.later(() => order.push('second'), 0);
  order.push('now');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(order, ['now', 'first', 'second', 'waited']);
  assert.deepEqual(timers, [20], 'no zero-delay timer: browsers clamp nested ones to 4 ms');
});
