// Records the embedded page's events, for the demo and its test.
window.embedEvents = [];
const element = document.querySelector('nn-playground');
for (const type of ['ready', 'progress', 'done']) {
  element.addEventListener(`nn-${type}`, (event) => {
    window.embedEvents.push({ type, step: event.detail.step });
    document.getElementById('events').textContent = window.embedEvents.filter((e) => e.type !== 'progress')
      .map((e) => e.type).join(', ');
  });
}
