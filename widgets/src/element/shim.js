// The element class (wasm-bindgen cannot extend HTMLElement): mounts on
// connect, unmounts on disconnect, re-mounts keeping the data when an
// attribute changes; members (docs/embedding.md) ask the Rust handle.
let catalogs = new URL('../../../../i18n/', import.meta.url).href;
export function catalogBase() { return catalogs; }
export function remount(el, data, note) { el._mount(data, note); }
export function later(el, ms) {
  clearTimeout(el._timer);
  if (ms >= 0) el._timer = setTimeout(() => el._ask(7), ms);
}
// The detail of `hitforms-change`: `data` is parsed from its JSON text when
// first read, so a large document costs nothing to listeners that do not read it.
export function changeDetail(text, valid, changed) {
  let data;
  return { get data() { return (data ??= JSON.parse(text)); }, valid, changed };
}
export function workDone(el) { const done = el._done; el._done = undefined; if (done) done(); }

export function defineElement(tag, observed, mount) {
  if (customElements.get(tag)) return;
  const json = (v) => (v == null || typeof v === 'string' ? v : JSON.stringify(v));
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    static get catalogs() { return catalogs; }
    // Elements already on the page (defined before this was set) re-mount
    // with the new catalogs, keeping their data.
    static set catalogs(url) {
      const next = new URL(url, document.baseURI).href;
      if (next === catalogs) return;
      catalogs = next;
      for (const el of document.querySelectorAll(tag)) if (el._handle) el._mount(el._ask(0));
    }
    connectedCallback() {
      this._mount(this._handle ? this._ask(0) : this._keep);
      this._leave ??= (event) => {
        if (this._ask(5)) { event.preventDefault(); event.returnValue = ''; }
      };
      addEventListener('beforeunload', this._leave);
    }
    disconnectedCallback() {
      this._unmount();
      removeEventListener('beforeunload', this._leave);
    }
    attributeChangedCallback(name, old, value) {
      if (this._handle && old !== value) this._mount(name === 'data' ? undefined : this._ask(0));
    }
    // keep: data to start from (else a draft or the data attribute); note: a notice.
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
    // FormHandle::ask (element/mod.rs) answers by number.
    _ask(what, clear) { return this._handle ? this._handle.ask(what, !!clear) : undefined; }
    get data() { return this._ask(0) ?? null; }
    set data(value) { this._mount(value); }
    get template() { return this.getAttribute('template'); }
    set template(value) { this._set('template', json(value)); }
    get config() { return this.getAttribute('config'); }
    set config(value) { this._set('config', json(value)); }
    get readonly() { return this.hasAttribute('readonly'); }
    set readonly(value) { this.toggleAttribute('readonly', !!value); }
    get valid() { return this._ask(1) ?? false; }
    get errors() { return this._ask(2) ?? []; }
    validate() { return this._ask(3) ?? false; }
    submit() { return this._ask(4) ?? false; }
    reset() { return this._work(true); }
    saveDraft() { return this._work(false); }
    _work(clear) {
      return new Promise((done) => {
        if (!this._handle) return done();
        this._done = done;
        this._ask(6, clear);
      });
    }
    _set(name, value) { value == null ? this.removeAttribute(name) : this.setAttribute(name, value); }
  });
}

// A constructable stylesheet: allowed by a strict CSP (no 'unsafe-inline').
export function adoptStyles(root, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
