//! Printing issues as text lines or as JSON.

use hitforms_engine::{Issue, Severity};
use serde_json::json;

/// One issue as a text line: `/path: error code: message`.
pub fn line(issue: &Issue) -> String {
    line_with(issue, &issue.message())
}

/// One issue as a text line with the given message.
fn line_with(issue: &Issue, message: &str) -> String {
    let severity = match issue.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = if issue.path.is_empty() { "(root)" } else { &issue.path };
    format!("{path}: {severity} {}: {message}", issue.code)
}

/// Prints `issues` about `source`, as text or as one JSON document.
pub fn print(source: &str, issues: &[Issue], as_json: bool) {
    print_with(source, issues, as_json, &|i: &Issue| i.message());
}

/// [`print`] with messages from `message` (a template's own rule messages).
pub fn print_with(
    source: &str,
    issues: &[Issue],
    as_json: bool,
    message: &dyn Fn(&Issue) -> String,
) {
    if as_json {
        let list: Vec<_> = issues
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap_or_default();
                v["message"] = json!(message(i));
                v
            })
            .collect();
        let doc = json!({"valid": hitforms_engine::is_valid(issues), "issues": list});
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    if issues.is_empty() {
        println!("{source}: valid");
    }
    for issue in issues {
        println!("{}", line_with(issue, &message(issue)));
    }
}
