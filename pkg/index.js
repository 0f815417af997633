// hitforms: entry point, the build within the 150 KB budget (no expression language,
// no call configurations: a template using them is refused with a message).
// hitforms/full (full.js) is the same element with both.
import init from './dist/hitforms.js';
import { definer } from './define.js';

export const defineElements = definer(init);
export default defineElements;
