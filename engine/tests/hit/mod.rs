//! Shared by the HIT tests: running a data document through the
//! `hit-application` template under a call configuration, as the form and
//! `hitforms validate` do (computed values filled, then validation).

#![allow(dead_code)] // each test crate that includes this module uses part of it

use hitforms_engine::codelists::CodeLists;
use hitforms_engine::config::{Config, Step};
use hitforms_engine::{FormState, Issue, Severity, Template, builtin_template};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The repository's `tests/fixtures/hit` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hit")
}

/// Reads a JSON file.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The built-in template `name`.
pub fn template(name: &str) -> Template {
    Template::load(builtin_template(name).unwrap_or_else(|| panic!("no template {name}"))).unwrap()
}

/// A configuration for `t`, strictly loaded.
pub fn config(t: &Template, json: &str) -> Config {
    Config::load(json, &t.visibility, &t.parameters).unwrap_or_else(|p| panic!("config: {p:#?}"))
}

/// The form over `data` under `config` at `step`, with `lists` as code lists.
pub fn run(t: &Template, config: &Config, step: u8, data: Value, lists: &CodeLists) -> FormState {
    let step = if step == 1 { Step::One } else { Step::Two };
    FormState::new(t.clone(), data)
        .unwrap()
        .with_code_lists(Arc::new(lists.clone()))
        .with_config(Arc::new(config.clone()), step)
}

/// The errors of a form as `(path, code)`, sorted.
pub fn errors(issues: &[Issue]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| (i.path.clone(), i.code.to_string()))
        .collect();
    out.sort();
    out
}

/// The value at `pointer` as an exact decimal (numbers only).
pub fn decimal_at(doc: &Value, pointer: &str) -> Option<Decimal> {
    let v = doc.pointer(pointer)?;
    match v {
        Value::Number(n) => {
            Some(n.to_string().parse::<Decimal>().unwrap_or_else(|e| panic!("{n}: {e}")))
        }
        _ => None,
    }
}

/// The real code lists when the shared data folder is present.
pub fn real_lists() -> Option<CodeLists> {
    let dir = std::env::var_os(hitforms_engine::codelists::DATA_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    CodeLists::from_data_dir(&dir).ok()
}
