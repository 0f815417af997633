//! Getting an index: a prebuilt binary index from a URL (`index`), read a
//! section at a time out of the fetched buffer so the whole file never sits
//! in wasm memory, or CSV/JSON files (`data`, space-separated URLs) imported
//! and indexed in the browser (for small datasets; feature `import`).

use hitforms_search::Index;
use hitforms_search::binary::{self, Source};
use js_sys::Uint8Array;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The fetched file, outside wasm memory.
struct JsBytes(Uint8Array);

impl Source for JsBytes {
    fn size(&self) -> usize {
        self.0.length() as usize
    }

    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]> {
        Cow::Owned(self.0.subarray(at as u32, (at + len) as u32).to_vec())
    }
}

/// The body of `url`, or why not.
async fn fetch(url: &str) -> Result<Uint8Array, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed =
        |e: JsValue| format!("{url}: {}", e.as_string().unwrap_or_else(|| "network error".into()));
    let response: Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    Ok(Uint8Array::new(&buffer))
}

/// Loads the prebuilt index at `url`.
pub async fn index(url: &str) -> Result<Index, String> {
    let bytes = fetch(url).await?;
    binary::read_from(JsBytes(bytes)).map_err(|e| format!("{url}: {e}"))
}

/// Imports the CSV or JSON files at `urls` and indexes them.
#[cfg(feature = "import")]
pub async fn data(urls: &str) -> Result<Index, String> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for url in urls.split_whitespace() {
        let name = url.rsplit('/').next().unwrap_or(url).to_owned();
        files.push((name, fetch(url).await?.to_vec()));
    }
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
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

/// Without the `import` feature only prebuilt indexes load.
#[cfg(not(feature = "import"))]
pub async fn data(_urls: &str) -> Result<Index, String> {
    Err("this build reads prebuilt indexes only (use the `index` attribute)".into())
}
