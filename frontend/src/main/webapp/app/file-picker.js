// A file input in the page's language. The browser's own button says "Choose File" in the browser's language, not
// the page's, so the input lies invisible over words of the catalogue: still the element that is clicked, focused
// and given files (by a reader, the keyboard or a test), with the chosen file's name shown beside it.
import { t } from './i18n.js';

/** The markup, to be placed inside a label; `attributes` are the input's own (data-role, accept, aria-label). */
export const filePicker = (attributes) => `<span class="file-pick"><input type="file" ${attributes}>`
  + `<span class="file-button" aria-hidden="true">${t('file.choose')}</span>`
  + ` <span class="file-name" aria-hidden="true">${t('file.none')}</span></span>`;

if (typeof document !== 'undefined') {
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!input.matches?.('.file-pick input[type=file]')) return;
    input.parentElement.querySelector('.file-name').textContent = input.files[0]?.name ?? t('file.none');
  }, true); // capturing: before the page's own listener empties the input (to take the same file again)
}
