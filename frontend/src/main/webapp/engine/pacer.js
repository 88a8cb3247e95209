// How many updates a paced run may make now, and when the next slice of training runs. A run at r updates per
// second owes its first update at once and 1 + floor(elapsed·r) by `elapsed` seconds after it started at that
// pace; the worker makes what is owed, then sleeps until the next one is due. Counting from the start, not per
// time slice, keeps slow paces honest (1, 2, 5 per second) where rounding each slice's share would not. A classic
// script (the worker loads it with importScripts); the page's unit tests run it with a fake clock.
'use strict';

/** A pacer at `rate` updates per second (0: as fast as possible), started at time `now` (ms). */
function createPacer(rate, now) {
  const start = now;
  let made = 0;
  return {
    rate,
    /** Updates owed at time `now`, at most a second's worth after a stall (a hidden tab, a long grid). */
    owed(now) {
      if (rate <= 0) return Infinity;
      const due = 1 + Math.floor((now - start) * rate / 1000) - made;
      return Math.max(0, Math.min(due, Math.ceil(rate)));
    },
    /** Records `n` updates made. */
    made(n) {
      made += n;
    },
    /** Milliseconds from `now` until the next update is due (0 when one is owed already). */
    wait(now) {
      if (rate <= 0) return 0;
      return Math.max(0, start + made * 1000 / rate - now);
    },
  };
}

// The next slice runs after `ms`, or as the next task when it is due now. A zero-delay timer will not do: once
// timers nest five deep the browser holds each for 4 ms (the HTML standard's clamp), and the slices chain, so at
// full speed a fifth of the time went idle. A message to the worker's own port waits for nothing (the channel
// is made at first use: an open port would keep a Node test process alive).
const nextTasks = [];
let nextTaskChannel = null;

function later(task, ms) {
  if (ms > 0) {
    setTimeout(task, ms);
    return;
  }
  if (!nextTaskChannel) {
    nextTaskChannel = new MessageChannel();
    nextTaskChannel.port1.onmessage = () => nextTasks.shift()();
  }
  nextTasks.push(task);
  nextTaskChannel.port2.postMessage(null);
}
