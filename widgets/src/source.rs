//! Getting the template the `template` attribute names: inline JSON, or a
//! URL fetched relative to the page.

use hitforms_engine::Template;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A summary and the detail lines of why a template could not be used.
pub type LoadError = (String, Vec<String>);

/// Loads and strictly checks the template; every problem is reported.
pub async fn load_template(source: &str) -> Result<Template, LoadError> {
    let source = source.trim();
    let text = if source.is_empty() {
        return Err(("This form has no template attribute.".into(), Vec::new()));
    } else if source.starts_with('{') {
        source.to_owned()
    } else {
        fetch_text(source).await.map_err(|e| {
            (format!("The form template could not be loaded from {source}."), vec![e])
        })?
    };
    Template::load(&text).map_err(|problems| {
        let lines = problems.iter().map(|p| format!("{}: {}", p.path, p.message())).collect();
        ("The form template has problems:".to_owned(), lines)
    })
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| describe(&e))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error.clone()).message().into()
}
