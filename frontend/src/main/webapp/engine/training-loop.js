// The worker's training loop: trains the run in slices of engine calls so messages keep flowing, at the pace
// asked for (pacer.js), and reports progress about once per animation frame however fast training goes.
//
// Calls are issued up to AHEAD before the oldest is reported, so a race over several workers never waits in
// lockstep: while this worker merges and reports call k, its helpers already compute the next ones (their
// messages queue in order), and a helper the scheduler held back catches up instead of stalling the others.
// Whether a call ends with a whole-data measurement is settled when it is issued, so every worker measures after
// the same update. A classic script (the worker loads it with importScripts); the page's unit tests run it with a
// fake race.
'use strict';

const FRAME_MS = 33;       // report at most about every other frame: the charts redraw on reports
// At full speed with a worker training on every core, the page's drawing takes its time from training: each
// report cost the race page about 8 ms of a core (the loss chart's layout and drawing, the canvas's hand-over to
// the compositor, the status line); fifteen a second still animate the curves.
const SHARED_FRAME_MS = 66;
const SLICE_MS = 12;       // train this long before yielding to the message queue
const METRICS_MS = 250;    // full-data loss/accuracy at most this often
const CALL_MS = 4;         // aim for engine calls this long
const MEASURES = 100;      // the whole-data loss is measured at least this often over the planned updates
const AHEAD = 2;           // calls issued before the oldest is reported
const SPEED_CALLS = 8;     // the engine's speed is measured over this many answered calls

/**
 * The loop over `host`: {race(), info(), post(message), exclusive(task) (one thing at a time touches the run),
 * later(task, ms), now(), everyCoreTrains() (the run's workers are as many as the machine's cores)}. The race
 * answers step(n, measure) with the progress of up to n updates, its metrics too when measured, and evaluate()
 * (see lane-groups.js).
 */
function createTrainingLoop(host) {
  let running = false;
  let loop = 0;              // the loop's number: a loop ends when a newer one starts
  let stepsPerSecond = 0;    // 0: as fast as possible
  let pacer = null;          // the running pace, started afresh with each run or change of speed
  let planDone = false;      // the planned updates are made: play or step again trains on past them
  let pending = [];          // losses not yet reported, per optimizer
  let pendingRates = null;   // with a schedule: learning rates not yet reported, per optimizer
  let issuedSteps = 0;       // updates asked for so far, the calls' in flight too
  let lastReport = -Infinity;
  let lastMetrics = -Infinity;
  let ahead = [];            // calls issued and not yet reported, oldest first: {n, reports, answer, issued}
  let chunk = 1;             // updates per call, sized to take about CALL_MS
  let speed = null;          // the engine's speed so far: {since, steps, calls}, the updates answered since `since`
  let latest = null;         // the last call's progress

  function clearPending() {
    const info = host.info();
    pending = info ? info.optimizers.map(() => []) : [];
    pendingRates = info?.config?.scheduler ? info.optimizers.map(() => []) : null;
  }

  /** Loss (and accuracy) per optimizer on the training data, and on the test part when there is one. */
  async function evaluation() {
    lastMetrics = host.now();
    const answer = await host.race().evaluate();
    return { metrics: answer.metrics, testMetrics: answer.test };
  }

  /** Adds `progress`'s losses to what the page has yet to see; with `reports`, tells it, measured if asked. */
  async function deliver(progress, reports, measured = false) {
    progress.losses.forEach((losses, k) => { for (const v of losses) pending[k].push(v); });
    progress.rates?.forEach((rates, k) => { for (const v of rates) pendingRates[k].push(v); });
    latest = progress;
    if (reports) await report(progress, measured);
  }

  /** Tells the page the losses it has yet to see, up to `progress`, with its metrics (measured now if asked). */
  async function report(progress, measured) {
    const message = {
      type: 'progress', step: progress.step, epoch: progress.epoch, total: host.info().steps,
      losses: pending, running, ...(pendingRates ? { rates: pendingRates } : {}),
    };
    if (progress.metrics) {
      Object.assign(message, { metrics: progress.metrics, testMetrics: progress.test });
    } else if (measured) {
      Object.assign(message, await evaluation());
    }
    host.post(message);
    clearPending();
  }

  /** The run ended with `progress`: at its plan, or diverged. */
  async function finish(progress) {
    running = false;
    await deliver(progress, true, true);
    if (progress.failure) {
      host.post({ type: 'error', message: progress.failure, code: progress.failureCode,
        params: progress.failureParams, step: progress.step });
    } else {
      planDone = true;
      host.post({ type: 'done', step: progress.step, ...await evaluation() });
    }
  }

  /** Issues `n` updates now; whether they end with a report (and a measurement) is settled here. */
  function issue(n, forced) {
    const now = host.now();
    const shared = pacer.rate <= 0 && host.everyCoreTrains();
    const reports = forced || now - lastReport >= (shared ? SHARED_FRAME_MS : FRAME_MS);
    // Small datasets are cheap to evaluate: they get a metric with every report, for smooth curves.
    const measures = reports && (forced || host.info().targets.length <= 1000 || now - lastMetrics >= METRICS_MS);
    if (reports) lastReport = now;
    if (measures) lastMetrics = now;
    issuedSteps += n;
    pacer.made(n);
    const answer = host.race().step(n, measures);
    answer.catch(() => {}); // awaited when its turn comes; a failure is not reported twice
    return { n, reports, answer, issued: now };
  }

  /**
   * Sizes the calls from the engine's speed: the updates answered over the last SPEED_CALLS answers, against the
   * time they took. With calls in flight, the time between two answers is that of another call than the one
   * answered (sizing each call from it made the sizes swing between 1 and 4096 updates); over several answers
   * it is the engine's throughput, whatever the pipeline.
   */
  function measureSpeed(call, now) {
    speed ??= { since: call.issued, steps: 0, calls: 0 }; // the pipeline was empty: this call started at its issue
    speed.steps += call.n;
    if (++speed.calls < SPEED_CALLS) return;
    const perStep = Math.max(1e-3, (now - speed.since) / speed.steps);
    chunk = Math.max(1, Math.min(4096, Math.floor(CALL_MS / perStep)));
    speed = { since: now, steps: 0, calls: 0 };
  }

  /** Takes `call`'s answer and reports it if planned; false when the run ended with it. */
  async function answer(call) {
    const progress = await call.answer;
    measureSpeed(call, host.now());
    issuedSteps = ahead.reduce((steps, later) => steps + later.n, progress.step); // `call` is out of `ahead`
    if (progress.done) {
      await finish(progress);
      return false;
    }
    await deliver(progress, call.reports);
    return true;
  }

  /** Drops the calls in flight unreported (a reset, a new run): what they made is undone anyway. */
  async function discard() {
    const calls = ahead;
    ahead = [];
    for (const call of calls) {
      issuedSteps -= call.n;
      await call.answer.catch(() => {});
    }
  }

  /** Takes the calls in flight, reported as planned. */
  async function settle() {
    while (ahead.length) {
      if (!(await answer(ahead.shift()))) await discard();
    }
  }

  /** Reports, measured, what the page has yet to see, so that what it is told is all that was made. */
  async function flush() {
    if (pending.some((losses) => losses.length)) await report(latest, true);
  }

  /** Trains for about SLICE_MS in calls of about CALL_MS, then yields until the pace allows more. */
  async function trainSlice(id) {
    const start = host.now();
    let budget = pacer.owed(start);
    // However fast the run goes, the charts get their whole-data loss every 1/MEASURES of the plan; past the
    // plan, training on, reports follow the frames as usual.
    const every = Math.max(1, Math.ceil(host.info().steps / MEASURES));
    const current = () => running && id === loop;
    if (ahead.length === 0) speed = null; // idle since the last answer: that time is no part of the engine's speed
    try {
      while (current() && host.now() - start < SLICE_MS && budget > 0) {
        const made = await host.exclusive(async () => {
          if (!current()) return 0;
          const toMeasure = issuedSteps < host.info().steps ? every - (issuedSteps % every) : Infinity;
          const n = Math.min(chunk, budget, toMeasure);
          ahead.push(issue(n, n === toMeasure));
          if (ahead.length > AHEAD && !(await answer(ahead.shift()))) {
            await discard(); // past the end: an update no worker makes, or one the lanes' cut drops
            return 0;
          }
          return n;
        });
        if (!made) return;
        budget -= made;
      }
      // A paced run's updates are reported as they are made, not at its next slice (a second later at 1/s); at
      // full speed the next slice, coming at once, takes the calls in flight.
      if (pacer.rate > 0) await host.exclusive(() => (current() ? settle() : null));
    } catch (error) {
      running = false;
      ahead = [];
      host.post({ type: 'error', message: error.message, code: error.code, params: error.params });
      return;
    }
    if (current()) host.later(() => trainSlice(id), pacer.wait(host.now()));
  }

  return {
    get running() { return running; },
    /** A new run, or the same one reset: nothing made, nothing pending. */
    restart() {
      planDone = false;
      issuedSteps = 0;
      chunk = 1;
      speed = null;
      clearPending();
    },
    /** After the planned updates, the run trains on open-ended (TensorFlow Playground's way). */
    async keepGoingIfPlanDone() {
      if (planDone) {
        await host.race().all('engineKeepGoing');
        planDone = false;
      }
    },
    start() {
      running = true;
      pacer = createPacer(stepsPerSecond, host.now());
      const id = ++loop;
      host.later(() => trainSlice(id), 0);
    },
    /** Stops after the calls in flight, every update they made reported. */
    async pause() {
      running = false;
      await settle();
      await flush();
    },
    /** Stops the loop after its current call (a message failed); the call in flight is reported with the next. */
    halt() {
      running = false;
    },
    /** Stops, dropping the call in flight (the run is reset or replaced next). */
    async stop() {
      running = false;
      await discard();
    },
    setSpeed(rate) {
      stepsPerSecond = Math.max(0, Number(rate) || 0);
      pacer = createPacer(stepsPerSecond, host.now());
    },
    /** `n` updates by hand, reported with their measurement. */
    async step(n) {
      running = false;
      await settle();
      await this.keepGoingIfPlanDone();
      const progress = await host.race().step(n, true);
      issuedSteps = progress.step;
      if (progress.done) {
        await finish(progress);
      } else {
        await deliver(progress, true, true);
      }
    },
    /** Tells the page the run is back at its start (after a reset). */
    reportReset() {
      host.post({ type: 'progress', step: 0, epoch: 0, total: host.info().steps, losses: pending, running: false });
    },
    evaluation,
  };
}
