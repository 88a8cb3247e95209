// The embedding guide (embed.html): its snippets name this site's own address, and the first example's events
// are listed as they arrive, as a lesson page's script would hear them; the examples speak the guide's language.
import { lang, t } from './i18n.js';

const base = new URL('.', location.href).href;
// The live examples speak the guide's language.
if (lang !== 'en') for (const example of document.querySelectorAll('nn-playground')) example.setAttribute('lang', lang);
for (const slot of document.querySelectorAll('[data-role=base]')) slot.textContent = base;

const element = document.querySelector('[data-role=example-regression]');
const log = document.querySelector('[data-role=events]');
let progress = 0;
for (const type of ['ready', 'progress', 'done', 'error', 'state']) {
  element.addEventListener(`nn-${type}`, (event) => {
    let line = log.querySelector(`[data-type=${type}]`);
    if (type !== 'progress' && type !== 'state' || !line) {
      line = document.createElement('li');
      line.dataset.type = type;
      log.append(line);
    }
    // Progress and state come often: one line each, updated.
    if (type === 'progress') line.textContent = t('embed.eventProgress', { count: ++progress, step: event.detail.step });
    else if (type === 'state') line.textContent = `nn-state: ${event.detail.link}`;
    else line.textContent = `nn-${type}${event.detail.message ? `: ${event.detail.message}` : ''}`;
  });
}
