// The custom-element class. wasm-bindgen cannot declare a class that extends
// HTMLElement, so this shim does, and forwards the lifecycle to Rust: mount on
// connect (into an open shadow root), unmount on disconnect, re-mount with the
// current data when an observed attribute changes. Nothing else lives here.
export function defineElement(tag, observed, mount) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const keep = this._handle ? this._handle.data() : undefined;
      this._unmount();
      this._handle = mount(this, root, keep);
    }
    disconnectedCallback() { this._unmount(); }
    attributeChangedCallback(_name, old, value) {
      if (this._handle && old !== value) this.connectedCallback();
    }
    _unmount() {
      if (this._handle) { this._handle.free(); this._handle = undefined; }
    }
    /** The data document (a plain object), or null before the template loaded. */
    get data() { return this._handle ? this._handle.data() : null; }
    /** Whether the form currently has no error. */
    get valid() { return this._handle ? this._handle.valid() : false; }
    /** Shows every error and returns whether the form is valid. */
    validate() { return this._handle ? this._handle.validate() : false; }
  });
}

// Styles through a constructable stylesheet: allowed under a strict
// Content-Security-Policy (no 'unsafe-inline' needed for style-src).
export function adoptStyles(root, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
