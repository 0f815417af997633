// The <hitforms-partner-search> class. wasm-bindgen cannot declare a class that
// extends HTMLElement, so this shim does and forwards the lifecycle to Rust:
// mount on connect (into an open shadow root), free on disconnect, re-mount
// when an observed attribute changes. Nothing else lives here.
export function defineElement(tag, observed, mount) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this._unmount();
      this._handle = mount(this, root);
    }
    disconnectedCallback() { this._unmount(); }
    attributeChangedCallback(_name, old, value) {
      if (this._handle && old !== value) this.connectedCallback();
    }
    _unmount() {
      if (this._handle) { this._handle.free(); this._handle = undefined; }
    }
  });
}

// Styles through a constructable stylesheet: allowed under a strict CSP.
export function adoptStyles(root, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
