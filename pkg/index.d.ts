// Types for the hitforms package: defineElements() and the <hitforms-form> custom element.

/**
 * Loads the WebAssembly module (once) and registers `<hitforms-form>`.
 * Later calls return the same promise.
 * @param wasmUrl Where to fetch `hitforms_bg.wasm` from; defaults to the file next to `dist/hitforms.js`.
 */
export declare function defineElements(wasmUrl?: string | URL): Promise<void>;
export default defineElements;

/** The form's JSON data document: field id → value (multilingual values are arrays of `{ language, translation }`). */
export type HitformsData = Record<string, unknown>;

/** `detail` of the `hitforms-change` event. */
export interface HitformsChangeDetail {
  /** The whole data document after the change. */
  data: Record<string, unknown>;
  /** Whether the form has no error. */
  valid: boolean;
  /** Ids of the fields that changed. */
  changed: string[];
}

/** Fired (bubbling, composed) on every change of the form data. */
export type HitformsChangeEvent = CustomEvent<HitformsChangeDetail>;

/** Attributes of `<hitforms-form>`, e.g. for framework typings. */
export interface HitformsFormAttributes {
  /** URL of the form template (JSON). */
  template: string;
  /** UI language (e.g. `en`, `de`); defaults to the page's `lang`, else English. */
  lang?: string;
  /** Optional initial data document, as a JSON string. */
  data?: string;
}

/**
 * `<hitforms-form template="…/project-idea.json" lang="en">`: renders the form
 * in an open shadow root. Changing `template` or `lang` re-renders and keeps what was typed.
 */
export interface HitformsFormElement extends HTMLElement {
  /** The current data document; `null` until the template has loaded. */
  readonly data: HitformsData | null;
  /** Whether the form currently has no error. */
  readonly valid: boolean;
  /** Shows every error (as after a submit attempt) and returns whether the form is valid. */
  validate(): boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'hitforms-form': HitformsFormElement;
  }
  interface HTMLElementEventMap {
    'hitforms-change': HitformsChangeEvent;
  }
}
