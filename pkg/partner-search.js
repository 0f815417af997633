// hitforms/partner-search: entry point of <hitforms-partner-search>, a separate
// WebAssembly module (the form widget never loads it). defineSearchElement() loads
// it once, which registers the element; later calls return the same promise.
// Two builds: prebuilt binary indexes only (the `index` attribute; the default,
// smaller), and with the CSV/JSON import for indexing small datasets in the
// browser (the `data` attribute): defineSearchElement({ withImport: true }).
let ready;

export function defineSearchElement(options = {}) {
  const { wasmUrl, withImport = false } = options;
  ready ??= (withImport ? import('./dist/search-import/partner-search.js') : import('./dist/search/partner-search.js'))
    .then((m) => m.default)
    .then((init) => init(wasmUrl ? { module_or_path: wasmUrl } : undefined))
    .then(() => undefined);
  return ready;
}

export default defineSearchElement;
