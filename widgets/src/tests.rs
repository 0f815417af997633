//! Browser tests: mount `<hitforms-form>` in a real page, type, and check
//! the DOM the engine's answers produce. Run with
//! `wasm-pack test --headless --chrome widgets` (part of `cargo xtask test`).

use crate::fields::{DEFAULT_RENDERERS, choose};
use hitforms_engine::{FormState, Template, builtin_template};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos and the fetch/JSON tasks run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts an element with the built-in `project-idea` template inline
/// (autosave off unless `extra` says otherwise: drafts outlive a test).
async fn mount(extra: &[(&str, &str)]) -> (HtmlElement, ShadowRoot) {
    mount_template(builtin_template("project-idea").unwrap(), extra, "#hf-acronym").await
}

/// Removes the `<hitforms-form>`s a failed test left behind (a panic in
/// wasm does not unwind, so its `el.remove()` never ran), with their
/// `beforeunload` listeners, so that they cannot change what later tests see.
fn remove_leftovers(doc: &web_sys::Document) {
    let left = doc.query_selector_all("hitforms-form").unwrap();
    for i in 0..left.length() {
        if let Some(old) = left.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            old.remove();
        }
    }
}

/// Mounts an element with `template` inline, waiting for `ready` to appear.
async fn mount_template(
    template: &str,
    extra: &[(&str, &str)],
    ready: &str,
) -> (HtmlElement, ShadowRoot) {
    crate::element::define_form_element();
    let doc = web_sys::window().unwrap().document().unwrap();
    remove_leftovers(&doc);
    let el: HtmlElement = doc.create_element("hitforms-form").unwrap().unchecked_into();
    el.set_attribute("template", template).unwrap();
    el.set_attribute("autosave", "off").unwrap();
    for (k, v) in extra {
        el.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&el).unwrap();
    for _ in 0..100 {
        tick().await;
        let root = el.shadow_root();
        let ready = format!("{ready}, .hf-document");
        if root.and_then(|r| r.query_selector(&ready).ok().flatten()).is_some() {
            break;
        }
    }
    let root = el.shadow_root().expect("an open shadow root");
    (el, root)
}

fn find(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

async fn type_into(root: &ShadowRoot, selector: &str, value: &str) {
    let el = find(root, selector).unwrap_or_else(|| panic!("no {selector}"));
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().unwrap().set_value(value);
    }
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    el.dispatch_event(&event).unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn renders_every_field_with_labels_and_counters() {
    let (el, root) = mount(&[]).await;
    assert_eq!(text(&root, "label[for=hf-acronym]"), "Project acronym *");
    assert_eq!(text(&root, "#hf-acronym-count"), "0/25");
    assert_eq!(
        find(&root, "#hf-duration").unwrap().get_attribute("inputmode").as_deref(),
        Some("numeric")
    );
    assert_eq!(find(&root, "#hf-summary-de").unwrap().get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(text(&root, "#hf-summary-en-count"), "0/2000");
    // No error is shown before the user has changed anything.
    assert!(find(&root, ".hf-error").is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn typing_updates_the_counter_and_links_the_error() {
    let (el, root) = mount(&[]).await;
    type_into(&root, "#hf-acronym", "GREEN").await;
    assert_eq!(text(&root, "#hf-acronym-count"), "5/25");
    let input = find(&root, "#hf-acronym").unwrap();
    assert_eq!(input.get_attribute("aria-invalid"), None);

    type_into(&root, "#hf-acronym", &"x".repeat(26)).await;
    assert_eq!(text(&root, "#hf-acronym-count"), "26/25");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(text(&root, "#hf-acronym-error"), "Use at most 25 characters (now 26).");
    let described = input.get_attribute("aria-describedby").unwrap();
    assert!(described.split(' ').any(|id| id == "hf-acronym-error"), "{described}");
    assert!(described.split(' ').any(|id| id == "hf-acronym-count"), "{described}");

    type_into(&root, "#hf-acronym", "😀😀").await;
    assert_eq!(text(&root, "#hf-acronym-count"), "4/25", "UTF-16 code units");
    assert!(find(&root, "#hf-acronym-error").is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn numbers_and_languages_are_checked_by_the_engine() {
    let (el, root) = mount(&[]).await;
    type_into(&root, "#hf-duration", "40").await;
    assert_eq!(text(&root, "#hf-duration-error"), "Enter 36 or less.");
    type_into(&root, "#hf-duration", "12").await;
    assert!(find(&root, "#hf-duration-error").is_none());

    type_into(&root, "#hf-summary-en", "Cycling").await;
    assert_eq!(text(&root, "#hf-summary-en-count"), "7/2000");
    assert!(find(&root, "#hf-summary-en-error").is_none());
    assert_eq!(text(&root, "#hf-summary-de-error"), "This field is required in DE.");

    let data = crate::bridge::js_to_json(&js_sys::Reflect::get(&el, &"data".into()).unwrap());
    assert_eq!(
        data,
        json!({"duration": 12, "summary": [{"language": "EN", "translation": "Cycling"}]})
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn validate_shows_every_error_and_data_survives_a_language_switch() {
    let (el, root) = mount(&[("data", r#"{"acronym": "KEEP"}"#)]).await;
    let validate: js_sys::Function =
        js_sys::Reflect::get(&el, &"validate".into()).unwrap().unchecked_into();
    assert_eq!(validate.call0(&el).unwrap(), false);
    tick().await;
    assert_eq!(text(&root, "#hf-duration-error"), "This field is required.");

    type_into(&root, "#hf-duration", "7").await;
    crate::i18n::install("de", include_str!("../../i18n/de.json"));
    el.set_attribute("lang", "de").unwrap();
    for _ in 0..20 {
        tick().await;
    }
    let root = el.shadow_root().unwrap();
    assert_eq!(text(&root, "label[for=hf-acronym]"), "Projektakronym *");
    assert_eq!(text(&root, ".hf-tools button"), "Daten exportieren (JSON)", "UI strings too");
    assert_eq!(
        find(&root, "#hf-duration").unwrap().dyn_into::<HtmlInputElement>().unwrap().value(),
        "7"
    );
    assert_eq!(
        find(&root, "#hf-acronym").unwrap().dyn_into::<HtmlInputElement>().unwrap().value(),
        "KEEP"
    );
    // Engine messages come from the German catalog, and `errors` says them too.
    type_into(&root, "#hf-duration", "40").await;
    assert_eq!(text(&root, "#hf-duration-error"), "Geben Sie 36 oder weniger ein.");
    let errors = crate::bridge::js_to_json(&js_sys::Reflect::get(&el, &"errors".into()).unwrap());
    let duration = errors.as_array().unwrap().iter().find(|e| e["path"] == "/duration").unwrap();
    assert_eq!(duration["message"], "Geben Sie 36 oder weniger ein.");
    el.set_attribute("lang", "en").unwrap();
    for _ in 0..20 {
        tick().await;
    }
    let root = el.shadow_root().unwrap();
    assert_eq!(text(&root, "label[for=hf-acronym]"), "Project acronym *");
    el.remove();
}

#[wasm_bindgen_test]
async fn a_broken_template_is_reported_with_every_problem() {
    crate::element::define_form_element();
    let doc = web_sys::window().unwrap().document().unwrap();
    remove_leftovers(&doc);
    let el: HtmlElement = doc.create_element("hitforms-form").unwrap().unchecked_into();
    el.set_attribute("template", r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s", "title": {"en": "S"}, "fields": [{"id": "a", "kind": "slider", "label": {"en": "<b>A</b>"}}, {"id": "b"}]}]}"#).unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    for _ in 0..10 {
        tick().await;
    }
    let root = el.shadow_root().unwrap();
    let alert = text(&root, ".hf-problem");
    assert!(alert.contains("/sections/0/fields/0/kind: Unknown field kind \"slider\"."), "{alert}");
    assert!(alert.contains("/sections/0/fields/1: The property \"kind\" is missing."), "{alert}");
    assert!(find(&root, "b").is_none(), "template text is never parsed as HTML");
    el.remove();
    assert!(
        el.shadow_root().unwrap().query_selector(".hf-problem").unwrap().is_none(),
        "unmounted on disconnect"
    );
}

#[wasm_bindgen_test]
fn the_registry_ranks_renderers_and_falls_back() {
    let template = Template::load(builtin_template("project-idea").unwrap()).unwrap();
    let form = FormState::new(template, json!({})).unwrap();
    let names: Vec<&str> = ["acronym", "duration", "summary"]
        .iter()
        .map(|id| {
            choose(DEFAULT_RENDERERS, &form.view(&format!("/{id}"), "en").unwrap()).unwrap().name
        })
        .collect();
    assert_eq!(names, ["text", "number", "multilingual"]);
    let mut odd = form.view("/acronym", "en").unwrap();
    odd.kind = "signature";
    assert!(choose(DEFAULT_RENDERERS, &odd).is_none());
}

#[wasm_bindgen_test]
fn the_engine_in_wasm_gives_the_fixture_findings_exactly() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/fixtures/project-idea-cases.json")).unwrap();
    let template = Template::load(builtin_template("project-idea").unwrap()).unwrap();
    for case in cases["cases"].as_array().unwrap() {
        let got: Vec<serde_json::Value> = hitforms_engine::validate(&template, &case["data"])
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap();
                if v["severity"] == "error" {
                    v.as_object_mut().unwrap().remove("severity");
                }
                v
            })
            .collect();
        assert_eq!(serde_json::Value::Array(got), case["expected"], "case {}", case["name"]);
    }
}

/// The element's `data` and `valid` properties, as a page reads them.
fn data_and_valid(el: &HtmlElement) -> (serde_json::Value, bool) {
    let data = crate::bridge::js_to_json(&js_sys::Reflect::get(el, &"data".into()).unwrap());
    let valid = js_sys::Reflect::get(el, &"valid".into()).unwrap().as_bool().unwrap();
    (data, valid)
}

#[wasm_bindgen_test]
async fn a_template_with_expressions_renders_and_follows_the_input() {
    crate::element::define_form_element();
    let doc = web_sys::window().unwrap().document().unwrap();
    remove_leftovers(&doc);
    let el: HtmlElement = doc.create_element("hitforms-form").unwrap().unchecked_into();
    // `note` is required only while shown (amount over 100); `total` is computed.
    let template = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s", "title": {"en": "S"},
        "fields": [
          {"id": "amount", "kind": "integer", "label": {"en": "Amount"}},
          {"id": "note", "kind": "text", "label": {"en": "Why so much?"}, "required": true,
           "visible": "amount > 100"},
          {"id": "total", "kind": "computed", "type": "number", "expression": "amount * 2"}]}]}"#;
    el.set_attribute("template", template).unwrap();
    el.set_attribute("autosave", "off").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    for _ in 0..50 {
        tick().await;
        if el.shadow_root().and_then(|r| r.query_selector("#hf-amount").ok().flatten()).is_some() {
            break;
        }
    }
    let root = el.shadow_root().unwrap();
    assert!(find(&root, ".hf-problem").is_none(), "{}", text(&root, ".hf-problem"));
    assert!(find(&root, "#hf-amount").is_some());
    // Hidden, the required note is not missing.
    let (data, valid) = data_and_valid(&el);
    assert!(valid, "{data}");

    type_into(&root, "#hf-amount", "150").await;
    let (data, valid) = data_and_valid(&el);
    assert_eq!(data["total"].to_string(), "300", "{data}");
    assert!(!valid, "the note is shown and required: {data}");

    type_into(&root, "#hf-amount", "50").await;
    let (data, valid) = data_and_valid(&el);
    assert_eq!(data["total"].to_string(), "100", "{data}");
    assert!(valid, "the note is hidden again: {data}");
    el.remove();
}

mod navigation;

mod rx;

#[path = "tests_element.rs"]
mod element;
