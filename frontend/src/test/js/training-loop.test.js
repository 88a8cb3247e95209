// The worker's training loop over a fake race whose answers come back later, as a helper worker's do: every
// loss reaches the page once and in order, calls are issued before the last is reported (so helpers never wait
// in lockstep), a measurement is of the update it is reported with, and pause reports all that was made (the
// worker scripts are run as the worker runs them, not imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const context = { setTimeout, MessageChannel, performance };
for (const script of ['pacer.js', 'training-loop.js']) {
  vm.runInNewContext(readFileSync(new URL(`../../main/webapp/engine/${script}`, import.meta.url), 'utf8'), context);
}
const { createTrainingLoop } = context;

const PLAN = 500;
const LANES = 2;
const lossOf = (k, step) => step + k / 10;

/**
 * A race of LANES lanes that trains at once when called, as this worker's own lanes do, and answers after a
 * timer, as a helper does; it counts the calls not yet answered. Its metrics are the step they were taken at.
 */
function fakeRace({ plan = PLAN, clock = null, msPerStep = 0 } = {}) {
  const race = { at: 0, unanswered: 0, mostUnanswered: 0, calls: 0, sizes: [] };
  const later = (value) => {
    race.unanswered++;
    race.mostUnanswered = Math.max(race.mostUnanswered, race.unanswered);
    return new Promise((resolve) => setTimeout(() => { race.unanswered--; resolve(value); }, 0));
  };
  const metrics = () => ({ metrics: Array.from({ length: LANES }, () => [race.at]), test: null });
  Object.assign(race, {
    step(n, measure) {
      race.calls++;
      race.sizes.push(n);
      if (clock) clock.ms += n * msPerStep; // the work takes its time now, as this worker's own lanes do
      const losses = Array.from({ length: LANES }, () => []);
      while (n-- > 0 && race.at < plan) {
        race.at++;
        losses.forEach((lane, k) => lane.push(lossOf(k, race.at)));
      }
      return later({ step: race.at, epoch: 0, done: race.at >= plan, failure: null, losses,
        ...(measure ? metrics() : {}) });
    },
    evaluate: () => later(metrics()),
    all: async () => [],
  });
  return race;
}

/** The loop over `race`, planned to `steps` updates (it measures every hundredth), and what it posted to the page. */
function loopOver(race, steps = PLAN, now = () => performance.now(), everyCoreTrains = false) {
  const posted = [];
  let queue = Promise.resolve();
  const info = { steps, targets: new Array(10), optimizers: Array.from({ length: LANES }, () => ({})), config: {} };
  const loop = createTrainingLoop({
    race: () => race, info: () => info, post: (message) => posted.push(message), now,
    later: (task, ms) => setTimeout(task, ms),
    everyCoreTrains: () => everyCoreTrains,
    exclusive(task) {
      const result = queue.then(task);
      queue = result.catch(() => {});
      return result;
    },
  });
  loop.restart();
  return { loop, posted };
}

const untilPosted = async (posted, type) => {
  while (!posted.some((m) => m.type === type)) await new Promise((resolve) => setTimeout(resolve, 1));
};

/** Every loss the page was sent, lane by lane. */
const lossesSent = (posted) => Array.from({ length: LANES }, (_, k) =>
  posted.filter((m) => m.type === 'progress').flatMap((m) => m.losses[k]));

const everyLoss = (steps) => Array.from({ length: LANES }, (_, k) => Array.from({ length: steps }, (_, s) => lossOf(k, s + 1)));

test('played to its end, every loss reaches the page once, in order, and the run is done there', async () => {
  const race = fakeRace();
  const { loop, posted } = loopOver(race);
  loop.start();
  await untilPosted(posted, 'done');
  assert.deepEqual(lossesSent(posted), everyLoss(PLAN));
  assert.equal(posted.find((m) => m.type === 'done').step, PLAN);
  assert.equal(loop.running, false);
});

test('a call is issued before the last one is answered, so helpers never wait in lockstep', async () => {
  const race = fakeRace();
  const { loop, posted } = loopOver(race);
  loop.start();
  await untilPosted(posted, 'done');
  assert.ok(race.calls > 3, `${race.calls} calls`);
  assert.ok(race.mostUnanswered >= 2, `at most ${race.mostUnanswered} call(s) awaited at once`);
});

test('a measurement is of the update it is reported with, and every hundredth of the plan has one', async () => {
  const race = fakeRace();
  const { loop, posted } = loopOver(race);
  loop.start();
  await untilPosted(posted, 'done');
  const measured = posted.filter((m) => m.type === 'progress' && m.metrics);
  for (const message of measured) assert.deepEqual(message.metrics, [[message.step], [message.step]]);
  const steps = new Set(measured.map((m) => m.step));
  for (let step = PLAN / 100; step <= PLAN; step += PLAN / 100) assert.ok(steps.has(step), `measured at ${step}`);
});

/** A fresh race played at full speed and paused once it has made `updates` or more. */
async function pausedAfter(updates) {
  const race = fakeRace();
  const { loop, posted } = loopOver(race);
  loop.start();
  while (race.at < updates) await new Promise((resolve) => setTimeout(resolve, 1));
  await loop.pause();
  return { race, loop, posted };
}

test('pause reports every update made before it, and nothing is made after', async () => {
  const { race, posted } = await pausedAfter(50);
  const made = race.at;
  assert.ok(made < PLAN, 'paused before the end');
  assert.deepEqual(lossesSent(posted), everyLoss(made));
  const last = posted.at(-1);
  assert.equal(last.step, made);
  assert.equal(last.running, false);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(race.at, made);
});

test('a step by hand after a pause goes on from where the page was told it stopped', async () => {
  const { race, loop, posted } = await pausedAfter(30);
  await loop.step(5);
  assert.deepEqual(lossesSent(posted), everyLoss(race.at));
  assert.equal(posted.at(-1).step, race.at);
  assert.deepEqual(posted.at(-1).metrics, [[race.at], [race.at]]);
});

test('a paced run makes its rate and reports about once a frame, not once a slice', async () => {
  const race = fakeRace();
  const { loop, posted } = loopOver(race, 100 * PLAN);
  loop.setSpeed(200);
  loop.start();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await loop.pause();
  assert.ok(race.at >= 80 && race.at <= 120, `${race.at} updates in half a second at 200/s`);
  const reports = posted.filter((m) => m.type === 'progress').length;
  assert.ok(reports <= 500 / 33 + 3, `${reports} reports in half a second`);
  assert.deepEqual(lossesSent(posted), everyLoss(race.at));
});

test('calls are sized to about four milliseconds of work, steadily, though answers come two calls late', async () => {
  // An update takes 10 µs on a clock that only the work moves: 400 updates make a call of four milliseconds.
  const clock = { ms: 0 };
  const race = fakeRace({ plan: 200_000, clock, msPerStep: 0.01 });
  const { loop, posted } = loopOver(race, 200_000, () => clock.ms);
  loop.start();
  while (race.calls < 120) await new Promise((resolve) => setTimeout(resolve, 1));
  await loop.pause();
  // A call is cut short where the plan measures (every 2,000 updates here); the others keep to their size.
  let made = 0;
  const uncut = race.sizes.filter((n) => (made += n) % 2000 !== 0).slice(40);
  assert.ok(uncut.every((n) => n >= 300 && n <= 530), `call sizes after the first 40: ${uncut.join(' ')}`);
  assert.deepEqual(lossesSent(posted), everyLoss(race.at));
});

/** Progress reports per (clock) second while a race trains at full speed, every core training or not. */
async function reportsPerSecond(everyCoreTrains) {
  const clock = { ms: 0 };
  // A plan long enough that none of its measuring points (every hundredth) comes within the two seconds.
  const race = fakeRace({ plan: 1e9, clock, msPerStep: 0.01 });
  const { loop, posted } = loopOver(race, 1e9, () => clock.ms, everyCoreTrains);
  loop.start();
  while (clock.ms < 2000) await new Promise((resolve) => setTimeout(resolve, 1));
  loop.halt();
  return posted.filter((m) => m.type === 'progress').length / (clock.ms / 1000);
}

test('at full speed on every core, reports come half as often: the page draws less while it shares the cores', async () => {
  const alone = await reportsPerSecond(false);
  const shared = await reportsPerSecond(true);
  assert.ok(alone >= 25 && alone <= 31, `${alone} reports a second with a core to spare`);
  assert.ok(shared >= 12 && shared <= 16, `${shared} reports a second on every core`);
});
