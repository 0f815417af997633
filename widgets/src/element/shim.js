// The custom-element class. wasm-bindgen cannot declare a class that extends
// HTMLElement, so this shim does, and forwards to Rust: mount on connect
// (into an open shadow root), unmount on disconnect, re-mount with the
// current data when an observed attribute changes; the properties and
// methods of docs/embedding.md call the Rust handle.
let catalogs = new URL('../../../../i18n/', import.meta.url).href;

/** Where the language files (`<lang>.json`) are fetched from. */
export function catalogBase() { return catalogs; }

/** Changes where the language files are fetched from (a URL ending in `/`). */
export function setCatalogBase(url) { catalogs = new URL(url, document.baseURI).href; }

export function defineElement(tag, observed, mount) {
  if (customElements.get(tag)) return;
  const json = (v) => (v == null || typeof v === 'string' ? v : JSON.stringify(v));
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      this._mount(this._handle ? this._handle.data() : this._keep);
      this._leave ??= (event) => {
        if (this._handle && this._handle.dirty()) { event.preventDefault(); event.returnValue = ''; }
      };
      addEventListener('beforeunload', this._leave);
    }
    disconnectedCallback() {
      this._unmount();
      removeEventListener('beforeunload', this._leave);
    }
    attributeChangedCallback(name, old, value) {
      if (this._handle && old !== value) this._mount(name === 'data' ? undefined : this._handle.data());
    }
    // keep: data to start from (else a draft or the data attribute); note: a notice to show.
    _mount(keep, note) {
      this._keep = keep ?? undefined;
      if (!this.isConnected) return;
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this._unmount();
      this._handle = mount(this, root, keep ?? null, note ?? null);
    }
    _unmount() {
      if (this._handle) { this._handle.free(); this._handle = undefined; }
    }
    get data() { return this._handle ? this._handle.data() : null; }
    set data(value) { this._mount(value); }
    get template() { return this.getAttribute('template'); }
    set template(value) { this._set('template', json(value)); }
    get config() { return this.getAttribute('config'); }
    set config(value) { this._set('config', json(value)); }
    get readonly() { return this.hasAttribute('readonly'); }
    set readonly(value) { this.toggleAttribute('readonly', !!value); }
    get valid() { return this._handle ? this._handle.valid() : false; }
    get errors() { return this._handle ? this._handle.errors() : []; }
    validate() { return this._handle ? this._handle.validate() : false; }
    submit() { return this._handle ? this._handle.submit() : false; }
    reset() { return this._handle ? this._handle.clearDraft() : Promise.resolve(); }
    saveDraft() { return this._handle ? this._handle.saveDraft() : Promise.resolve(); }
    _set(name, value) { value == null ? this.removeAttribute(name) : this.setAttribute(name, value); }
  });
}

// Styles through a constructable stylesheet: allowed under a strict
// Content-Security-Policy (no 'unsafe-inline' needed for style-src).
export function adoptStyles(root, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
