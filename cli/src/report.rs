//! Printing issues as text lines or as JSON.

use hitforms_engine::{Issue, Severity, Template};
use serde_json::json;

/// One issue as a text line: `/path: error code: message`.
pub fn line(issue: &Issue) -> String {
    line_with(issue, issue.message())
}

/// An issue's English message: a template rule's own message when the
/// issue is a rule's finding and the template is known, else the catalog's.
fn message(issue: &Issue, template: Option<&Template>) -> String {
    match template {
        Some(t) => t.message(issue, "en"),
        None => issue.message(),
    }
}

fn line_with(issue: &Issue, message: String) -> String {
    let severity = match issue.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = if issue.path.is_empty() { "(root)" } else { &issue.path };
    format!("{path}: {severity} {}: {message}", issue.code)
}

/// Prints `issues` about `source`, as text or as one JSON document; with
/// the template the data was validated against, rules' findings carry the
/// template's message.
pub fn print(source: &str, issues: &[Issue], as_json: bool, template: Option<&Template>) {
    if as_json {
        let list: Vec<_> = issues
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap_or_default();
                v["message"] = json!(message(i, template));
                v
            })
            .collect();
        let doc = json!({"valid": hitforms_engine::is_valid(issues), "issues": list});
        crate::out::line(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    if issues.is_empty() {
        crate::out::line(&format!("{source}: valid"));
    }
    for issue in issues {
        crate::out::line(&line_with(issue, message(issue, template)));
    }
}
