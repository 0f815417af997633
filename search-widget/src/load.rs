//! Getting an index: a prebuilt binary index from a URL (`index`), read a
//! section at a time out of the fetched buffer so the whole file never sits
//! in wasm memory, or CSV/JSON files (`data`, space-separated URLs) imported
//! and indexed in the browser (for small datasets; feature `import`).
//!
//! The files are fetched by `element.js` (`fetchAll`), which calls back
//! once: no Rust futures runtime in the module (docs/decisions.md).

use hitforms_search::Index;
use hitforms_search::binary::{self, Source};
use hitforms_search::msg::concat;
use js_sys::{Array, Uint8Array};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

/// A fetched file, outside wasm memory.
struct JsBytes(Uint8Array);

impl Source for JsBytes {
    fn size(&self) -> usize {
        self.0.length() as usize
    }

    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]> {
        Cow::Owned(self.0.subarray(at as u32, (at + len) as u32).to_vec())
    }
}

/// What `fetchAll` called back with: the files' bytes in URL order, or why
/// one could not be fetched.
pub fn fetched(value: JsValue) -> Result<Vec<Uint8Array>, String> {
    match value.as_string() {
        Some(why) => Err(why),
        None => Ok(Array::from(&value).iter().map(JsCast::unchecked_into).collect()),
    }
}

/// Reads the prebuilt index fetched from `url`.
pub fn index(url: &str, bytes: Uint8Array) -> Result<Index, String> {
    binary::read_from(JsBytes(bytes)).map_err(|e| concat(&[url, ": ", &e.message()]))
}

/// Imports the CSV or JSON files fetched from `urls` and indexes them.
#[cfg(feature = "import")]
pub fn data(urls: &[&str], files: Vec<Uint8Array>) -> Result<Index, String> {
    let files: Vec<(&str, Vec<u8>)> = urls
        .iter()
        .zip(files)
        .map(|(url, bytes)| (url.rsplit('/').next().unwrap_or(url), bytes.to_vec()))
        .collect();
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, &b[..])).collect();
    let (dataset, problems) = hitforms_search::import::import(&sources)?;
    if !problems.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "hitforms-partner-search: {} rows with problems (see `hitforms index build`)",
                problems.len()
            )
            .into(),
        );
    }
    Ok(Index::new(dataset))
}

/// Why a build without the `import` feature refuses the `data` attribute
/// (before fetching anything).
pub const NO_IMPORT: &str = "this build reads prebuilt indexes only (use the `index` attribute)";

/// Without the `import` feature only prebuilt indexes load.
#[cfg(not(feature = "import"))]
pub fn data(_urls: &[&str], _files: Vec<Uint8Array>) -> Result<Index, String> {
    Err(NO_IMPORT.into())
}
