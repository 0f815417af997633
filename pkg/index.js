// hitforms: entry point. defineElements() loads the WebAssembly module once, which
// registers <hitforms-form>; later calls return the same promise.
import init from './dist/hitforms.js';

let ready;

export function defineElements(wasmUrl) {
  return (ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => undefined));
}

export default defineElements;
