//! `<hitforms-partner-search>`: the partner search of issue #6 as its own
//! wasm module, loaded only by this element (the form widget never links
//! it). Plain web-sys DOM instead of Leptos: the whole module stays small
//! (docs/decisions.md).
//!
//! - `element.js` — the custom-element class (lifecycle only).
//! - [`app`] — state; [`handlers`] — events; [`load`] — fetching the index;
//!   [`view`] and [`detail`] — the DOM; [`partner`] — the selection event
//!   and filling a `<hitforms-form>`; [`text`] — UI strings; [`dom`] — helpers.

pub mod app;
pub mod detail;
pub mod dom;
pub mod handlers;
pub mod load;
pub mod partner;
pub mod text;
pub mod view;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(tag: &str, observed: js_sys::Array, mount: &JsValue);
    #[wasm_bindgen(js_name = adoptStyles)]
    fn adopt_styles(root: &ShadowRoot, css: &str);
    #[wasm_bindgen(js_name = fetchAll)]
    fn fetch_all(urls: js_sys::Array, done: &JsValue);
}

/// The default theme (CSS custom properties, WCAG AA contrast):
/// `src/style.css`, minified by `build.rs`.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// Attributes whose change re-mounts the element.
pub const OBSERVED: &[&str] = &[
    "index",
    "data",
    "lang",
    "country",
    "nuts",
    "programme",
    "legal-status",
    "partner-type",
    "objective",
    "period",
];

/// Registers `<hitforms-partner-search>` when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    let observed: js_sys::Array = OBSERVED.iter().map(|a| JsValue::from_str(a)).collect();
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> JsValue>::new(mount);
    define_element("hitforms-partner-search", observed, mount.as_ref());
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// What the element holds while mounted; dropping it (on disconnect)
/// empties the shadow root and drops the listeners and the index.
struct SearchHandle {
    root: ShadowRoot,
    _app: app::Mounted,
}

impl Drop for SearchHandle {
    fn drop(&mut self) {
        dom::clear(&self.root);
    }
}

/// Mounts the element into `root`; returns the function that unmounts it
/// (called once, by `element.js`: a plain function rather than an exported
/// class, whose glue the module would carry).
fn mount(host: HtmlElement, root: ShadowRoot) -> JsValue {
    adopt_styles(&root, STYLE);
    dom::clear(&root);
    let app = app::mount(host, &root);
    let handle = SearchHandle { root, _app: app };
    Closure::once_into_js(move || drop(handle))
}
