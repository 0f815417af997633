//! The custom-element adapter: `<hitforms-form>` mounts the form view into
//! its shadow root on connect and unmounts it on disconnect. The element's
//! JS properties and methods (shim.js) reach Rust through the [`FormHandle`]
//! the mount returns. docs/embedding.md is the reference of the API.

mod document;
pub(crate) mod dom;
mod session;

pub use session::{Save, Session, Settings, Work};

use crate::bridge::{dispatch, js_to_json, json_to_js, object, parse_data_attribute};
use crate::dom::document;
use crate::form_view::{Shared, form_element};
use crate::rx::*;
use serde_json::Value;
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
    /// Mounts the element again with `data` and a notice (`_mount`).
    pub fn remount(host: &HtmlElement, data: &JsValue, note: &str);
    /// Calls the handle's `ask(7)` after `ms` without another call (a
    /// negative `ms` cancels).
    pub fn later(host: &HtmlElement, ms: i32);
    /// The detail of `hitforms-change`: `data` parsed from `text` when read.
    #[wasm_bindgen(js_name = changeDetail)]
    pub fn change_detail(text: &str, valid: bool, changed: js_sys::Array) -> JsValue;
    /// Resolves the promise `reset()` or `saveDraft()` returned.
    #[wasm_bindgen(js_name = workDone)]
    pub fn work_done(host: &HtmlElement);
}

/// The default theme (CSS custom properties, WCAG AA contrast) and the print styles.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

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

/// Where the language files are: what the page set as the element class's
/// `catalogs`, else `i18n/` next to the wasm-bindgen module (shim.js works
/// it out from its own URL).
pub fn catalog_base() -> String {
    catalog_base_js()
}

/// What the element holds while mounted; freeing it (on disconnect) unmounts.
#[wasm_bindgen]
pub struct FormHandle {
    _mounted: Box<dyn std::any::Any>,
    shared: Shared,
}

/// What the element's properties and methods ask the handle (shim.js):
/// one exported method, so that the wasm and its JS glue carry one entry
/// point instead of one per member.
#[wasm_bindgen]
impl FormHandle {
    /// `what`: 0 `data` (or `null` before the template loaded), 1 `valid`,
    /// 2 `errors`, 3 `validate()` (shows every error, fires
    /// `hitforms-validate`, returns validity), 4 `submit()`, 5 whether there
    /// are changes not saved on this device nor exported, 6 draft work, which
    /// ends by calling shim.js's `workDone`: with `clear`, removing this
    /// form's drafts and starting over from the `data` attribute
    /// (`reset()`), else saving now (`saveDraft()`); 7 the draft's save
    /// after the pause in typing (shim.js's `later`).
    pub fn ask(&self, what: u32, clear: bool) -> JsValue {
        let shared = &self.shared;
        match what {
            0 => shared.data().map(|d| json_to_js(&d)).unwrap_or(JsValue::NULL),
            1 => shared.valid().into(),
            2 => json_to_js(&Value::Array(errors(shared))),
            3 => validate(shared).into(),
            4 => submit(shared).into(),
            5 => shared.session.dirty().into(),
            _ => {
                let work = if what == 6 && clear { Work::Clear } else { Work::Save };
                shared.session.work(work);
                JsValue::UNDEFINED
            }
        }
    }
}

/// The engine's findings as plain data with their translated message.
fn errors(shared: &Shared) -> Vec<Value> {
    shared
        .with_form(|form| {
            form.field_issues()
                .map(|issue| {
                    let severity = match issue.severity {
                        hitforms_engine::Severity::Error => "error",
                        hitforms_engine::Severity::Warning => "warning",
                    };
                    object(vec![
                        ("path", issue.path.clone().into()),
                        ("code", issue.code.as_str().into()),
                        ("params", Value::Object(issue.params.clone())),
                        ("severity", severity.into()),
                        ("message", crate::i18n::issue_text(issue).into()),
                    ])
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Shows every error and fires `hitforms-validate` (the element's
/// `validate()`); returns validity.
fn validate(shared: &Shared) -> bool {
    shared.show_all_errors();
    let valid = shared.valid();
    if let Some(host) = shared.session.host() {
        let detail =
            object(vec![("valid", valid.into()), ("errors", Value::Array(errors(shared)))]);
        dispatch(&host, "hitforms-validate", &detail);
    }
    valid
}

/// Submits the form (the element's `submit()`, the form's submit button):
/// shows every error; when there is none, dispatches `hitforms-submit`.
pub fn submit(shared: &Shared) -> bool {
    if !shared.valid() {
        return validate(shared);
    }
    shared.show_all_errors();
    if let (Some(host), Some(data)) = (shared.session.host(), shared.data()) {
        dispatch(&host, "hitforms-submit", &object(vec![("data", data)]));
    }
    true
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
    let top = dom::add(&root, "div", "hf-root");
    dom::set(&top, "part", "root");

    let source = host.get_attribute("template").unwrap_or_default();
    let settings = settings(&host, keep.is_object());
    let lang = settings.lang.clone();
    let data = if keep.is_object() {
        js_to_json(&keep)
    } else {
        parse_data_attribute(host.get_attribute("data").as_deref())
    };
    // The draft bar first, then the form (or, read-only, the document).
    let mut shared = Shared::default();
    shared.session = Session::new(host.clone(), settings, &top, note.as_string());
    // The form under its own reactive owner; dropping the handle (on
    // disconnect) cleans it up: effects, listeners and tasks end.
    let owner = Owner::new();
    let body = owner.with(|| form_element(source, lang, data, shared.clone()));
    let _ = top.append_child(&body.0);
    FormHandle { _mounted: Box::new(Unmount(owner, top, body.0)), shared }.into()
}

/// The mounted form (its reactive owner, its parent and its element): when
/// dropped (the element's unmount) the owner is cleaned up and the form
/// leaves the page.
struct Unmount(Owner, web_sys::Element, web_sys::Element);

impl Drop for Unmount {
    fn drop(&mut self) {
        self.0.cleanup();
        let _ = self.1.remove_child(&self.2);
    }
}

/// The settings the attributes give.
fn settings(host: &HtmlElement, kept: bool) -> Settings {
    let readonly = host.get_attribute("readonly").is_some();
    Settings {
        lang: ui_language(host),
        config: host.get_attribute("config").filter(|c| !c.trim().is_empty()),
        step: crate::source::parse_step(host.get_attribute("step").as_deref()),
        readonly,
        autosave: !readonly && host.get_attribute("autosave").as_deref() != Some("off"),
        kept,
    }
}

/// The UI language: the element's `lang`, else the page's, else English.
fn ui_language(host: &HtmlElement) -> String {
    let page = document().document_element().and_then(|e| e.get_attribute("lang"));
    let lang = host.get_attribute("lang").or(page).unwrap_or_default();
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary.len() == 2 { primary } else { "en".to_owned() }
}
