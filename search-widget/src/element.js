// The <hitforms-partner-search> class. wasm-bindgen cannot declare a class that
// extends HTMLElement, so this shim does and forwards the lifecycle to Rust:
// mount on connect (into an open shadow root; mount returns the function that
// unmounts), unmount on disconnect, re-mount when an observed attribute
// changes. Besides: the stylesheet and fetching the data files.
export function defineElement(tag, observed, mount) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this._unmount();
      this._unmounter = mount(this, root);
    }
    disconnectedCallback() { this._unmount(); }
    attributeChangedCallback(_name, old, value) {
      if (this._unmounter && old !== value) this.connectedCallback();
    }
    _unmount() {
      const unmount = this._unmounter;
      this._unmounter = undefined;
      unmount?.();
    }
  });
}

// Styles through a constructable stylesheet: allowed under a strict CSP.
export function adoptStyles(root, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}

// Fetches each URL in turn as bytes; calls `done` once, with an array of
// Uint8Array, or with a message naming the URL that failed and why.
export async function fetchAll(urls, done) {
  const out = [];
  for (const url of urls) {
    try {
      const response = await fetch(url);
      if (!response.ok) return done(`${url}: HTTP ${response.status}`);
      out.push(new Uint8Array(await response.arrayBuffer()));
    } catch (e) {
      return done(`${url}: ${typeof e === 'string' ? e : 'network error'}`);
    }
  }
  done(out);
}
