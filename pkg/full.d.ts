// Types for hitforms/full: the same API as the main entry point (index.d.ts).
export * from './index.js';
export { default } from './index.js';
