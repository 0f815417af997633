//! Getting what a form starts from: the UI catalog, the template and the
//! call configuration the attributes name (inline JSON, or a URL fetched
//! relative to the page), and the data (a draft on this device wins over the
//! `data` attribute, so that no work is lost).

use crate::element::Session;
use crate::i18n::{issue_text, ui, ui_with};
#[cfg(feature = "config")]
use hitforms_engine::Setup;
#[cfg(feature = "config")]
use hitforms_engine::config::Config;
use hitforms_engine::config::Step;
use hitforms_engine::{FormState, Template};
use serde_json::Value;
#[cfg(feature = "config")]
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
    crate::i18n::use_template(&template, &settings.lang);
    let data = session.starting_data(&template, data).await;
    let form = with_config(template, data, settings.config.as_deref(), settings.step).await?;
    session.loaded(&form);
    Ok(form)
}

/// The form state, with the call configuration `config` names at `step`.
#[cfg(feature = "config")]
async fn with_config(
    template: Template,
    data: Value,
    config: Option<&str>,
    step: Step,
) -> Result<FormState, LoadError> {
    let setup = match config {
        Some(config) => Setup {
            code_lists: None,
            config: Some((Arc::new(load_config(config, &template).await?), step)),
        },
        None => Setup::default(),
    };
    FormState::new_with(template, data, setup)
        .map_err(|issue| (ui("form.unusable_data").to_owned(), vec![issue_text(&issue)]))
}

/// The form state; this build cannot apply a call configuration (the
/// `config` feature is off: docs/decisions.md), so a `config` attribute is
/// refused with a clear message rather than ignored.
#[cfg(not(feature = "config"))]
async fn with_config(
    template: Template,
    data: Value,
    config: Option<&str>,
    _step: Step,
) -> Result<FormState, LoadError> {
    if config.is_some() {
        return Err((ui("form.config_unsupported").to_owned(), Vec::new()));
    }
    FormState::new(template, data)
        .map_err(|issue| (ui("form.unusable_data").to_owned(), vec![issue_text(&issue)]))
}

/// The text an attribute names: itself when it is inline JSON, else the
/// response of fetching it as a URL.
async fn text_of(source: &str, unloadable: &str) -> Result<String, LoadError> {
    if source.starts_with('{') {
        return Ok(source.to_owned());
    }
    crate::drafts::fetch_text(source)
        .await
        .map_err(|e| (ui_with(unloadable, &[("url", source)]), vec![e]))
}

/// Loads and strictly checks the template; every problem is reported.
pub async fn load_template(source: &str) -> Result<Template, LoadError> {
    let source = source.trim();
    if source.is_empty() {
        return Err((ui("form.no_template").to_owned(), Vec::new()));
    }
    let text = text_of(source, "form.template_unloadable").await?;
    read_template(&text)
}

/// The template a compiled document holds (`compiled` feature: this build
/// has no template loader or expression compiler; docs/decisions.md).
#[cfg(feature = "compiled")]
fn read_template(text: &str) -> Result<Template, LoadError> {
    Template::from_compiled(text).map_err(|issue| problems("form.template_problems", &[issue]))
}

/// The template JSON `text` holds, strictly checked.
#[cfg(not(feature = "compiled"))]
fn read_template(text: &str) -> Result<Template, LoadError> {
    Template::load(text).map_err(|found| problems("form.template_problems", &found))
}

/// A summary, and a line per problem (with its pointer, when it has one).
fn problems(summary: &str, found: &[hitforms_engine::Issue]) -> LoadError {
    let line = |p: &hitforms_engine::Issue| match p.path.as_str() {
        "" => issue_text(p),
        path => format!("{path}: {}", issue_text(p)),
    };
    (ui(summary).to_owned(), found.iter().map(line).collect())
}

/// Loads and strictly checks a call configuration against the template.
#[cfg(feature = "config")]
async fn load_config(source: &str, template: &Template) -> Result<Config, LoadError> {
    let text = text_of(source.trim(), "form.config_unloadable").await?;
    read_config(&text, template)
}

/// The configuration a compiled document holds; it was checked against
/// this template (id and version) when compiled.
#[cfg(all(feature = "config", feature = "compiled"))]
fn read_config(text: &str, template: &Template) -> Result<Config, LoadError> {
    Config::from_compiled(text, template)
        .map_err(|issue| problems("form.config_problems", &[issue]))
}

/// The configuration JSON `text` holds, strictly checked against `template`.
#[cfg(all(feature = "config", not(feature = "compiled")))]
fn read_config(text: &str, template: &Template) -> Result<Config, LoadError> {
    let config = Config::load(text, &template.visibility, &template.parameters)
        .map_err(|found| problems("form.config_problems", &found))?;
    match config.check_template(&template.id) {
        Some(issue) => Err(problems("form.config_problems", &[issue])),
        None => Ok(config),
    }
}

/// The `step` attribute: `1` or `2`; anything else is step 2 (the full form).
pub fn parse_step(attr: Option<&str>) -> Step {
    attr.and_then(Step::parse).unwrap_or(Step::Two)
}

/// The message of a JS error value.
pub fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}
