// Types for the hitforms package: defineElements() and the <hitforms-form>
// custom element (attributes, properties, methods, events). The reference is
// docs/embedding.md in the repository; the README of this package sums it up.

/** Options of {@link defineElements}. */
export interface DefineOptions {
  /** Where to fetch `hitforms_bg.wasm` from; defaults to the file next to `dist/hitforms.js`. */
  wasmUrl?: string | URL;
  /**
   * Where the UI language files (`de.json`, `fr.json`, …) are, a URL ending in `/`;
   * defaults to `dist/i18n/` next to this module. Set it when a bundler moves the module.
   */
  catalogs?: string | URL;
}

/**
 * Loads the WebAssembly module (once) and registers `<hitforms-form>`.
 * Later calls return the same promise.
 * @param options A `DefineOptions`, or (as before) the URL of `hitforms_bg.wasm`.
 */
export declare function defineElements(options?: DefineOptions | string | URL): Promise<void>;
export default defineElements;

/** The form's JSON data document: field id → value (multilingual values are arrays of `{ language, translation }`). */
export type HitformsData = Record<string, unknown>;

/** One finding of the engine, as data. */
export interface HitformsIssue {
  /** JSON pointer into the data document, e.g. `/partners/0/name`. */
  path: string;
  /** Stable code, e.g. `required`, `text.too_long`, or a template rule's own code. */
  code: string;
  /** The values the message is made of (`max`, `length`, `language`, …). */
  params: Record<string, unknown>;
  /** `error` blocks submission; `warning` does not. */
  severity: 'error' | 'warning';
  /** The message in the form's UI language. */
  message: string;
}

/** `detail` of `hitforms-change`: fired on every change of the data. */
export interface HitformsChangeDetail {
  /** The whole data document after the change. */
  data: HitformsData;
  /** Whether the form has no error. */
  valid: boolean;
  /** JSON pointers of the fields whose view changed. */
  changed: string[];
}

/** `detail` of `hitforms-validate`: fired by `validate()` and by a `submit()` that found errors. */
export interface HitformsValidateDetail {
  valid: boolean;
  errors: HitformsIssue[];
}

/** `detail` of `hitforms-submit`: fired by `submit()` when the form has no error. */
export interface HitformsSubmitDetail {
  data: HitformsData;
}

/** `detail` of `hitforms-save`: fired after each attempt to save the draft on this device. */
export type HitformsSaveDetail =
  | {
      ok: true;
      /** The draft's key: `hitforms:<template id>@<template version>`. */
      key: string;
      /** When it was saved (ISO 8601). */
      savedAt: string;
      /** Where: IndexedDB, or localStorage where IndexedDB is unavailable. */
      storage: 'indexeddb' | 'localstorage';
    }
  | {
      ok: false;
      key: string;
      /** Why it failed (quota exceeded, storage refused in private mode, …). */
      error: string;
    };

export type HitformsChangeEvent = CustomEvent<HitformsChangeDetail>;
export type HitformsValidateEvent = CustomEvent<HitformsValidateDetail>;
export type HitformsSubmitEvent = CustomEvent<HitformsSubmitDetail>;
export type HitformsSaveEvent = CustomEvent<HitformsSaveDetail>;

/** The element's events (all bubble and cross the shadow boundary). */
export interface HitformsEventMap {
  'hitforms-change': HitformsChangeEvent;
  'hitforms-validate': HitformsValidateEvent;
  'hitforms-submit': HitformsSubmitEvent;
  'hitforms-save': HitformsSaveEvent;
}

/** Attributes of `<hitforms-form>`, e.g. for framework typings. */
export interface HitformsFormAttributes {
  /** The form template: a URL (relative to the page) or inline JSON. */
  template: string;
  /** A call configuration: a URL or inline JSON (docs/configuration.md). Needs a build with the widget's `config` feature; the published build refuses it with a message. */
  config?: string;
  /** Initial data document as inline JSON (a draft on this device wins). */
  data?: string;
  /** UI language (`en`, `de`, `fr`, …); defaults to the page's `lang`, else English. */
  lang?: string;
  /** Application step of a two-step call: `1` or `2` (default `2`). */
  step?: '1' | '2';
  /** Present: the form is shown as a read-only document (for reading and printing). */
  readonly?: boolean | '';
  /** `off`: no draft is saved on this device. */
  autosave?: 'on' | 'off';
}

/**
 * `<hitforms-form template="…" lang="en">`: renders the form in an open shadow
 * root. Changing an attribute re-renders and keeps what was typed.
 */
export interface HitformsFormElement extends HTMLElement {
  /** The current data document (`null` until the template has loaded). Setting it re-renders with that data. */
  data: HitformsData | null;
  /** The `template` attribute; set a URL, inline JSON, or a template object. */
  template: string | object | null;
  /** The `config` attribute; set a URL, inline JSON, or a configuration object (`null` removes it). */
  config: string | object | null;
  /** The read-only document view (reflects the `readonly` attribute). */
  readonly: boolean;
  /** Whether the form currently has no error. */
  readonly valid: boolean;
  /** Every current finding, with its message in the UI language. */
  readonly errors: HitformsIssue[];
  /** Shows every error, fires `hitforms-validate`, and returns whether the form is valid. */
  validate(): boolean;
  /** Validates; when valid fires `hitforms-submit` with the data, else `hitforms-validate`. Returns validity. */
  submit(): boolean;
  /** Removes this form's drafts from the device and starts over from the `data` attribute. */
  reset(): Promise<void>;
  /** Saves the draft now instead of after the pause in typing. */
  saveDraft(): Promise<void>;

  addEventListener<K extends keyof HitformsEventMap>(
    type: K,
    listener: (this: HitformsFormElement, event: HitformsEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HitformsFormElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HitformsEventMap>(
    type: K,
    listener: (this: HitformsFormElement, event: HitformsEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'hitforms-form': HitformsFormElement;
  }
  // The events bubble (and cross shadow roots): typed on ancestors and the document too.
  interface HTMLElementEventMap extends HitformsEventMap {}
  interface DocumentEventMap extends HitformsEventMap {}
}
