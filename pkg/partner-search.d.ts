// Types for hitforms/partner-search: defineSearchElement() and <hitforms-partner-search>.

/** Options of {@link defineSearchElement}. */
export interface DefineSearchOptions {
  /** Where to fetch `partner-search_bg.wasm` from; defaults to the file next to the module's JS. */
  wasmUrl?: string | URL;
  /** Load the build that can also index CSV/JSON in the browser (the `data` attribute); larger. Default: prebuilt indexes only. */
  withImport?: boolean;
}

/**
 * Loads the partner-search WebAssembly module (once) and registers `<hitforms-partner-search>`.
 * Later calls return the same promise (the first call's options win).
 */
export declare function defineSearchElement(options?: DefineSearchOptions): Promise<void>;
export default defineSearchElement;

/** One project an organisation took part in. */
export interface PartnerProject {
  acronym: string;
  title: string;
  programme: string;
  /** e.g. `2014-2020`. */
  period: string;
  /** `LP`, `PP`, `AP` or empty. */
  role: string;
}

/** `detail` of the `hitforms-partner-selected` event (empty strings when unknown). */
export interface PartnerSelectedDetail {
  organisation: string;
  department: string;
  street: string;
  postalCode: string;
  town: string;
  /** ISO 3166 alpha-2, as given by the source. */
  country: string;
  /** NUTS 1, 2 and 3 codes (`""` for an unknown level). */
  nuts: [string, string, string];
  region: string;
  /** `public`, `private` or empty. */
  legalStatus: string;
  partnerType: string;
  website: string;
  projects: PartnerProject[];
}

/** Fired (bubbling, composed) when the user chooses "Use as partner". */
export type PartnerSelectedEvent = CustomEvent<PartnerSelectedDetail>;

/** Attributes of `<hitforms-partner-search>`. */
export interface PartnerSearchAttributes {
  /** URL of a prebuilt binary index (`hitforms index build`). Wins over `data`. */
  index?: string;
  /** Space-separated URLs of keep.eu / Swedish CSV or hitforms JSON files, indexed in the browser (small datasets). */
  data?: string;
  /** UI language (`en`, `de`); defaults to the page's `lang`, else English. */
  lang?: string;
  /** Id of a `<hitforms-form>` whose data gets the chosen partner appended to `partners` (HIT application shape). */
  form?: string;
  /** Preset filters (the user can change them): country code, NUTS prefix, programme, legal status, partner type, objective, period. */
  country?: string;
  nuts?: string;
  programme?: string;
  'legal-status'?: string;
  'partner-type'?: string;
  objective?: string;
  period?: string;
}

export interface HitformsPartnerSearchElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'hitforms-partner-search': HitformsPartnerSearchElement;
  }
  interface HTMLElementEventMap {
    'hitforms-partner-selected': PartnerSelectedEvent;
  }
}
