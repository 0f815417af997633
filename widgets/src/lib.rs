//! # hitforms-widgets
//!
//! Leptos components that render any hitforms template, and the custom
//! element `<hitforms-form>` that puts them on any web page with one tag.
//! Widgets only render what the engine computed and send input back: they
//! hold no validation, visibility or computation logic.
//!
//! Loading the module (`init()` of the wasm-pack output) registers the
//! elements.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bridge;
mod dom;
mod drafts;
mod element;
mod fields;
mod form_view;
mod i18n;
mod rx;
mod source;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

pub use element::FormHandle;
use wasm_bindgen::prelude::*;

/// Registers the custom elements; runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    element::define_form_element();
}
