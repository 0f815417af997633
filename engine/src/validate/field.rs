//! The rules of one field, per kind.

use crate::issue::{Code, Issue, pointer_push};
use crate::number::decimal_of;
use crate::template::{Field, FieldKind, NumberRules, Template};
use crate::text::{is_blank, utf16_len};
use serde_json::Value;

/// Validates one field's value (`None` when the data has no such key).
pub fn validate_field(template: &Template, field: &Field, value: Option<&Value>) -> Vec<Issue> {
    let mut out = Vec::new();
    let value = value.filter(|v| !v.is_null());
    let at = field.pointer.as_str();
    match (&field.kind, value) {
        (FieldKind::Text { max_length, .. }, v) => {
            text(at, field.required, *max_length, v, &mut out)
        }
        (FieldKind::MultilingualText { max_length, .. }, v) => {
            multilingual(at, field.required, *max_length, &template.input_languages, v, &mut out)
        }
        (FieldKind::Number(rules), v) => number(at, field.required, rules, v, &mut out),
    }
    out
}

fn required(at: &str, out: &mut Vec<Issue>) {
    out.push(Issue::error(at, Code::Required));
}

fn wrong_type(at: &str, expected: &str) -> Issue {
    Issue::error(at, Code::WrongType).with("expected", expected)
}

fn too_long(at: &str, s: &str, max: Option<u32>) -> Option<Issue> {
    let (max, length) = (max?, utf16_len(s));
    (length > max as usize)
        .then(|| Issue::error(at, Code::TextTooLong).with("max", max).with("length", length))
}

fn text(at: &str, req: bool, max: Option<u32>, value: Option<&Value>, out: &mut Vec<Issue>) {
    match value {
        None => {
            if req {
                required(at, out)
            }
        }
        Some(Value::String(s)) => {
            if is_blank(s) {
                if req {
                    required(at, out)
                }
            } else {
                out.extend(too_long(at, s, max));
            }
        }
        Some(_) => out.push(wrong_type(at, "string")),
    }
}

fn multilingual(
    at: &str,
    req: bool,
    max: u32,
    languages: &[String],
    value: Option<&Value>,
    out: &mut Vec<Issue>,
) {
    let mut filled: Vec<&str> = Vec::new();
    match value {
        None => {}
        Some(Value::Array(entries)) => {
            let mut seen: Vec<&str> = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                let p = pointer_push(at, &i.to_string());
                let lang = entry.get("language").and_then(Value::as_str);
                let translation = entry.get("translation").and_then(Value::as_str);
                let (Some(lang), Some(translation)) = (lang, translation) else {
                    out.push(wrong_type(&p, "{language, translation}"));
                    continue;
                };
                if !languages.iter().any(|l| l == lang) {
                    out.push(
                        Issue::error(pointer_push(&p, "language"), Code::LanguageUnknown)
                            .with("language", lang),
                    );
                } else if seen.contains(&lang) {
                    out.push(
                        Issue::error(pointer_push(&p, "language"), Code::LanguageDuplicate)
                            .with("language", lang),
                    );
                }
                seen.push(lang);
                if !is_blank(translation) {
                    filled.push(lang);
                    let tp = pointer_push(&p, "translation");
                    out.extend(
                        too_long(&tp, translation, Some(max)).map(|i| i.with("language", lang)),
                    );
                }
            }
        }
        Some(_) => return out.push(wrong_type(at, "array of {language, translation}")),
    }
    if req {
        for lang in languages.iter().filter(|l| !filled.contains(&l.as_str())) {
            out.push(Issue::error(at, Code::Required).with("language", lang.as_str()));
        }
    }
}

fn number(at: &str, req: bool, rules: &NumberRules, value: Option<&Value>, out: &mut Vec<Issue>) {
    let v = match value {
        None => {
            return if req {
                required(at, out)
            };
        }
        Some(Value::String(s)) if is_blank(s) => {
            return if req {
                required(at, out)
            };
        }
        Some(v @ (Value::Number(_) | Value::String(_))) => v,
        Some(_) => return out.push(wrong_type(at, "number")),
    };
    let Some(d) = decimal_of(v) else {
        return out.push(Issue::error(at, Code::NumberInvalid));
    };
    // Trailing zeros add no precision: 1.50 has two decimals, 2.0 is whole.
    let decimals = d.normalize().scale();
    if rules.scale == 0 && decimals > 0 {
        out.push(Issue::error(at, Code::NumberNotInteger));
    } else if decimals > rules.scale {
        out.push(Issue::error(at, Code::NumberTooManyDecimals).with("scale", rules.scale));
    }
    if let Some(min) = rules.min.filter(|m| d < *m) {
        out.push(Issue::error(at, Code::NumberBelowMin).with("min", min.to_string()));
    }
    if let Some(max) = rules.max.filter(|m| d > *m) {
        out.push(Issue::error(at, Code::NumberAboveMax).with("max", max.to_string()));
    }
}
