// What a page shows of a run: its charts, the progress and metrics in the status line, the race's table and
// the confusion matrix, and the network's answer over the data (fits or decision regions), asked of the engine
// at most every GRID_EVERY_MS while training.
import { applyTheme, bounds, dataChart, pinAxes, redraw, setDiscrete, showGrid, showParts, showTestPoints } from './charts.js';
import { accuracyChart, addBatchLosses, addMetrics, addRates, clearLosses, lossChart, rateChart,
  showBatchLosses } from './curve-charts.js';
import { downloadUrl } from './download.js';
import { createDiagnosticsView } from './diagnostics-view.js';
import { createNetworkView } from './network-view.js';
import { t, tn } from './i18n.js';
import { predictionChart, showPredictions } from './prediction-chart.js';
import { isPictured } from './prediction-points.js';

const GRID_EVERY_MS = 100;

/** The view inside `root`; engine() gives the engine to ask for grids, or null while there is none. */
export function createChartView(root, engine, fileStem) {
  const $ = (name) => root.querySelector(`[data-role="${name}"]`);
  let info = null;
  let charts = null;
  let lossStart = 1;
  let gridInFlight = false;
  let lastNetwork = 0;  // when the network view was last drawn, and what that took (ms)
  let networkCost = 0;
  let lastGrid = 0;
  let drawing = Promise.resolve(); // forced refreshes queue here, so the last state is always drawn
  let generation = 0; // a new run starts a new chain: drawings of an old run are abandoned
  let pinnedBounds = null; // while points are drawn, the data chart keeps its view
  const network = createNetworkView(root);
  const diagnostics = createDiagnosticsView(root); // null on pages without the panel
  applyTheme();

  /**
   * A new run described by `runInfo`: its charts, and its first picture, asked of the engine before the charts
   * are built, so that the worker computes while this thread builds them. keepView keeps the data chart's view
   * (widened to every point). Resolves once the picture is drawn.
   */
  function start(runInfo, keepView = false) {
    info = runInfo;
    generation++;
    if (!keepView) pinnedBounds = null;
    const view = pinnedBounds ? widen(bounds(info), pinnedBounds) : bounds(info);
    fillLanes(); // the lane choices first: the first picture asks for the chosen lane's network
    const first = ask(true, view);
    build(view);
    drawing = engine() ? drawAnswers(first) : Promise.resolve();
    return drawing;
  }

  function widen(b, other) {
    return [Math.min(b[0], other[0]), Math.max(b[1], other[1]), Math.min(b[2], other[2]), Math.max(b[3], other[3])];
  }

  /** The charts of the run in `info`, the data chart over `view`. */
  function build(view) {
    if (charts) Object.values(charts).forEach((chart) => chart?.destroy?.());
    const withTest = info.testRows?.length > 0;
    $('accuracy-figure').hidden = !info.classification;
    // Chart options where they apply, unless the embedding page hid them.
    const option = (key) => root.querySelector(`[data-control=${key}]`);
    const pictured = isPictured(info);
    option('discrete').hidden = info.features === 1 || !pictured || 'embedHidden' in option('discrete').dataset;
    $('data-caption').textContent = pictured ? t('charts.data')
      : t(info.classification ? 'predictions.captionClasses' : 'predictions.captionTargets', { inputs: tn('network.inputs', info.features),
        targets: (info.outputs || 1) === 1 ? '' : t('predictions.targets', { n: info.outputs }) });
    option('parts').hidden = !hasParts() || 'embedHidden' in option('parts').dataset;
    $('accuracy').parentElement.hidden = !info.classification;
    $('test-accuracy').parentElement.hidden = !info.classification;
    const scheduled = Boolean(info.config?.scheduler) && Boolean($('rate-figure'));
    if ($('rate-figure')) $('rate-figure').hidden = !scheduled;
    charts = { data: pictured ? dataChart($('data-chart'), info) : predictionChart($('data-chart'), info), loss: lossChart($('loss-chart'), info.optimizers, withTest),
      accuracy: info.classification ? accuracyChart($('accuracy-chart'), info.optimizers, withTest) : null,
      rate: scheduled ? rateChart($('rate-chart'), info.optimizers) : null };
    if ($('show-test') && pictured) showTestPoints(charts.data, $('show-test').checked);
    showBatchLosses(charts.loss, $('show-batches').checked);
    if (pictured) setDiscrete(charts.data, $('discrete').checked);
    charts.bounds = view;
    if (pictured && view.some((v, i) => v !== charts.data.$bounds[i])) pinAxes(charts.data, view);
    pinnedBounds = view;
    network.clear();
    diagnostics?.clear();
    lossStart = 1;
    showProgress(0, 0, info.steps);
    showDataCount();
  }

  /** A progress report: new batch losses, and whole-data metrics when the engine measured them. */
  function progress(m) {
    if (!charts) return;
    if (m.step === 0) { clearLosses(charts.loss, charts.accuracy, charts.rate); lossStart = 1; }
    const fresh = m.losses[0]?.length || 0;
    addBatchLosses(charts.loss, lossStart, m.losses);
    if (m.rates && charts.rate) addRates(charts.rate, lossStart, m.rates);
    lossStart += fresh;
    showProgress(m.step, m.epoch, m.total);
    if (m.metrics) {
      showMetrics(m.metrics, m.testMetrics);
      addMetrics(charts, m.step, m.metrics, m.testMetrics);
      showTable(m.metrics);
    }
    // While it runs, the pictures keep to their pace; a step taken by hand is shown at once, every picture of it.
    refresh(m.running === false);
  }

  /** The run's last measurements, at the end of its planned updates; resolves once they are drawn. */
  function done(m) {
    if (charts) addMetrics(charts, m.step, m.metrics, m.testMetrics);
    showMetrics(m.metrics, m.testMetrics);
    showTable(m.metrics);
    return refresh(true);
  }

  function showProgress(step, epoch, total) {
    // Past the plan the run trains on, open-ended: the count goes on without "of".
    $('step').textContent = step > total ? t('progress.open', { step, epoch: epoch + 1 })
      : t('progress.planned', { step, total, epoch: epoch + 1 });
    $('progress').value = total ? Math.min(1, step / total) : 0;
  }

  /** One input, one hidden layer, one network: the fit is a sum of parts the chart can draw. */
  function hasParts() {
    return isPictured(info) && info.features === 1 && info.optimizers.length === 1 && info.config?.layers?.length === 1;
  }

  /** A race draws one lane's network, chosen here; the choice stays while the lanes stay the same. */
  function fillLanes() {
    for (const role of ['network-lane', 'diagnostics-lane']) {
      const select = $(role);
      if (!select) continue;
      const kept = select.value;
      select.replaceChildren(...info.optimizers.map((label, k) => new Option(label, String(k))));
      if (kept && Number(kept) < info.optimizers.length) select.value = kept;
      $(`${role}-choice`).hidden = info.optimizers.length < 2;
    }
  }

  /** How many points the run learns from, and how many it holds out for testing. */
  function showDataCount(points = info.targets.length / (info.classification ? 1 : info.outputs || 1),
    held = info.testRows?.length || 0) {
    $('data-count').textContent = tn('data.points', points) + (held ? t('data.heldOut', { n: held }) : '');
  }

  /**
   * The status line's loss and accuracy on all the training data (every lane's in a race), and on the test
   * part when there is one. Each figure also keeps its exact values (data-values, one per lane), so what the
   * page shows can be checked against PyTorch to the last digit.
   */
  function showMetrics(all, test) {
    if (!all?.[0]) return;
    show('loss', all, 0);
    show('accuracy', all[0].length > 1 ? all : null, 1);
    $('test-metrics').hidden = !test?.[0];
    if (test?.[0]) {
      show('test-loss', test, 0);
      show('test-accuracy', test[0].length > 1 ? test : null, 1);
    }
  }

  function show(role, all, index) {
    const format = index === 0 ? (v) => v.toFixed(5) : (v) => `${(100 * v).toFixed(1)} %`;
    const one = (m) => (m[index] === null || m[index] === undefined ? '—' : format(m[index]));
    $(role).textContent = !all ? '—'
      : all.length > 1 ? all.map((m, k) => `${info.optimizers[k]} ${one(m)}`).join(' · ') : one(all[0]);
    $(role).dataset.values = all ? all.map((m) => m[index]).join(',') : '';
  }

  /** The race's table: each optimizer's loss on all the data. */
  function showTable(metrics) {
    const table = $('race-table');
    if (!table || !info) return;
    // The rows stay while the lanes do; a report (up to thirty a second) only writes the losses that changed.
    const sameLanes = table.rows.length === info.optimizers.length
      && [...table.rows].every((row, k) => row.cells[0].textContent === info.optimizers[k]);
    if (!sameLanes) {
      table.replaceChildren(...info.optimizers.map((label) => {
        const row = document.createElement('tr');
        row.insertCell().textContent = label;
        row.insertCell();
        return row;
      }));
    }
    info.optimizers.forEach((_, k) => {
      const loss = table.rows[k].cells[1];
      const text = metrics[k][0] === null ? '—' : metrics[k][0].toFixed(5);
      if (loss.textContent !== text) loss.textContent = text;
      loss.dataset.value = String(metrics[k][0]);
    });
  }

  /** Counts of (actual, predicted) class pairs over the data, for classification pages that show them. */
  /** The predictions the confusion matrix counts, asked for now; null on pages without one. */
  function askConfusion() {
    if (!$('confusion') || !info || !info.classification) return null;
    const points = [];
    for (let i = 0; i < info.inputs.length; i += 2) points.push([info.inputs[i], info.inputs[i + 1]]);
    return engine().predict(points);
  }

  function showConfusion({ values }) {
    const table = $('confusion');
    const columns = values.length / (info.inputs.length / 2);
    const counts = [[0, 0], [0, 0]];
    info.targets.forEach((actual, i) => {
      const predicted = columns === 1 ? (values[i] > 0 ? 1 : 0) : (values[2 * i + 1] > values[2 * i] ? 1 : 0);
      counts[actual][predicted]++;
    });
    table.querySelectorAll('td[data-cell]').forEach((cell) => {
      const [actual, predicted] = cell.dataset.cell.split('-').map(Number);
      cell.textContent = String(counts[actual][predicted]);
    });
  }

  /**
   * Asks the engine for the network's answer over the data and draws it: while training at most every
   * GRID_EVERY_MS and never two at once; forced (a run's start or end, a reset), always, after any in flight.
   * Resolves when drawn.
   */
  function refresh(force) {
    if (!force && (gridInFlight || performance.now() - lastGrid < GRID_EVERY_MS)) return drawing;
    drawing = drawing.then(() => draw(force));
    return drawing;
  }

  function draw(force) {
    return engine() && charts ? drawAnswers(ask(force, charts.bounds)) : undefined;
  }

  /**
   * Asks the engine at once for everything a drawing of the data's `view` shows, grids first: the worker
   * computes the next answer while this thread draws the last. (A run replaced meanwhile rejects them all; each
   * is caught, as it may go unawaited.)
   */
  function ask(force, view) {
    gridInFlight = true;
    lastGrid = performance.now();
    const caught = (promise) => { promise?.catch(() => {}); return promise; };
    // A curve per network (a race draws every lane's fit); one network's regions for two inputs.
    const lanes = !isPictured(info) ? 0 : info.features === 1 ? info.optimizers.length : 1;
    const grids = Array.from({ length: lanes },
      (_, k) => caught(engine().grid(view, info.features === 1 ? 100 : 80, k)));
    // Data with no flat picture: the chosen network's predictions for every point, against the targets.
    const predictions = lanes === 0 ? caught(engine().predict(info.inputs, Number($('network-lane').value || 0))) : null;
    // The view redraws at most as often as keeps its drawing to about a tenth of the page's time.
    const viewDue = network.isOpen()
      && (force || performance.now() - lastNetwork >= Math.max(GRID_EVERY_MS, 10 * networkCost));
    const parts = hasParts() && $('parts').checked;
    // With the parts shown, the picture's curves match the fit's 100 points.
    const picture = viewDue || parts
      ? caught(engine().network(view, parts ? 100 : network.resolution(), Number($('network-lane').value || 0)))
      : null;
    const health = diagnostics?.due(force)
      ? caught(diagnostics.ask(engine(), Number($('diagnostics-lane').value || 0))) : null;
    const evaluation = force ? caught(engine().evaluate()) : null;
    const confusion = caught(askConfusion());
    return { mine: generation, grids, predictions, viewDue, parts, picture, health, evaluation, confusion };
  }

  /** Draws the answers `ask` asked for, each as it comes; resolves when all are drawn. */
  async function drawAnswers({ mine, grids, predictions, viewDue, parts, picture, health, evaluation, confusion }) {
    const current = () => mine === generation;
    try {
      // Every lane's answer first, then one redraw: the points are drawn once, not once per lane.
      const answers = await Promise.all(grids);
      if (!current()) return;
      answers.forEach((grid, k) => showGrid(charts.data, info, grid, k, false));
      if (answers.length) redraw(charts.data, info.features === 1); // new regions alone need no new layout
      if (predictions) {
        const { values } = await predictions;
        if (!current()) return;
        showPredictions(charts.data, info, values);
      }
      if (picture) {
        const drawn = await picture;
        if (!current()) return;
        if (parts) showParts(charts.data, charts.bounds, drawn.decomposition);
        if (viewDue) {
          const start = performance.now();
          network.update(drawn);
          lastNetwork = performance.now();
          networkCost = lastNetwork - start;
        }
      }
      if (health) {
        const figures = await health;
        if (!current()) return;
        diagnostics.show(figures);
      }
      if (evaluation) {
        const { metrics, testMetrics } = await evaluation;
        if (!current()) return;
        showMetrics(metrics, testMetrics);
        showTable(metrics);
      }
      if (confusion) {
        const predicted = await confusion;
        if (current()) showConfusion(predicted);
      }
    } catch (error) {
      // an answer asked for while a run was replaced: nothing to draw
    } finally {
      if (current()) gridInFlight = false;
    }
  }

  $('show-test')?.addEventListener('change', (event) => { if (charts) showTestPoints(charts.data, event.target.checked); });
  $('network').addEventListener('toggle', () => { if ($('network').open) refresh(true); });
  $('network-lane').addEventListener('change', () => refresh(true));
  if (diagnostics) {
    $('diagnostics').addEventListener('toggle', () => { if ($('diagnostics').open) refresh(true); });
    $('diagnostics-lane').addEventListener('change', () => { diagnostics.clear(); refresh(true); });
  }
  $('show-batches').addEventListener('change', (event) => { if (charts) showBatchLosses(charts.loss, event.target.checked); });
  $('parts').addEventListener('change', (event) => {
    if (!charts) return;
    if (event.target.checked) refresh(true); else showParts(charts.data, charts.bounds, null);
  });
  $('discrete').addEventListener('change', (event) => { if (charts) setDiscrete(charts.data, event.target.checked); });
  for (const button of root.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => {
      const chart = charts?.[button.dataset.download];
      if (chart) downloadUrl(chart.toBase64Image(), `nn-playground-${fileStem}-${button.dataset.download}.png`);
    });
  }

  return { start, progress, done, refresh, showDataCount, charts: () => charts, bounds: () => charts?.bounds };
}
