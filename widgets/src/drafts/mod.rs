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

pub use bar::DraftBar;

use crate::source::describe;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/drafts/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = storageKind)]
    fn storage_kind() -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftGet)]
    fn draft_get(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftPut)]
    fn draft_put(key: &str, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftDelete)]
    fn draft_delete(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = draftKeys)]
    fn draft_keys(prefix: &str) -> js_sys::Promise;
    /// Offers a text as a file download.
    pub fn download(name: &str, text: &str);
    /// The chosen file of a file input, as `[name, text]`, or `null`.
    #[wasm_bindgen(js_name = readChosen)]
    pub fn read_chosen(input: &web_sys::HtmlInputElement) -> js_sys::Promise;
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
    match settle(draft_get(&here)).await {
        Err(why) => return Found::Unreadable(why),
        Ok(text) => {
            if let Some(text) = text.as_string() {
                return match read(&text) {
                    Some((data, saved, _)) => Found::Same(data, saved),
                    None => {
                        // Kept under another key: the next save must not overwrite it.
                        let aside = format!("{here}~unreadable-{}", js_sys::Date::now());
                        let _ = settle(draft_put(&aside, &text)).await;
                        Found::Unreadable(format!("kept as {aside}"))
                    }
                };
            }
        }
    }
    let Ok(keys) = settle(draft_keys(&prefix(id))).await else { return Found::Nothing };
    let mut newest: Option<(Value, String, String)> = None;
    for other in js_sys::Array::from(&keys).iter().filter_map(|k| k.as_string()) {
        let Ok(text) = settle(draft_get(&other)).await else { continue };
        if let Some((data, saved, from)) = text.as_string().as_deref().and_then(read)
            && newest.as_ref().is_none_or(|(_, s, _)| saved > *s)
        {
            newest = Some((data, saved, from));
        }
    }
    match newest {
        Some((data, _, from)) => Found::Other(data, from),
        None => Found::Nothing,
    }
}

/// A stored draft's data, save time and template version.
fn read(text: &str) -> Option<(Value, String, String)> {
    let mut record: Value = serde_json::from_str(text).ok()?;
    let data = record.get_mut("data").map(Value::take).filter(Value::is_object)?;
    let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or("").to_owned();
    Some((data, field("savedAt"), field("version")))
}

/// Stores `data` as the draft of template `id` at `version`; returns the
/// save time (ISO) and where it went (`indexeddb` or `localstorage`).
pub async fn save(id: &str, version: &str, data: &Value) -> Result<(String, String), String> {
    let saved: String = js_sys::Date::new_0().to_iso_string().into();
    let record = json!({"template": id, "version": version, "savedAt": saved, "data": data});
    let text = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    settle(draft_put(&key(id, version), &text)).await?;
    let kind = settle(storage_kind()).await?.as_string().unwrap_or_default();
    Ok((saved, kind))
}

/// Removes every draft of the form `id` (all versions, and drafts kept aside).
pub async fn clear(id: &str) -> Result<(), String> {
    let keys = settle(draft_keys(&prefix(id))).await?;
    for key in js_sys::Array::from(&keys).iter().filter_map(|k| k.as_string()) {
        settle(draft_delete(&key)).await?;
    }
    Ok(())
}
