// The course's chapters in order and a page's place among them: a chapter list in the page's header with the
// current chapter marked (folded behind "Chapters" on a narrow screen), and previous / next at the end of the
// page. Pages load this module from a script tag; it changes nothing else. Embedded pages hide it (.chrome).

import { t } from './i18n.js';

// A small picture per chapter for the index: 64×40 line drawings in the page's text colour.
const PICTURES = {
  regression: '<circle cx="8" cy="8" r="2"/><circle cx="18" cy="22" r="2"/><circle cx="32" cy="31" r="2"/><circle cx="46" cy="21" r="2"/>'
    + '<circle cx="56" cy="7" r="2"/><path d="M4 4 Q32 56 60 4" fill="none" stroke-width="2.5"/>',
  classification: '<path d="M6 36 L58 4" fill="none" stroke-dasharray="3 3"/><circle cx="14" cy="10" r="3"/>'
    + '<circle cx="22" cy="16" r="3"/><circle cx="12" cy="20" r="3"/><rect x="40" y="24" width="6" height="6"/>'
    + '<rect x="50" y="30" width="6" height="6"/><rect x="46" y="16" width="6" height="6"/>',
  nets: '<rect x="4" y="14" width="14" height="12" fill="none"/><rect x="25" y="8" width="14" height="24" fill="none"/>'
    + '<rect x="46" y="14" width="14" height="12" fill="none"/><path d="M18 20 H25 M39 20 H46" fill="none"/>',
  saveload: '<path d="M12 4 H44 L52 12 V36 H12 Z" fill="none"/><rect x="20" y="4" width="18" height="10" fill="none"/>'
    + '<rect x="18" y="22" width="28" height="14" fill="none"/>',
  descent: '<path d="M4 6 Q32 70 60 6" fill="none"/><path d="M10 14 L18 26 L26 32 L32 34" fill="none" stroke-width="2.5"/>'
    + '<circle cx="32" cy="34" r="2.5"/>',
  race: '<path d="M4 6 Q10 36 60 36" fill="none" stroke-width="2"/><path d="M4 6 Q24 26 60 30" fill="none" stroke-dasharray="4 2"/>'
    + '<path d="M4 6 Q40 10 60 22" fill="none" stroke-dasharray="1 2"/>',
  playground: '<path d="M32 20 m0 0 a3 3 0 1 1 6 0 a9 9 0 1 1 -18 0 a15 15 0 1 1 30 0" fill="none" stroke-width="2"/>',
};

function picture(chapter) {
  const key = chapter.page.replace('.html', '');
  return `<svg class="picture" viewBox="0 0 64 40" width="64" height="40" aria-hidden="true" fill="currentColor"`
    + ` stroke="currentColor" stroke-width="1.5">${PICTURES[key] || ''}</svg>`;
}

/** The chapters in order, each titled and described in the page's language. */
export const CHAPTERS = ['regression', 'classification', 'nets', 'saveload', 'descent', 'race', 'playground'].map((key) => ({
  page: `${key}.html`, title: t(`chapter.${key}.title`), about: t(`chapter.${key}.about`),
}));

/** The chapters before and after `page` (null at either end, and for a page outside the course). */
export function neighbours(page) {
  const at = CHAPTERS.findIndex((c) => c.page === page);
  if (at < 0) return { previous: null, next: null };
  return { previous: CHAPTERS[at - 1] || null, next: CHAPTERS[at + 1] || null };
}

function link(chapter, here) {
  const a = document.createElement('a');
  a.href = chapter.page;
  a.textContent = chapter.title;
  if (chapter.page === here) a.setAttribute('aria-current', 'page');
  return a;
}

/** Fills the page's header with the chapter list and ends its main part with previous / next. */
export function renderCourseNav(here) {
  const header = document.querySelector('header.chrome');
  if (header && !header.querySelector('.chapters')) {
    const list = document.createElement('ol');
    for (const chapter of CHAPTERS) {
      const item = document.createElement('li');
      item.append(link(chapter, here));
      list.append(item);
    }
    const details = document.createElement('details');
    details.className = 'chapters';
    details.open = matchMedia('(min-width: 48rem)').matches;
    const summary = document.createElement('summary');
    summary.textContent = t('nav.chapters');
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', t('nav.chapters'));
    nav.append(list);
    details.append(summary, nav);
    header.append(details);
  }
  const { previous, next } = neighbours(here);
  const main = document.querySelector('main');
  if (main && (previous || next) && !document.querySelector('.prev-next')) {
    const nav = document.createElement('nav');
    nav.className = 'prev-next chrome';
    nav.setAttribute('aria-label', t('nav.prevNext'));
    if (previous) nav.append(Object.assign(link(previous, null), { rel: 'prev', textContent: `← ${previous.title}` }));
    if (next) nav.append(Object.assign(link(next, null), { rel: 'next', textContent: `${next.title} →` }));
    main.after(nav);
  }
}

/** The index page's list: every chapter with a small picture and what it is about. */
export function renderChapterIndex() {
  const list = document.querySelector('[data-role=chapter-index]');
  if (!list) return;
  list.replaceChildren(...CHAPTERS.map((chapter) => {
    const item = document.createElement('li');
    const a = link(chapter, null);
    a.insertAdjacentHTML('afterbegin', picture(chapter));
    const about = document.createElement('span');
    about.textContent = chapter.about;
    item.append(a, about);
    return item;
  }));
}

if (typeof document !== 'undefined') {
  renderCourseNav(location.pathname.split('/').pop() || 'index.html');
  renderChapterIndex();
}
