//! The custom-element adapter: `<hitforms-form>` mounts the form view into
//! its shadow root on connect and unmounts it on disconnect. The element's
//! JS properties (`data`, `valid`, `validate()`) reach Rust through the
//! [`FormHandle`] the mount returns.

use crate::bridge::{json_to_js, parse_data_attribute};
use crate::form_view::{FormElement, Shared};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

#[wasm_bindgen(module = "/src/element/shim.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(tag: &str, observed: js_sys::Array, mount: &JsValue);
    #[wasm_bindgen(js_name = adoptStyles)]
    fn adopt_styles(root: &ShadowRoot, css: &str);
}

/// The default theme (CSS custom properties, WCAG AA contrast).
const STYLE: &str = include_str!("../style.css");

/// Attributes whose change re-renders the element (keeping its data).
const OBSERVED: &[&str] = &["template", "lang", "data"];

/// Registers `<hitforms-form>` (once; later calls do nothing).
pub fn define_form_element() {
    let observed: js_sys::Array = OBSERVED.iter().map(|a| JsValue::from_str(a)).collect();
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot, JsValue) -> JsValue>::new(mount_form);
    define_element("hitforms-form", observed, mount.as_ref());
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// What the element holds while mounted; freeing it (on disconnect) unmounts.
#[wasm_bindgen]
pub struct FormHandle {
    _mounted: Box<dyn std::any::Any>,
    shared: Shared,
}

#[wasm_bindgen]
impl FormHandle {
    /// The data document, or `null` before the template loaded.
    pub fn data(&self) -> JsValue {
        self.shared.data().map(|d| json_to_js(&d)).unwrap_or(JsValue::NULL)
    }

    /// Whether the form has no error.
    pub fn valid(&self) -> bool {
        self.shared.valid()
    }

    /// Shows every error (as after a submit attempt); returns validity.
    pub fn validate(&self) -> bool {
        self.shared.show_all_errors();
        self.shared.valid()
    }
}

/// Mounts the form into `root`. `keep` is the data of a previous mount of the
/// same element (an attribute changed): it wins over the `data` attribute so
/// that nothing typed is lost.
fn mount_form(host: HtmlElement, root: ShadowRoot, keep: JsValue) -> JsValue {
    adopt_styles(&root, STYLE);
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    let Some(container) = document().create_element("div").ok() else { return JsValue::NULL };
    container.set_class_name("hf-root");
    let _ = root.append_child(&container);

    let source = host.get_attribute("template").unwrap_or_default();
    let lang = ui_language(&host);
    let data = if keep.is_object() {
        crate::bridge::js_to_json(&keep)
    } else {
        parse_data_attribute(host.get_attribute("data").as_deref())
    };
    let shared = Shared::default();
    let for_view = shared.clone();
    let mounted = leptos::mount::mount_to(container.unchecked_into(), move || {
        view! { <FormElement source lang data shared=for_view host /> }
    });
    FormHandle { _mounted: Box::new(mounted), shared }.into()
}

/// The UI language: the element's `lang`, else the page's, else English.
fn ui_language(host: &HtmlElement) -> String {
    let page = document().document_element().and_then(|e| e.get_attribute("lang"));
    let lang = host.get_attribute("lang").or(page).unwrap_or_default();
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary.len() == 2 { primary } else { "en".to_owned() }
}
