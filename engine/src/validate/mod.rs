//! Validation of a data document against a template. Findings are data
//! ([`Issue`]s), never `Err`: a document with problems is still a document.

mod field;

pub use field::validate_field;

use crate::issue::{Code, Issue, pointer_push};
use crate::template::Template;
use serde_json::Value;

/// Validates a whole data document: one issue list, in form order, then
/// warnings for keys no field declares. A document that is not a JSON object
/// gets one [`Code::DataNotObject`] error.
pub fn validate(template: &Template, data: &Value) -> Vec<Issue> {
    let Some(map) = data.as_object() else {
        return vec![Issue::error("", Code::DataNotObject)];
    };
    let mut issues: Vec<Issue> = Vec::new();
    for field in template.fields() {
        issues.extend(validate_field(template, field, map.get(&field.id)));
    }
    for key in map.keys() {
        if template.field(key).is_none() {
            issues.push(
                Issue::warning(pointer_push("", key), Code::DataUnknownField)
                    .with("key", key.as_str()),
            );
        }
    }
    issues
}

/// Whether a list of issues contains no error (warnings are allowed).
pub fn is_valid(issues: &[Issue]) -> bool {
    issues.iter().all(|i| i.severity != crate::Severity::Error)
}
