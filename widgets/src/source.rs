//! Getting what a form starts from: the UI catalog, the template and the
//! call configuration the attributes name (inline JSON, or a URL fetched
//! relative to the page), and the data (a draft on this device wins over the
//! `data` attribute, so that no work is lost).

use crate::element::Session;
use crate::i18n::{issue_text, ui, ui_with};
use hitforms_engine::config::{Config, Step};
use hitforms_engine::{FormState, Setup, Template};
use serde_json::Value;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A summary and the detail lines of why a form could not be shown.
pub type LoadError = (String, Vec<String>);

/// Everything the element needs before it can render: the catalog of its
/// language, the template, the configuration, a draft; then the form state.
pub async fn load_form(
    source: &str,
    data: Value,
    session: &Session,
) -> Result<FormState, LoadError> {
    let settings = session.settings();
    crate::i18n::use_language(&settings.lang, &crate::element::catalog_base()).await;
    let template = load_template(source).await?;
    let setup = match settings.config.as_deref() {
        Some(config) => Setup {
            code_lists: None,
            config: Some((Arc::new(load_config(config, &template).await?), settings.step)),
        },
        None => Setup::default(),
    };
    let data = session.starting_data(&template, data).await;
    let form = FormState::new_with(template, data, setup)
        .map_err(|issue| (ui("form.unusable_data").to_owned(), vec![issue_text(&issue)]))?;
    session.loaded(&form);
    Ok(form)
}

/// The text an attribute names: itself when it is inline JSON, else the
/// response of fetching it as a URL.
async fn text_of(source: &str, unloadable: &str) -> Result<String, LoadError> {
    if source.starts_with('{') {
        return Ok(source.to_owned());
    }
    fetch_text(source).await.map_err(|e| (ui_with(unloadable, &[("url", source)]), vec![e]))
}

/// Loads and strictly checks the template; every problem is reported.
pub async fn load_template(source: &str) -> Result<Template, LoadError> {
    let source = source.trim();
    if source.is_empty() {
        return Err((ui("form.no_template").to_owned(), Vec::new()));
    }
    let text = text_of(source, "form.template_unloadable").await?;
    Template::load(&text).map_err(|problems| {
        let lines = problems.iter().map(|p| format!("{}: {}", p.path, issue_text(p))).collect();
        (ui("form.template_problems").to_owned(), lines)
    })
}

/// Loads and strictly checks a call configuration against the template.
async fn load_config(source: &str, template: &Template) -> Result<Config, LoadError> {
    let text = text_of(source.trim(), "form.config_unloadable").await?;
    let config = Config::load(&text, &template.visibility, &template.parameters);
    let config = config.map_err(|problems| {
        let lines = problems.iter().map(|p| format!("{}: {}", p.path, issue_text(p))).collect();
        (ui("form.config_problems").to_owned(), lines)
    })?;
    match config.check_template(&template.id) {
        Some(issue) => Err((ui("form.config_problems").to_owned(), vec![issue_text(&issue)])),
        None => Ok(config),
    }
}

/// The `step` attribute: `1` or `2`; anything else is step 2 (the full form).
pub fn parse_step(attr: Option<&str>) -> Step {
    attr.and_then(Step::parse).unwrap_or(Step::Two)
}

/// GETs `url` (relative to the page) as text; a failure says why.
pub async fn fetch_text(url: &str) -> Result<String, String> {
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

/// The message of a JS error value.
pub fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}
