//! # hitforms-engine
//!
//! The form engine behind hitforms: it loads declarative JSON templates,
//! holds a form's data, validates it and computes everything a field shows
//! (value, required, character counts, findings). It is plain Rust with no
//! browser dependency, so the `hitforms` CLI and the WebAssembly widgets give
//! identical results.
//!
//! Problems are data: template problems and validation findings are both
//! [`Issue`]s with a JSON pointer, a stable [`Code`], parameters and a
//! [`Severity`]; messages come from a catalog keyed by code.
//!
//! ```
//! use hitforms_engine::{Template, FormState, validate, Code};
//! use serde_json::json;
//!
//! let template = Template::load(r#"{
//!   "id": "t", "version": "1", "title": {"en": "Demo"},
//!   "sections": [{"id": "s", "title": {"en": "Project"}, "fields": [
//!     {"id": "acronym", "kind": "text", "label": {"en": "Acronym"},
//!      "required": true, "maxLength": 5}
//!   ]}]
//! }"#).unwrap();
//!
//! let issues = validate(&template, &json!({"acronym": "TOOLONG"}));
//! assert_eq!(issues[0].path, "/acronym");
//! assert_eq!(issues[0].code, Code::TextTooLong);
//!
//! let mut form = FormState::new(template, json!({})).unwrap();
//! assert_eq!(form.set_input("/acronym", "OK").unwrap(), ["/acronym"]);
//! assert!(form.is_valid());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod builtin;
pub mod codelists;
pub mod data;
mod form;
mod issue;
pub mod json;
pub mod messages;
pub mod number;
pub mod options;
pub mod schema;
pub mod shape;
mod sorted_map;
mod template;
pub mod text;
mod validate;
pub mod value;
// Modules added by parallel work land below this line.
#[cfg(feature = "expressions")]
pub mod compiled;
pub mod config;
#[cfg(feature = "expressions")]
pub mod expr;
#[cfg(not(feature = "expressions"))]
#[path = "expr_off.rs"]
pub mod expr;
mod expr_env;
pub mod money;

pub use builtin::{BUILTIN_TEMPLATES, builtin_template};
pub use form::{
    Completion, Entry, FieldView, Finding, FormState, InputPart, ListInfo, Outline, SectionSummary,
    Setup, Totals,
};
pub use issue::{Code, Issue, Severity, pointer_push};
pub use template::{
    Choices, Cond, ExprSource, Field, FieldKind, Group, Item, NumberRules, NumberingCase, Repeat,
    Rule, Section, Template, Text, TextRules,
};
pub use validate::{Context, is_valid, validate, validate_root, validate_with};
