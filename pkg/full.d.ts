// Types for hitforms/full: the same API as the main entry point (index.d.ts). The
// `template` and `config` attributes take files compiled by `hitforms compile`.
export * from './index.js';
export { default } from './index.js';
