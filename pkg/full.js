// hitforms/full: <hitforms-form> with the engine's expression language (computed
// fields, conditions, rules) and call configurations (the `config` attribute), as the
// built-in HIT, report and Interact templates need. It reads templates and
// configurations compiled by `hitforms compile` (README.md); use one entry point per
// page, as both register <hitforms-form>.
import init from './dist/full/hitforms.js';
import { definer } from './define.js';

export const defineElements = definer(init);
export default defineElements;
