// Measures every training page while it trains at full speed: frames per second and long tasks on its main
// thread, in a same-origin frame this page can watch, with the network view closed and then open, and the
// updates the worker made meanwhile (so what the view costs the training shows too). Results go in a table
// (and in BENCHMARKS.md by hand).

// The race twice: its four lanes over one worker per core (the default), and all in one worker (#workers=1).
const PAGES = [['regression'], ['classification'], ['saveload'], ['race'], ['race', '&workers=1', 'race, one worker'],
  ['playground'],
  ['playground', '&dataset=spiral&layers=16-16', 'playground 2-16-16-2']];
// pages.html#only=race;race, one worker&rounds=3 measures just those, that many times over, alternately.
const options = new URLSearchParams(location.hash.slice(1));
const only = options.get('only')?.split(';');
const chosen = PAGES.filter((page) => !only || only.includes(page.at(-1)));
const rounds = Math.max(1, Number(options.get('rounds')) || 1);
const $ = (role) => document.querySelector(`[data-role=${role}]`);

/** Resolves when the framed page posts `type` (the embedding bridge's events). */
function nextEvent(frame, type) {
  return new Promise((resolve) => {
    const listener = (event) => {
      if (event.source === frame.contentWindow && event.data?.source === 'nn-playground' && event.data.type === type) {
        window.removeEventListener('message', listener);
        resolve(event.data);
      }
    };
    window.addEventListener('message', listener);
  });
}

async function measure([page, extra = '', name = page], seconds) {
  const frame = document.createElement('iframe');
  frame.width = '1280';
  frame.height = '900';
  // Long enough never to finish while measured, at the fastest notch.
  frame.src = `../${page}.html#v=1&speed=0&steps=100000${extra}`;
  const ready = nextEvent(frame, 'ready');
  $('stage').replaceChildren(frame);
  await ready;
  const view = frame.contentWindow;
  const network = view.document.querySelector('[data-role=network]');
  network.open = false;
  const idle = await framesPerSecond(view, seconds); // the baseline: the same page, not training
  let step = 0;
  let reports = [];  // when each progress report arrived: how often the charts got new data
  const progress = (event) => {
    if (event.source !== view) return;
    if (event.data?.type === 'progress') {
      step = event.data.step;
      reports.push(performance.now());
    }
    // At the end of the plan, play on: the measurement must not run out of updates.
    if (event.data?.type === 'done') view.postMessage({ target: 'nn-playground', type: 'play' }, location.origin);
  };
  window.addEventListener('message', progress);
  view.postMessage({ target: 'nn-playground', type: 'play' }, location.origin);
  await new Promise((resolve) => setTimeout(resolve, 500)); // past the start
  const rows = [];
  for (const open of [false, true]) {
    network.open = open;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the view's first drawing
    const tasks = [];
    const observer = new view.PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const first = step;
    reports = [];
    const fps = await framesPerSecond(view, seconds);
    observer.disconnect();
    const gaps = reports.slice(1).map((time, i) => time - reports[i]);
    rows.push({ page: name, network: open ? 'open' : 'closed', idle, fps, longTasks: tasks.length,
      longest: tasks.length ? Math.max(...tasks) : 0, updates: step - first, reports: reports.length / seconds,
      longestGap: gaps.length ? Math.max(...gaps) : 0 });
  }
  window.removeEventListener('message', progress);
  view.postMessage({ target: 'nn-playground', type: 'pause' }, location.origin);
  return rows;
}

/** Frames the page draws per second over `seconds`, counted with its own requestAnimationFrame. */
async function framesPerSecond(view, seconds) {
  let frames = 0;
  const start = view.performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      frames++;
      if (view.performance.now() - start < seconds * 1000) view.requestAnimationFrame(tick); else resolve();
    };
    view.requestAnimationFrame(tick);
  });
  return frames / ((view.performance.now() - start) / 1000);
}

function row(result) {
  const tr = document.createElement('tr');
  tr.dataset.page = result.page;
  for (const text of [result.page, result.network, result.idle.toFixed(1), result.fps.toFixed(1), (result.fps / result.idle).toFixed(2),
    String(result.longTasks), result.longest.toFixed(0), String(result.updates), result.reports.toFixed(1),
    result.longestGap.toFixed(0)]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

$('start').addEventListener('click', async () => {
  $('start').disabled = true;
  $('results').replaceChildren();
  for (let round = 0; round < rounds; round++) {
    for (const page of chosen) {
      $('status').textContent = `Measuring ${page.at(-1)}…`;
      $('results').append(...(await measure(page, Number($('seconds').value))).map(row));
    }
  }
  $('stage').replaceChildren();
  $('status').textContent = 'Done.';
  $('start').disabled = false;
});
