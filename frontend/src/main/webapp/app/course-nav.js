// The course's chapters in order and a page's place among them: a chapter list in the page's header with the
// current chapter marked (folded behind "Chapters" on a narrow screen), and previous / next at the end of the
// page. Pages load this module from a script tag; it changes nothing else. Embedded pages hide it (.chrome).

export const CHAPTERS = [
  { page: 'regression.html', title: '1. Regression', about: 'fit a curve to noisy points' },
  { page: 'classification.html', title: '2. Classification', about: 'separate two clouds of points' },
  { page: 'nets.html', title: '3. Building nets', about: 'a custom module and a Sequential, printed as PyTorch prints them' },
  { page: 'saveload.html', title: '4. Save and load', about: 'a whole checkpoint or just the weights, and back' },
  { page: 'descent.html', title: '5. Gradient descent three ways', about: 'batch, stochastic and mini-batch on y = w·x' },
  { page: 'race.html', title: '6. Optimizer race', about: 'SGD, Momentum, RMSprop and Adam on the same batches' },
  { page: 'playground.html', title: 'Playground', about: 'any dataset, layers, activation and optimizer' },
];

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
    summary.textContent = 'Chapters';
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', 'Chapters');
    nav.append(list);
    details.append(summary, nav);
    header.append(details);
  }
  const { previous, next } = neighbours(here);
  const main = document.querySelector('main');
  if (main && (previous || next) && !document.querySelector('.prev-next')) {
    const nav = document.createElement('nav');
    nav.className = 'prev-next chrome';
    nav.setAttribute('aria-label', 'Previous and next chapter');
    if (previous) nav.append(Object.assign(link(previous, null), { rel: 'prev', textContent: `← ${previous.title}` }));
    if (next) nav.append(Object.assign(link(next, null), { rel: 'next', textContent: `${next.title} →` }));
    main.after(nav);
  }
}

/** The index page's list: every chapter with what it is about. */
export function renderChapterIndex() {
  const list = document.querySelector('[data-role=chapter-index]');
  if (!list) return;
  list.replaceChildren(...CHAPTERS.map((chapter) => {
    const item = document.createElement('li');
    item.append(link(chapter, null), `: ${chapter.about}`);
    return item;
  }));
}

if (typeof document !== 'undefined') {
  renderCourseNav(location.pathname.split('/').pop() || 'index.html');
  renderChapterIndex();
}
