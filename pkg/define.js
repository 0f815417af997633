// hitforms: what both entry points share. definer(init) gives a defineElements()
// that loads one build's WebAssembly module once (which registers <hitforms-form>);
// later calls return the same promise.

export function definer(init) {
  let ready;
  return function defineElements(options) {
    const { wasmUrl, catalogs } =
      typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options ?? {};
    return (ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => {
      // The language files sit in dist/i18n/ unless the page says otherwise.
      customElements.get('hitforms-form').catalogs = String(catalogs ?? new URL('./dist/i18n/', import.meta.url));
    }));
  };
}
