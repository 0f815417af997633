//! Browser tests of the element API: drafts (IndexedDB), events and their
//! detail, the read-only document, data import, the shipped catalogs.

use super::{find, mount, mount_template, text, tick, type_into};
use crate::bridge::js_to_json;
use hitforms_engine::builtin_template;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

/// The project-idea template under another id and version (drafts are
/// keyed by both, and outlive a test).
fn template_as(id: &str, version: &str) -> String {
    builtin_template("project-idea")
        .unwrap()
        .replacen("\"id\": \"project-idea\"", &format!("\"id\": \"{id}\""), 1)
        .replacen("\"version\": \"1.0.0\"", &format!("\"version\": \"{version}\""), 1)
}

/// A fresh id for each run.
fn unique(name: &str) -> String {
    format!("{name}-{}", js_sys::Math::random().to_bits())
}

/// Records the `detail` of every event `name` dispatched on `el`.
fn record(el: &HtmlElement, name: &str) -> Rc<RefCell<Vec<Value>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let into = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        into.borrow_mut().push(js_to_json(&e.detail()));
    });
    el.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
    listener.forget();
    seen
}

async fn call(el: &HtmlElement, method: &str) -> JsValue {
    let f: js_sys::Function = js_sys::Reflect::get(el, &method.into()).unwrap().unchecked_into();
    let out = f.call0(el).unwrap();
    match out.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.unwrap(),
        Err(value) => value,
    }
}

async fn settle_until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        tick().await;
    }
}

/// The value of an input, once it is rendered.
fn try_value(el: &HtmlElement, selector: &str) -> Option<String> {
    let input = find(&el.shadow_root()?, selector)?;
    Some(input.dyn_into::<HtmlInputElement>().ok()?.value())
}

fn value_of(el: &HtmlElement, selector: &str) -> String {
    try_value(el, selector).unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
async fn a_draft_is_saved_restored_after_reload_and_cleared() {
    let template = template_as(&unique("draft"), "1");
    let (el, root) = mount_template(&template, &[("autosave", "on")], "#hf-acronym").await;
    let saves = record(&el, "hitforms-save");
    type_into(&root, "#hf-acronym", "DRAFT").await;
    assert_eq!(text(&root, ".hf-save"), "Changes not saved yet.");
    settle_until(|| !saves.borrow().is_empty()).await;
    let save = saves.borrow()[0].clone();
    assert_eq!(save["ok"], true, "{save}");
    assert_eq!(save["storage"], "indexeddb");
    assert!(save["key"].as_str().unwrap().ends_with("@1"), "{save}");
    assert!(text(&root, ".hf-save").starts_with("Draft saved on this device at"));
    el.remove();

    // A reload: a new element with the same template restores the draft.
    let (el, root) = mount_template(&template, &[("autosave", "on")], "#hf-acronym").await;
    assert_eq!(value_of(&el, "#hf-acronym"), "DRAFT");
    assert!(
        text(&root, ".hf-notice").starts_with("Your draft saved "),
        "{}",
        text(&root, ".hf-notice")
    );

    // Clearing removes it: the form starts over, and a reload finds nothing.
    call(&el, "reset").await;
    settle_until(|| try_value(&el, "#hf-acronym").is_some_and(|v| v.is_empty())).await;
    let root = el.shadow_root().unwrap();
    assert_eq!(text(&root, ".hf-notice"), "The draft was removed from this device.");
    el.remove();
    let (el, root) = mount_template(&template, &[("autosave", "on")], "#hf-acronym").await;
    assert_eq!(value_of(&el, "#hf-acronym"), "");
    assert_eq!(text(&root, ".hf-notice"), "");
    el.remove();
}

#[wasm_bindgen_test]
async fn a_draft_of_another_version_is_restored_with_a_message() {
    let id = unique("migrate");
    let (el, root) =
        mount_template(&template_as(&id, "1"), &[("autosave", "on")], "#hf-acronym").await;
    type_into(&root, "#hf-acronym", "OLD").await;
    call(&el, "saveDraft").await;
    el.remove();
    let (el, root) =
        mount_template(&template_as(&id, "2"), &[("autosave", "on")], "#hf-acronym").await;
    assert_eq!(value_of(&el, "#hf-acronym"), "OLD");
    let notice = text(&root, ".hf-notice");
    assert!(
        notice.starts_with("Your draft of version 1 was restored into version 2 of this form"),
        "{notice}"
    );
    call(&el, "reset").await;
    el.remove();
}

/// Whether a `beforeunload` now would make the browser ask before leaving.
fn page_warns_on_leaving() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn autosave_off_saves_nothing_and_warns_before_leaving() {
    let (el, root) = mount(&[]).await;
    let saves = record(&el, "hitforms-save");
    assert_eq!(text(&root, ".hf-save"), "Automatic saving is off: export your data to keep it.");
    assert!(find(&root, ".hf-tools button:nth-of-type(2)").is_none(), "no clear-draft button");
    assert!(!page_warns_on_leaving(), "nothing changed yet");
    type_into(&root, "#hf-acronym", "X").await;
    assert!(page_warns_on_leaving(), "unsaved changes: the page warns");
    for _ in 0..60 {
        tick().await;
    }
    assert!(saves.borrow().is_empty());
    el.remove();
}

#[wasm_bindgen_test]
async fn events_carry_typed_details() {
    let (el, root) = mount(&[]).await;
    let (changes, validations, submits) = (
        record(&el, "hitforms-change"),
        record(&el, "hitforms-validate"),
        record(&el, "hitforms-submit"),
    );
    type_into(&root, "#hf-acronym", "GO").await;
    assert_eq!(
        changes.borrow()[0],
        json!({"data": {"acronym": "GO"}, "valid": false, "changed": ["/acronym"]})
    );

    assert_eq!(call(&el, "submit").await, false);
    assert!(submits.borrow().is_empty(), "an invalid form is not submitted");
    let detail = validations.borrow()[0].clone();
    assert_eq!(detail["valid"], false);
    let first = detail["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "/duration")
        .unwrap()
        .clone();
    assert_eq!(
        first,
        json!({"path": "/duration", "code": "required", "params": {}, "severity": "error", "message": "This field is required."})
    );

    type_into(&root, "#hf-duration", "12").await;
    type_into(&root, "#hf-summary-en", "Cycling").await;
    type_into(&root, "#hf-summary-de", "Radfahren").await;
    assert_eq!(call(&el, "submit").await, true);
    let submitted = submits.borrow()[0].clone();
    assert_eq!(submitted["data"]["acronym"], "GO");
    assert_eq!(submitted["data"]["duration"], 12);
    assert_eq!(js_to_json(&js_sys::Reflect::get(&el, &"errors".into()).unwrap()), json!([]));
    el.remove();
}

#[wasm_bindgen_test]
async fn readonly_renders_a_document_without_inputs() {
    let data =
        r#"{"acronym": "<b>GREEN</b>", "summary": [{"language": "DE", "translation": "Radwege"}]}"#;
    let (el, root) = mount(&[("readonly", ""), ("data", data)]).await;
    assert!(find(&root, "input, textarea, button").is_none(), "no controls");
    assert_eq!(text(&root, "[data-field=acronym] dt"), "Project acronym");
    assert_eq!(text(&root, "[data-field=acronym] dd"), "<b>GREEN</b>", "values are text");
    assert_eq!(text(&root, "[data-field=duration] dd"), "Not filled in");
    assert_eq!(
        find(&root, "[data-field=summary] dd p").unwrap().get_attribute("lang").as_deref(),
        Some("de")
    );
    assert_eq!(text(&root, "[data-field=summary] dd"), "DE Radwege");
    // The property switches back to the editable form, keeping the data.
    js_sys::Reflect::set(&el, &"readonly".into(), &false.into()).unwrap();
    settle_until(|| el.shadow_root().unwrap().query_selector("#hf-acronym").unwrap().is_some())
        .await;
    assert_eq!(value_of(&el, "#hf-acronym"), "<b>GREEN</b>");
    el.remove();
}

/// Chooses a file with `text` in the import button.
async fn import(el: &HtmlElement, name: &str, contents: &str) {
    let root = el.shadow_root().unwrap();
    let input: HtmlInputElement = find(&root, "input[type=file]").unwrap().unchecked_into();
    let parts: js_sys::Array = [JsValue::from_str(contents)].into_iter().collect();
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    input.set_files(transfer.files().as_ref());
    // A real `change` bubbles (the bar listens on its root).
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    for _ in 0..10 {
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn a_bad_import_file_is_explained_and_changes_nothing() {
    let (el, root) = mount(&[("data", r#"{"acronym": "KEEP"}"#)]).await;
    import(&el, "broken.json", "{\"acronym\": ").await;
    let alert = text(&root, ".hf-drafts .hf-alert");
    assert!(alert.starts_with("The file broken.json is not valid JSON ("), "{alert}");
    assert!(alert.ends_with("Nothing was changed."), "{alert}");
    import(&el, "list.json", "[1, 2]").await;
    let alert = text(&root, ".hf-drafts .hf-alert");
    assert_eq!(
        alert,
        "The file list.json does not hold form data (a JSON object). Nothing was changed."
    );
    assert_eq!(value_of(&el, "#hf-acronym"), "KEEP");

    import(&el, "good.json", r#"{"acronym": "NEW", "legacy": 1}"#).await;
    settle_until(|| try_value(&el, "#hf-acronym").as_deref() == Some("NEW")).await;
    let root = el.shadow_root().unwrap();
    assert_eq!(text(&root, ".hf-notice"), "The data from good.json was imported.");
    let data = js_to_json(&js_sys::Reflect::get(&el, &"data".into()).unwrap());
    assert_eq!(data, json!({"acronym": "NEW", "legacy": 1}), "an unknown key is kept");
    el.remove();
}

#[wasm_bindgen_test]
fn the_shipped_catalogs_cover_every_ui_key_with_the_same_placeholders() {
    use hitforms_engine::messages::placeholders;
    for (lang, file) in
        [("de", include_str!("../../i18n/de.json")), ("fr", include_str!("../../i18n/fr.json"))]
    {
        let file: Value = serde_json::from_str(file).unwrap();
        let ui = file["ui"].as_object().unwrap();
        for (key, english) in crate::i18n::english() {
            let translated = ui.get(*key).and_then(Value::as_str);
            let translated = translated.unwrap_or_else(|| panic!("{lang}: no UI string {key}"));
            let (mut want, mut got) = (placeholders(english), placeholders(translated));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{lang}: placeholders of {key}");
        }
        let english: Vec<&str> = crate::i18n::english().iter().map(|(k, _)| *k).collect();
        let extra: Vec<&String> = ui.keys().filter(|k| !english.contains(&k.as_str())).collect();
        assert!(extra.is_empty(), "{lang}: keys English does not have: {extra:?}");
    }
}
