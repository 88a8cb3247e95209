// <nn-playground> — embeds a NN Playground page in a documentation page from one script tag:
//
//   <script src="https://your-host/embed.js"></script>
//   <nn-playground chapter="regression" hash="lr=0.1" hide="lr,batch" width="600" height="400"></nn-playground>
//
// The element wraps an iframe in embed mode, re-dispatches the page's events (ready, progress, done) as
// DOM events named "nn-ready", "nn-progress" and "nn-done", and offers play(), pause(), reset() and
// set(param, value), sent to the page with postMessage.
(function () {
  const base = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  const CHAPTERS = ['regression', 'classification', 'saveload', 'race', 'playground'];

  class NnPlayground extends HTMLElement {
    connectedCallback() {
      if (this.frame) return;
      const chapter = CHAPTERS.includes(this.getAttribute('chapter')) ? this.getAttribute('chapter') : 'regression';
      const params = new URLSearchParams(this.getAttribute('hash') || '');
      params.set('v', '1');
      params.set('embed', '1');
      if (this.getAttribute('hide')) params.set('hide', this.getAttribute('hide'));
      this.frame = document.createElement('iframe');
      this.frame.src = new URL(`${chapter}.html#${params}`, base).href;
      this.frame.title = this.getAttribute('title') || `NN Playground: ${chapter}`;
      this.frame.width = this.getAttribute('width') || '600';
      this.frame.height = this.getAttribute('height') || '400';
      this.frame.style.border = '1px solid #cbd5e1';
      this.frame.style.borderRadius = '6px';
      this.appendChild(this.frame);
      this.listener = (event) => {
        if (event.source !== this.frame.contentWindow || event.data?.source !== 'nn-playground') return;
        this.dispatchEvent(new CustomEvent(`nn-${event.data.type}`, { detail: event.data }));
      };
      window.addEventListener('message', this.listener);
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.listener);
    }

    send(type, extra) {
      this.frame?.contentWindow?.postMessage({ target: 'nn-playground', type, ...extra }, new URL(this.frame.src).origin);
    }

    play() { this.send('play'); }
    pause() { this.send('pause'); }
    reset() { this.send('reset'); }
    set(param, value) { this.send('set', { param, value }); }
  }

  if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
})();
