// Shows the embedded page's events as they arrive: what a documentation page hears from the element.
const element = document.querySelector('nn-playground');
const log = document.querySelector('[data-role=events]');
let progressCount = 0;
for (const type of ['ready', 'progress', 'done']) {
  element.addEventListener(`nn-${type}`, (event) => {
    if (type === 'progress') {
      // One line for all progress events, counting them, so the log stays short.
      progressCount++;
      let line = log.querySelector('[data-type=progress]');
      if (!line) {
        line = document.createElement('li');
        line.dataset.type = 'progress';
        log.append(line);
      }
      line.textContent = `progress × ${progressCount} (last at update ${event.detail.step})`;
      return;
    }
    const line = document.createElement('li');
    line.dataset.type = type;
    line.textContent = `${type}${event.detail.step !== undefined ? ` at update ${event.detail.step}` : ''}`;
    log.append(line);
  });
}
