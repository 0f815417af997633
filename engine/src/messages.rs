//! Message catalogs keyed by [`Code`]. A message is a template with `{name}`
//! placeholders filled from the issue's parameters. English is complete and
//! is the fallback of every other catalog (the widgets add more languages).

#[cfg(test)]
use crate::issue::Code;
use crate::issue::Issue;
use serde_json::Value;

/// A catalog: message key → message template. The key is a code's string
/// form, or the code followed by `#language` for the variant used when the
/// issue concerns one language of a multilingual field.
pub type Catalog = &'static [(&'static str, &'static str)];

/// The English catalog. A test checks it covers every [`Code`].
pub const ENGLISH: Catalog = &[
    ("template.json", "The template is not valid JSON (line {line}, column {column}): {detail}"),
    ("template.missing", "The property \"{property}\" is missing."),
    ("template.wrong_type", "Expected {expected} here."),
    ("template.unknown_property", "Unknown property \"{property}\"."),
    ("template.unknown_kind", "Unknown field kind \"{kind}\"."),
    ("template.duplicate_id", "The id \"{id}\" is already used at {first}."),
    ("template.invalid_value", "Invalid value: expected {expected}."),
    ("config.json", "The configuration is not valid JSON (line {line}, column {column}): {detail}"),
    ("config.missing", "The property \"{property}\" is missing."),
    ("config.wrong_type", "Expected {expected} here."),
    ("config.unknown_property", "Unknown property \"{property}\"."),
    ("config.invalid_value", "Invalid value: expected {expected}."),
    ("config.out_of_range", "Out of range: expected {expected}."),
    ("config.duplicate", "\"{value}\" is already used at {first}."),
    (
        "config.template_mismatch",
        "This configuration is for the template \"{config}\", not \"{template}\".",
    ),
    ("config.unknown_visibility_id", "The template declares no visibility id \"{id}\"."),
    (
        "config.visibility_not_allowed",
        "{status} is not allowed for \"{id}\" in {callType} calls (allowed: {allowed}).",
    ),
    (
        "config.flat_rate_combination",
        "The {rate} flat rate cannot be combined with the {other} flat rate.",
    ),
    ("config.unknown_parameter", "The template declares no parameter \"{name}\"."),
    ("config.missing_parameter", "The parameter \"{name}\" has no default and must be given."),
    ("config.unknown_field", "No field \"{field}\" has limits a call may change."),
    (
        "config.ambiguous_field",
        "Several fields are called \"{field}\" ({candidates}); use a pointer.",
    ),
    (
        "config.limit_not_configurable",
        "A call may not change {limit} of this field (it may change: {configurable}).",
    ),
    ("template.expression_syntax", "Expression syntax error at offset {offset}: {detail}."),
    ("template.expression_unknown_name", "\"{name}\" is not available here (offset {offset})."),
    ("template.expression_unknown_function", "Unknown function \"{name}\" (offset {offset})."),
    ("template.expression_type", "Expected {expected}, found {found} (offset {offset})."),
    (
        "template.expression_unsupported",
        "This build cannot evaluate expressions; use a template without them, or the full engine.",
    ),
    (
        "template.expression_cycle",
        "This computed value depends on itself, directly or through other computed values.",
    ),
    (
        "compiled.required",
        "This build reads compiled templates and configurations: run `hitforms compile` on this file.",
    ),
    (
        "compiled.damaged",
        "This compiled file is damaged or was changed after `hitforms compile` wrote it; compile it again.",
    ),
    (
        "compiled.format",
        "This compiled file has format {format}; this build reads format {expected}. Compile it again with this version.",
    ),
    (
        "compiled.template_mismatch",
        "This configuration was compiled for the template {config}, not {template}; compile it again with this template.",
    ),
    ("data.json", "The data is not valid JSON (line {line}, column {column}): {detail}"),
    ("data.not_object", "The data must be a JSON object keyed by field id."),
    (
        "data.unknown_field",
        "The template has no field \"{key}\"; the value is kept but not checked.",
    ),
    ("required", "This field is required."),
    ("required#language", "This field is required in {language}."),
    ("type.mismatch", "Expected {expected} here."),
    ("text.too_long", "Use at most {max} characters (now {length})."),
    ("text.too_long#language", "Use at most {max} characters in {language} (now {length})."),
    ("number.invalid", "Enter a number, such as 12 or 12.50."),
    ("number.not_integer", "Enter a whole number."),
    ("number.too_many_decimals", "Use at most {scale} decimals."),
    ("number.below_min", "Enter {min} or more."),
    ("number.above_max", "Enter {max} or less."),
    ("language.unknown", "{language} is not an input language of this form."),
    ("language.duplicate", "There is more than one {language} translation."),
    ("list.too_few", "Add at least {min}."),
    ("list.too_many", "Use at most {max}."),
    ("select.unknown_option", "\"{value}\" is not one of the options."),
    ("date.invalid", "Enter a date as YYYY-MM-DD, such as 2026-03-31."),
    ("date.before_min", "Enter {min} or later."),
    ("date.after_max", "Enter {max} or earlier."),
];

/// The English message for an issue.
pub fn english(issue: &Issue) -> String {
    message(ENGLISH, issue)
}

/// The message for `issue` from `catalog`, falling back to English, and to
/// the bare code when no catalog knows it.
pub fn message(catalog: Catalog, issue: &Issue) -> String {
    message_with(&|key| lookup(catalog, key), issue)
}

/// The message for `issue` from a catalog the caller holds (e.g. one read
/// at run time from a language file): `find` answers a key (a code, or a
/// code followed by `#language`) with its message template. What it does
/// not know comes from English, and a code no catalog knows is shown bare.
pub fn message_with<'c>(find: &dyn Fn(&str) -> Option<&'c str>, issue: &Issue) -> String {
    let code = issue.code.as_str();
    let specific = issue.params.contains_key("language").then(|| format!("{code}#language"));
    let in_catalog = |find: &dyn Fn(&str) -> Option<&'c str>| {
        specific.as_deref().and_then(find).or_else(|| find(code))
    };
    let english = |key: &str| lookup(ENGLISH, key);
    match in_catalog(find).or_else(|| in_catalog(&english)) {
        Some(template) => interpolate(template, issue),
        None => interpolate(code, issue),
    }
}

/// Every key of the English catalog: what a complete translation covers.
pub fn keys() -> impl Iterator<Item = &'static str> {
    ENGLISH.iter().map(|(k, _)| *k)
}

/// The `{name}` placeholders of a message template, in order of appearance
/// (a translation must use the same set, in any order).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

fn lookup(catalog: Catalog, key: &str) -> Option<&'static str> {
    catalog.iter().find(|(k, _)| *k == key).map(|(_, m)| *m)
}

/// Fills `{name}` placeholders; an unknown name is left as written.
pub fn interpolate(template: &str, issue: &Issue) -> String {
    fill(template, &|name| issue.params.get(name))
}

/// Fills `{name}` placeholders with what `param` answers (strings as they
/// are, other values as compact JSON); an unknown name is left as written.
/// Also used by the widgets for their UI strings.
pub fn fill<'v>(template: &str, param: &dyn Fn(&str) -> Option<&'v Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match param(name) {
                    Some(Value::String(s)) => out.push_str(s),
                    // Compact JSON, as `Display` writes it (without linking its
                    // pretty form).
                    Some(v) => crate::json::write_into(&mut out, v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_covers_every_code() {
        for code in Code::ALL {
            assert!(lookup(ENGLISH, code.as_str()).is_some(), "no English message for {code}");
        }
    }

    #[test]
    fn fills_parameters() {
        let issue = Issue::error("/a", Code::TextTooLong).with("max", 5).with("length", 7);
        assert_eq!(english(&issue), "Use at most 5 characters (now 7).");
        let issue = issue.with("language", "DE");
        assert_eq!(english(&issue), "Use at most 5 characters in DE (now 7).");
    }

    /// The shipped language files (`i18n/*.json`, fetched by the widget)
    /// translate every engine message with the same placeholders as English.
    #[test]
    fn shipped_catalogs_cover_every_message_with_the_same_placeholders() {
        let files = [
            ("de", include_str!("../../i18n/de.json")),
            ("fr", include_str!("../../i18n/fr.json")),
        ];
        for (lang, text) in files {
            let file: Value = serde_json::from_str(text).unwrap();
            let messages = file["messages"].as_object().unwrap();
            for key in keys() {
                let english = lookup(ENGLISH, key).unwrap();
                let Some(translated) = messages.get(key).and_then(Value::as_str) else {
                    panic!("{lang}: no message for {key}");
                };
                let (mut want, mut got) = (placeholders(english), placeholders(translated));
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{lang}: placeholders of {key}");
                assert_ne!(translated.trim(), "", "{lang}: {key} is blank");
            }
            let extra: Vec<&String> =
                messages.keys().filter(|k| lookup(ENGLISH, k).is_none()).collect();
            assert!(extra.is_empty(), "{lang}: keys English does not have: {extra:?}");
        }
    }

    #[test]
    fn a_caller_catalog_wins_and_english_fills_its_gaps() {
        let german = |key: &str| (key == "text.too_long").then_some("Höchstens {max} ({length}).");
        let issue = Issue::error("/a", Code::TextTooLong).with("max", 5).with("length", 7);
        assert_eq!(message_with(&german, &issue), "Höchstens 5 (7).");
        assert_eq!(
            message_with(&german, &Issue::error("", Code::Required)),
            "This field is required."
        );
        assert_eq!(placeholders("{a} x {b} {"), ["a", "b"]);
    }

    #[test]
    fn leaves_unknown_placeholders_and_stray_braces() {
        let issue = Issue::error("", Code::Required);
        assert_eq!(interpolate("{x} and {", &issue), "{x} and {");
    }
}
