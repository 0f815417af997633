//! Drafts on this device: where a form's data is kept between visits.
//!
//! A draft is keyed by the template's id and version
//! (`hitforms:<id>@<version>`) and stored as JSON text
//! `{"template", "version", "savedAt", "data"}` by `store.js` (IndexedDB,
//! else localStorage). A draft of another version of the same form is
//! restored into the current one: the engine keeps every value, fitting or
//! not, and marks what no longer fits (the migration docs/embedding.md
//! describes). A draft that cannot be read is moved aside, never
//! overwritten.

mod bar;

pub use bar::{Bar, import};

use crate::source::describe;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/drafts/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = draftFind)]
    fn draft_find(key: &str, prefix: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftPut)]
    fn draft_put(key: &str, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftClear)]
    fn draft_clear(prefix: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text_js(url: &str) -> js_sys::Promise;
    /// The time now, ISO 8601.
    fn now() -> String;
    /// An ISO time as local date and time text in language `lang`.
    #[wasm_bindgen(js_name = localTime)]
    pub fn local_time(iso: &str, lang: &str) -> String;
    /// Offers a text as a file download.
    pub fn download(name: &str, text: &str);
    /// The chosen file of a file input, as `[name, text]`, or `null`.
    #[wasm_bindgen(js_name = readChosen)]
    pub fn read_chosen(input: &web_sys::HtmlInputElement) -> js_sys::Promise;
}

/// GETs `url` (relative to the page) as text; a failure says why.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let text = settle(fetch_text_js(url)).await?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}

/// Awaits a promise of `store.js`; a rejection becomes its reason, as text.
pub async fn settle(promise: js_sys::Promise) -> Result<JsValue, String> {
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// The prefix of every draft key of the form `id`, whatever its version.
fn prefix(id: &str) -> String {
    format!("hitforms:{id}@")
}

/// The key of the draft of template `id` at `version`.
pub fn key(id: &str, version: &str) -> String {
    format!("{}{version}", prefix(id))
}

/// What was found on this device when the form loaded.
pub enum Found {
    /// No draft of this form.
    Nothing,
    /// A draft of this version (saved at the given ISO time).
    Same(Value, String),
    /// A draft of another version (that version), restored into this one.
    Other(Value, String),
    /// A draft that could not be read (why); it was moved aside.
    Unreadable(String),
}

/// Looks for a draft of the form `id`: this version's, else the newest of
/// another version.
pub async fn find(id: &str, version: &str) -> Found {
    let here = key(id, version);
    let found = match settle(draft_find(&here, &prefix(id))).await {
        Ok(found) if found.is_object() => js_sys::Array::from(&found),
        Ok(_) => return Found::Nothing,
        Err(why) => return Found::Unreadable(why),
    };
    let text = found.get(1).as_string().unwrap_or_default();
    match (read(&text), found.get(0).is_truthy()) {
        (Some((data, saved, _)), true) => Found::Same(data, saved),
        (Some((data, _, from)), false) => Found::Other(data, from),
        (None, _) => {
            // Kept under another key: the next save must not overwrite it.
            let aside = format!("{here}~unreadable-{}", now());
            let _ = settle(draft_put(&aside, &text)).await;
            Found::Unreadable(format!("kept as {aside}"))
        }
    }
}

/// A stored draft's data, save time and template version.
fn read(text: &str) -> Option<(Value, String, String)> {
    let mut record = hitforms_engine::json::parse(text).ok()?;
    let data = record.get_mut("data").map(Value::take).filter(Value::is_object)?;
    let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or("").to_owned();
    Some((data, field("savedAt"), field("version")))
}

/// Stores `data` (the document's JSON text) as the draft of template `id`
/// at `version`; returns the
/// save time (ISO) and where it went (`indexeddb` or `localstorage`).
pub async fn save(id: &str, version: &str, data: &str) -> Result<(String, String), String> {
    let saved = now();
    // The record's JSON with `data` (already JSON text) as it is, keys in
    // the order serde_json writes them.
    let mut text = format!("{{\"data\":{data},\"savedAt\":");
    hitforms_engine::json::write_str(&mut text, &saved);
    text.push_str(",\"template\":");
    hitforms_engine::json::write_str(&mut text, id);
    text.push_str(",\"version\":");
    hitforms_engine::json::write_str(&mut text, version);
    text.push('}');
    let kind = settle(draft_put(&key(id, version), &text)).await?;
    Ok((saved, kind.as_string().unwrap_or_default()))
}

/// Removes every draft of the form `id` (all versions, and drafts kept aside).
pub async fn clear(id: &str) -> Result<(), String> {
    settle(draft_clear(&prefix(id))).await.map(|_| ())
}
