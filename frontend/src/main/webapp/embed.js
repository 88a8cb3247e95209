// <nn-playground> — a NN Playground chapter in any page, from one script tag:
//
//   <script src="https://your-host/embed.js"></script>
//   <nn-playground chapter="regression" lr="0.2" hide="noise" max-width="720"></nn-playground>
//
// The element holds a frame of the chapter's embed view (chapter.html?embed=1, which any site may frame), as
// wide as its container (up to max-width, or width) and exactly as tall as the frame's content. Attributes
// mirror the link's settings (lr, layers, dataset, seed, optimizer, speed, ...) and the embedding options
// (hide, show, controls="none", autoplay); changing one later applies it like the control would. Events:
// nn-ready, nn-progress, nn-done, nn-error, nn-state (detail.link: the frame's current link, also the element's
// `state` property) and nn-resize. Methods: play(), pause(), reset(), set(name, value).
(function () {
  // The frames come from wherever this script came from: the self-hosted server or any static host.
  const base = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  const CHAPTERS = { regression: 'regression', classification: 'classification', nets: 'nets', 'building-nets': 'nets',
    saveload: 'saveload', 'save-and-load': 'saveload', descent: 'descent', 'gradient-descent': 'descent', race: 'race',
    'optimizer-race': 'race', playground: 'playground' };
  // Attribute -> the link's key (HTML lower-cases attribute names).
  const SETTINGS = { lr: 'lr', layers: 'layers', dataset: 'dataset', seed: 'initSeed', 'data-seed': 'dataSeed',
    optimizer: 'optimizer', speed: 'speed', activation: 'activation', batch: 'batch', steps: 'steps', n: 'n',
    noise: 'noise', loss: 'loss', lanes: 'lanes', epochs: 'epochs', 'batch-lr': 'batchLr', axis: 'axis',
    inputs: 'nFeature', hidden: 'nHidden', outputs: 'nOutput' };
  const OPTIONS = ['hide', 'show', 'controls', 'autoplay', 'lang'];

  class NnPlayground extends HTMLElement {
    static get observedAttributes() {
      return ['chapter', 'hash', 'width', 'max-width', 'height', ...OPTIONS, ...Object.keys(SETTINGS)];
    }

    connectedCallback() {
      if (!this.frame && !this.error) this.build();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.listener);
      this.frame?.remove();
      this.frame = null;
      this.message?.remove();
      this.error = null;
    }

    attributeChangedCallback(name, before, value) {
      if (!this.isConnected || before === value || (!this.frame && !this.error)) return;
      if (name === 'width' || name === 'max-width') this.fitWidth();
      else if (name in SETTINGS && this.frame && this.ready) this.set(SETTINGS[name], value ?? '');
      else this.rebuild(); // the chapter, the link or the embedding options: a new frame
    }

    /** The frame's address: the chapter's embed view, with the link's settings and options from the attributes. */
    address() {
      const chapter = CHAPTERS[(this.getAttribute('chapter') || 'regression').trim().toLowerCase()];
      if (!chapter) return null;
      const params = new URLSearchParams(this.getAttribute('hash') || '');
      params.set('v', '1');
      for (const [attribute, key] of Object.entries(SETTINGS)) {
        if (this.hasAttribute(attribute)) params.set(key, this.getAttribute(attribute));
      }
      for (const option of OPTIONS) {
        if (this.hasAttribute(option)) params.set(option, option === 'autoplay' ? '1' : this.getAttribute(option));
      }
      return new URL(`${chapter}.html?embed=1#${params}`, base).href;
    }

    build() {
      if (!this.style.display) this.style.display = 'block';
      const src = this.address();
      if (!src) {
        const names = [...new Set(Object.values(CHAPTERS))].join(', ');
        // The element's own words, in its lang (the page's catalogues live in the frame it could not open).
        this.fail(this.getAttribute('lang') === 'zh-CN'
          ? `“${this.getAttribute('chapter')}”不是 NN Playground 的章节；请使用其中之一：${names}。`
          : `"${this.getAttribute('chapter')}" is not a chapter of NN Playground; use one of ${names}.`);
        return;
      }
      this.ready = false;
      this.frame = document.createElement('iframe');
      this.frame.src = src;
      this.frame.title = this.getAttribute('title') || `NN Playground: ${this.getAttribute('chapter') || 'regression'}`;
      Object.assign(this.frame.style, { display: 'block', width: '100%', border: '1px solid #cbd5e1', borderRadius: '6px',
        boxSizing: 'border-box', height: `${Number(this.getAttribute('height')) || 420}px` });
      this.frame.setAttribute('scrolling', 'no'); // the frame grows to its content instead
      this.fitWidth();
      this.appendChild(this.frame);
      this.listener = (event) => this.receive(event);
      window.addEventListener('message', this.listener);
    }

    rebuild() {
      this.disconnectedCallback();
      this.build();
    }

    /** As wide as the container allows, up to max-width (or width), so a phone never scrolls sideways. */
    fitWidth() {
      const limit = Number(this.getAttribute('max-width') || this.getAttribute('width'));
      this.style.maxWidth = limit > 0 ? `${limit}px` : '';
    }

    receive(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.data?.source !== 'nn-playground') return;
      const { type, source, ...detail } = event.data;
      if (type === 'resize') this.frame.style.height = `${detail.height + 2}px`; // + the frame's border
      if (type === 'ready') this.ready = true;
      if (type === 'ready' || type === 'state') this.state = detail.link;
      this.dispatchEvent(new CustomEvent(`nn-${type}`, { detail }));
    }

    /** An unknown chapter: a clear message where the frame would be, and an nn-error event. */
    fail(message) {
      this.error = message;
      this.message = document.createElement('p');
      this.message.setAttribute('role', 'alert');
      this.message.textContent = `NN Playground: ${message}`;
      Object.assign(this.message.style, { border: '1px solid #b91c1c', color: '#b91c1c', padding: '0.75rem', borderRadius: '6px' });
      this.appendChild(this.message);
      // Once the page's own scripts had a chance to listen (the message stays in the element's `error`).
      const fire = () => this.dispatchEvent(new CustomEvent('nn-error', { detail: { message } }));
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(fire));
      else setTimeout(fire);
    }

    send(type, extra) {
      this.frame?.contentWindow?.postMessage({ target: 'nn-playground', type, ...extra }, new URL(this.frame.src).origin);
    }

    play() { this.send('play'); }
    pause() { this.send('pause'); }
    reset() { this.send('reset'); }
    /** A setting by its link name (lr, layers, initSeed...), applied as its control would; nn-state follows. */
    set(name, value) { this.send('set', { param: name, value: String(value) }); }
  }

  if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
})();
