// A page inside another page's frame (see embed.js). It reads its embedding options, tells its host what
// happens (ready, progress, done, error, state: the current link, resize: its content's height) and takes the
// host's commands (play, pause, reset, set a setting), both by postMessage.

/** The settings each chapter shows in its compact embedded row, unless the host names others with show=. */
export const EMBED_CONTROLS = {
  regression: ['lr', 'speed', 'layers', 'activation', 'noise'],
  classification: ['lr', 'speed', 'noise', 'layers', 'activation'],
  saveload: ['lr', 'speed'],
  race: ['lr', 'speed'],
  playground: ['dataset', 'layers', 'activation', 'optimizer', 'lr', 'batch', 'speed'],
  descent: ['batchLr', 'lr', 'epochs', 'batch', 'axis'],
  nets: ['nFeature', 'nHidden', 'nOutput'],
};
/** Buttons every embedded training page keeps unless hidden by name or by controls=none. */
const BUTTONS = ['play', 'step', 'reset'];

/**
 * The embedding options of a page's address: embedded (?embed=1, the address other sites may frame; or embed=1
 * in the hash, as older links had it), the controls to hide or alone to show, controls=none for a pure demo,
 * and autoplay.
 */
export function embedOptions(search, hash) {
  const query = new URLSearchParams(search);
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (key) => (params.get(key) || '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    embedded: query.get('embed') === '1' || params.get('embed') === '1',
    hide: list('hide'),
    show: list('show'),
    noControls: params.get('controls') === 'none',
    autoplay: params.get('autoplay') === '1',
  };
}

/**
 * Whether the control `key` shows on an embedded page of `chapter`: none with controls=none; else not when
 * hidden by name; else the buttons always, and the named ones (show=) or the chapter's own row.
 */
export function controlShown(key, chapter, options) {
  if (options.noControls || options.hide.includes(key)) return false;
  if (BUTTONS.includes(key)) return true;
  const wanted = options.show.length ? options.show : EMBED_CONTROLS[chapter] || [];
  return wanted.includes(key);
}

/** The embedding options to keep in the link when the page writes its settings back. */
export function embedSuffix(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const kept = new URLSearchParams();
  for (const key of ['embed', 'hide', 'show', 'controls', 'autoplay', 'lang']) if (params.has(key)) kept.set(key, params.get(key));
  const text = kept.toString();
  return text ? `&${text}` : '';
}

/** Tells the embedding page an event, if there is one. */
export function publish(type, data) {
  if (window.parent !== window) window.parent.postMessage({ source: 'nn-playground', type, ...data }, '*');
}

/** Runs commands from the embedding page: handlers.play(), pause(), reset(), set(param, value). */
export function listenForCommands(handlers) {
  window.addEventListener('message', (event) => {
    const command = event.data;
    if (!command || command.target !== 'nn-playground') return;
    if (command.type === 'set') handlers.set(command.param, command.value);
    else handlers[command.type]?.();
  });
}

/**
 * An embedded page: marks the body (compact styles), shows only the controls wanted, and reports its height
 * whenever its content changes size, so the host's element can fit it without scrollbars.
 */
export function enterEmbedMode(root, chapter, options) {
  document.body.classList.add('embed');
  for (const element of root.querySelectorAll('[data-control]')) {
    const key = element.dataset.control;
    if (!controlShown(key, chapter, options)) {
      element.hidden = true;
      element.dataset.embedHidden = ''; // stays hidden when the page would show it (see chart-view.js)
    } else if (options.show.includes(key)) {
      element.hidden = false; // named by the host, though the page keeps it optional
    }
  }
  // The settings row is always unfolded (a phone folds the full page's panel), Advanced included.
  root.querySelectorAll('.settings details').forEach((details) => { details.open = true; });
  // The panels a lesson rarely wants (the files panel is the save-and-load chapter's own); show= names them back.
  for (const panel of ['network', 'diagnostics', 'code', 'data', 'files']) {
    const element = root.querySelector(`[data-panel="${panel}"]`);
    const own = panel === 'files' && chapter === 'saveload';
    if (element && !own && !options.show.includes(panel)) element.hidden = true;
  }
  if (options.noControls) root.classList.add('no-controls');
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      publish('resize', { height });
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

/** The chapters whose settings are plain fields (descent, nets): each field's label is its control. */
export function labelControls(root) {
  for (const input of root.querySelectorAll('[data-field]')) {
    const label = input.closest('label');
    if (label && !label.dataset.control) label.dataset.control = input.dataset.field;
  }
}

/** On those chapters set(param, value) fills the field and fires its change, exactly as the reader would. */
export function setField(root, param, value) {
  const input = root.querySelector(`[data-field="${param}"]`);
  if (!input) {
    publish('error', { message: `this chapter has no setting "${param}"` });
    return;
  }
  if (input.type === 'checkbox') input.checked = value === '1' || value === 'true'; else input.value = String(value);
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
