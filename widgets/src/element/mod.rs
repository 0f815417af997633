//! The custom-element adapter: `<hitforms-form>` mounts the form view into
//! its shadow root on connect and unmounts it on disconnect. The element's
//! JS properties and methods (shim.js) reach Rust through the [`FormHandle`]
//! the mount returns. docs/embedding.md is the reference of the API.

mod document;
mod session;

pub use document::document;
pub use session::{Notice, Save, Session, Settings};

use crate::bridge::{dispatch, js_to_json, json_to_js, parse_data_attribute};
use crate::drafts::DraftBar;
use crate::form_view::{FormElement, Shared};
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

#[wasm_bindgen(module = "/src/element/shim.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(tag: &str, observed: js_sys::Array, mount: &JsValue);
    #[wasm_bindgen(js_name = adoptStyles)]
    fn adopt_styles(root: &ShadowRoot, css: &str);
    #[wasm_bindgen(js_name = catalogBase)]
    fn catalog_base_js() -> String;
    #[wasm_bindgen(js_name = setCatalogBase)]
    fn set_catalog_base_js(url: &str);
}

/// Sets where the language files (`<lang>.json`) are fetched from, a URL
/// ending in `/` (default: `i18n/` next to `hitforms.js`). For bundlers
/// that move the module away from its `i18n/` folder.
#[wasm_bindgen(js_name = setCatalogBase)]
pub fn set_catalog_base(url: &str) {
    set_catalog_base_js(url);
}

/// The default theme (CSS custom properties, WCAG AA contrast) and the print styles.
const STYLE: &str = include_str!("../style.css");

/// Attributes whose change re-renders the element (keeping its data).
const OBSERVED: &[&str] = &["template", "config", "lang", "data", "step", "readonly", "autosave"];

/// Registers `<hitforms-form>` (once; later calls do nothing).
pub fn define_form_element() {
    let observed: js_sys::Array = OBSERVED.iter().map(|a| JsValue::from_str(a)).collect();
    let mount =
        Closure::<dyn Fn(HtmlElement, ShadowRoot, JsValue, JsValue) -> JsValue>::new(mount_form);
    define_element("hitforms-form", observed, mount.as_ref());
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// Where the language files are: `setCatalogBase`'s URL, else `i18n/` next
/// to the wasm-bindgen module (shim.js works it out from its own URL).
pub fn catalog_base() -> String {
    catalog_base_js()
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

    /// Every current finding as `{path, code, params, severity, message}`,
    /// message in the UI language; `[]` before the template loaded.
    pub fn errors(&self) -> JsValue {
        json_to_js(&Value::Array(errors(&self.shared)))
    }

    /// Shows every error (as after a submit attempt), dispatches
    /// `hitforms-validate`; returns validity.
    pub fn validate(&self) -> bool {
        self.shared.show_all_errors();
        let valid = self.shared.valid();
        let detail = json!({ "valid": valid, "errors": errors(&self.shared) });
        if let Some(host) = self.shared.session.host() {
            dispatch(&host, "hitforms-validate", &detail);
        }
        valid
    }

    /// Validates; when the form is valid, dispatches `hitforms-submit` with
    /// the data. Returns validity.
    pub fn submit(&self) -> bool {
        submit(&self.shared)
    }

    /// Whether there are changes not yet saved on this device (nor exported).
    pub fn dirty(&self) -> bool {
        self.shared.session.dirty()
    }

    /// Removes this form's drafts from the device and starts over from the
    /// `data` attribute. Resolves when done.
    #[wasm_bindgen(js_name = clearDraft)]
    pub fn clear_draft(&self) -> js_sys::Promise {
        let session = self.shared.session.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            session.clear().await;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Saves the draft now (instead of after the pause). Resolves when done.
    #[wasm_bindgen(js_name = saveDraft)]
    pub fn save_draft(&self) -> js_sys::Promise {
        let session = self.shared.session.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            session.save_now().await;
            Ok(JsValue::UNDEFINED)
        })
    }
}

/// The engine's findings as plain data with their translated message.
fn errors(shared: &Shared) -> Vec<Value> {
    shared
        .with_form(|form| {
            form.issues()
                .iter()
                .map(|issue| {
                    let mut value = serde_json::to_value(issue).unwrap_or_default();
                    value["params"] = Value::Object(issue.params.clone());
                    value["message"] = crate::i18n::message(form.template(), issue).into();
                    value
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Submits the form (the element's `submit()`, the form's submit button):
/// shows every error; when there is none, dispatches `hitforms-submit`.
pub fn submit(shared: &Shared) -> bool {
    shared.show_all_errors();
    let valid = shared.valid();
    let host = shared.session.host();
    if let (true, Some(host), Some(data)) = (valid, host.as_ref(), shared.data()) {
        dispatch(host, "hitforms-submit", &json!({ "data": data }));
    } else if let Some(host) = host {
        dispatch(&host, "hitforms-validate", &json!({ "valid": valid, "errors": errors(shared) }));
    }
    valid
}

/// Mounts the form into `root`. `keep` is data to start from instead of a
/// draft or the `data` attribute (a previous mount's data when an attribute
/// changed, the `data` property, an import): nothing typed is lost. `note`
/// is a notice to show once loaded.
fn mount_form(host: HtmlElement, root: ShadowRoot, keep: JsValue, note: JsValue) -> JsValue {
    adopt_styles(&root, STYLE);
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    let Some(container) = document_of(&host).create_element("div").ok() else {
        return JsValue::NULL;
    };
    container.set_class_name("hf-root");
    container.set_attribute("part", "root").ok();
    let _ = root.append_child(&container);

    let source = host.get_attribute("template").unwrap_or_default();
    let settings = settings(&host, keep.is_object());
    let lang = settings.lang.clone();
    let data = if keep.is_object() {
        js_to_json(&keep)
    } else {
        parse_data_attribute(host.get_attribute("data").as_deref())
    };
    let mut shared = Shared::default();
    shared.session = Session::new(host.clone(), settings, note.as_string());
    let for_view = shared.clone();
    let mounted = leptos::mount::mount_to(container.unchecked_into(), move || {
        let session = for_view.session.clone();
        view! {
            <DraftBar session />
            <FormElement source lang data shared=for_view />
        }
    });
    FormHandle { _mounted: Box::new(mounted), shared }.into()
}

/// The settings the attributes give.
fn settings(host: &HtmlElement, kept: bool) -> Settings {
    let readonly = host.has_attribute("readonly");
    Settings {
        lang: ui_language(host),
        config: host.get_attribute("config").filter(|c| !c.trim().is_empty()),
        step: crate::source::parse_step(host.get_attribute("step").as_deref()),
        readonly,
        autosave: !readonly && host.get_attribute("autosave").as_deref() != Some("off"),
        kept,
    }
}

fn document_of(host: &HtmlElement) -> web_sys::Document {
    host.owner_document().unwrap_or_else(leptos::prelude::document)
}

/// The UI language: the element's `lang`, else the page's, else English.
fn ui_language(host: &HtmlElement) -> String {
    let page = document_of(host).document_element().and_then(|e| e.get_attribute("lang"));
    let lang = host.get_attribute("lang").or(page).unwrap_or_default();
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary.len() == 2 { primary } else { "en".to_owned() }
}
