// hitforms: entry point. defineElements() loads the WebAssembly module once, which
// registers <hitforms-form>; later calls return the same promise.
import init from './dist/hitforms.js';

let ready;

export function defineElements(options) {
  const { wasmUrl, catalogs } =
    typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options ?? {};
  return (ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => {
    // The language files sit in dist/i18n/ unless the page says otherwise.
    customElements.get('hitforms-form').catalogs = String(catalogs ?? new URL('./dist/i18n/', import.meta.url));
  }));
}

export default defineElements;
