//! The rules of one value, per field kind. Everything here is about a single
//! value; lists, groups, visibility and cross-field rules are in `mod.rs`.

use super::Context;
use crate::config::LimitOverride;
use crate::issue::{Code, Issue};
use crate::template::{Choices, Field, FieldKind, NumberRules, TextRules};
use crate::text::{is_blank, utf16_len};
use crate::value::{Translation, Value};
use std::borrow::Cow;

/// Checks one value of `field` at pointer `at`; `required` is the field's
/// required state here, `languages` the input languages in force.
pub fn check_value(
    ctx: &Context,
    field: &Field,
    value: &Value,
    required: bool,
    limits: Option<&LimitOverride>,
    at: &dyn Fn() -> String,
    out: &mut Vec<Issue>,
) {
    // A call's overrides replace the template's limits where it allows that.
    let text_rules = |r| text_limits(r, limits);
    let number_rules = |r| number_limits(r, limits);
    match (&field.kind, value) {
        (FieldKind::Multilingual { rules, languages: own }, v) => {
            let langs = own.as_deref().unwrap_or(ctx.languages);
            let rules = text_rules(rules);
            match v {
                // The common case: checked in place, nothing copied; findings
                // come in entry order.
                Value::Multilingual(t) => multilingual(&rules, langs, t, None, required, at, out),
                Value::Invalid(serde_json::Value::Array(items)) => {
                    malformed_multilingual(field, &rules, langs, items, required, at, out)
                }
                Value::Invalid(json) => out.push(invalid(&field.kind, json, at())),
                _ => multilingual(&rules, langs, &[], None, required, at, out),
            }
        }
        (kind, Value::Invalid(json)) => out.push(invalid(kind, json, at())),
        (_, v) if v.is_blank() => out.extend(required.then(|| Issue::error(at(), Code::Required))),
        (FieldKind::Text(rules), Value::Text(s)) => out.extend(too_long(&text_rules(rules), s, at)),
        (FieldKind::Number(rules), Value::Number(d)) => {
            let rules = number_rules(rules);
            number(&rules, (rules.min, rules.max), *d, at, out)
        }
        (FieldKind::Date { min, max }, Value::Date(d)) => {
            if let Some(min) = min.filter(|m| d < m) {
                out.push(Issue::error(at(), Code::DateBeforeMin).with("min", min.to_string()));
            }
            if let Some(max) = max.filter(|m| d > m) {
                out.push(Issue::error(at(), Code::DateAfterMax).with("max", max.to_string()));
            }
        }
        (FieldKind::Select(choices), Value::Text(code)) => {
            out.extend((!known(ctx, choices, code)).then(|| {
                Issue::error(at(), Code::SelectUnknownOption).with("value", code.as_str())
            }))
        }
        (FieldKind::MultiSelect { choices, min_items, max_items }, Value::List(items)) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::Text(code) = item
                    && !known(ctx, choices, code)
                {
                    let p = crate::issue::pointer_push(&at(), &i.to_string());
                    out.push(
                        Issue::error(p, Code::SelectUnknownOption).with("value", code.as_str()),
                    );
                }
            }
            count(items.len(), min_items.unwrap_or(0), max_items.unwrap_or(u32::MAX), at, out);
        }
        _ => {}
    }
}

/// A multilingual value with some malformed entries: each is reported, the
/// others checked, and the findings put in entry order.
#[cold]
#[inline(never)]
fn malformed_multilingual(
    field: &Field,
    rules: &TextRules,
    langs: &[String],
    items: &[serde_json::Value],
    required: bool,
    at: &dyn Fn() -> String,
    out: &mut Vec<Issue>,
) {
    let start = out.len();
    let mut entries = Vec::new();
    let mut index = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let one = serde_json::Value::Array(vec![item.clone()]);
        match crate::data::read_value(&field.kind, &one) {
            Value::Multilingual(mut t) => {
                entries.push(t.remove(0));
                index.push(i);
            }
            _ => {
                let p = crate::issue::pointer_push(&at(), &i.to_string());
                out.push(
                    Issue::error(p, Code::WrongType).with("expected", "{language, translation}"),
                );
            }
        }
    }
    multilingual(rules, langs, &entries, Some(&index), required, at, out);
    if out.len() - start < 2 {
        return;
    }
    let base = at().len();
    let entry =
        |i: &Issue| i.path.get(base + 1..).and_then(|r| r.split('/').next()?.parse::<usize>().ok());
    out[start..].sort_by_key(|i| entry(i).unwrap_or(usize::MAX));
}

/// Text rules with a call's `maxLength` override applied.
fn text_limits<'r>(r: &'r TextRules, limits: Option<&LimitOverride>) -> Cow<'r, TextRules> {
    match limits.and_then(|l| l.max_length) {
        Some(max) => Cow::Owned(TextRules { max_length: Some(max), ..r.clone() }),
        None => Cow::Borrowed(r),
    }
}

/// Number rules with a call's `min` / `max` overrides applied.
fn number_limits<'r>(r: &'r NumberRules, limits: Option<&LimitOverride>) -> Cow<'r, NumberRules> {
    match limits {
        Some(l) if l.min.is_some() || l.max.is_some() => {
            Cow::Owned(NumberRules { min: l.min.or(r.min), max: l.max.or(r.max), ..r.clone() })
        }
        _ => Cow::Borrowed(r),
    }
}

/// The finding for a value that does not fit its field.
fn invalid(kind: &FieldKind, json: &serde_json::Value, at: String) -> Issue {
    match kind {
        FieldKind::Number(_) if json.is_string() || json.is_number() => {
            Issue::error(at, Code::NumberInvalid)
        }
        FieldKind::Date { .. } if json.is_string() => Issue::error(at, Code::DateInvalid),
        _ => Issue::error(at, Code::WrongType).with("expected", expected(kind)),
    }
}

/// What a kind's value looks like in JSON, for type-mismatch messages.
fn expected(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text(_) | FieldKind::Select(_) => "string",
        FieldKind::Multilingual { .. } => "array of {language, translation}",
        FieldKind::Number(_) => "number",
        FieldKind::Date { .. } => "date string",
        FieldKind::Bool => "true or false",
        FieldKind::MultiSelect { .. } => "array of strings",
        FieldKind::Group(_) => "object",
        FieldKind::Repeat(_) => "array of objects",
        FieldKind::Computed { .. } => "computed value",
    }
}

fn known(ctx: &Context, choices: &Choices, code: &str) -> bool {
    match choices {
        Choices::Static(options) => options.iter().any(|(v, _)| v == code),
        // A list supplied at run time is checked against that list, when given.
        Choices::Named(name) => match ctx.template.code_lists.get(name) {
            Some(Some(options)) => options.iter().any(|(v, _)| v == code),
            _ => ctx.code_lists.and_then(|l| l.contains(name, code)).unwrap_or(true),
        },
    }
}

pub(super) fn too_long(rules: &TextRules, s: &str, at: &dyn Fn() -> String) -> Option<Issue> {
    let max = rules.max_length?;
    // UTF-16 code units never outnumber UTF-8 bytes: most texts need no count.
    if s.len() <= max as usize {
        return None;
    }
    let length = utf16_len(s);
    (length > max as usize)
        .then(|| Issue::error(at(), Code::TextTooLong).with("max", max).with("length", length))
}

/// Checks the entries of a multilingual value: each language must be an
/// input language and appear once, each translation fit the limit, and, when
/// required, every input language be filled. `index` maps entries to their
/// position in the document (when malformed entries were left out).
pub(super) fn multilingual(
    rules: &TextRules,
    languages: &[String],
    entries: &[Translation],
    index: Option<&[usize]>,
    required: bool,
    at: &dyn Fn() -> String,
    out: &mut Vec<Issue>,
) {
    // Input languages seen and filled, as bit sets (1 to 4 languages in
    // practice; beyond 64 the checks fall back to scanning).
    let (mut seen, mut filled) = (0u64, 0u64);
    for (n, entry) in entries.iter().enumerate() {
        let lang = entry.language.as_str();
        let i = index.map_or(n, |ix| ix[n]);
        let entry_at = || crate::issue::pointer_push(&at(), &i.to_string());
        let language_issue = |code| {
            let p = crate::issue::pointer_push(&entry_at(), "language");
            Issue::error(p, code).with("language", lang)
        };
        // Whether the text is blank matters only when the field is required
        // or the text may be too long: otherwise it is not even read.
        let may_be_long = rules.max_length.is_some_and(|m| entry.translation.len() > m as usize);
        let blank = (required || may_be_long) && is_blank(&entry.translation);
        match position(languages, lang) {
            None => out.push(language_issue(Code::LanguageUnknown)),
            Some(k) if k < 64 => {
                if seen & (1 << k) != 0 {
                    out.push(language_issue(Code::LanguageDuplicate));
                }
                seen |= 1 << k;
                filled |= u64::from(!blank) << k;
            }
            Some(_) => {
                if entries[..n].iter().any(|e| same(&e.language, lang)) {
                    out.push(language_issue(Code::LanguageDuplicate));
                }
            }
        }
        if may_be_long && !blank {
            let tp = || crate::issue::pointer_push(&entry_at(), "translation");
            out.extend(too_long(rules, &entry.translation, &tp).map(|i| i.with("language", lang)));
        }
    }
    if required {
        for (k, lang) in languages.iter().enumerate() {
            let is_filled = if k < 64 {
                filled & (1 << k) != 0
            } else {
                entries.iter().any(|e| same(&e.language, lang) && !is_blank(&e.translation))
            };
            if !is_filled {
                out.push(Issue::error(at(), Code::Required).with("language", lang.as_str()));
            }
        }
    }
}

/// Where `lang` is among `languages` (a plain loop: this runs for every
/// translation of a document).
#[inline(always)]
fn position(languages: &[String], lang: &str) -> Option<usize> {
    let mut k = 0;
    while k < languages.len() {
        if same(&languages[k], lang) {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// String equality for short codes, inlined (no call to `memcmp`).
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Checks a number against `rules`; `bounds` are the rules' `min` and
/// `max`, possibly written at another scale (equal in value: findings name
/// the rules' own).
pub(super) fn number(
    rules: &NumberRules,
    bounds: (Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>),
    d: rust_decimal::Decimal,
    at: &dyn Fn() -> String,
    out: &mut Vec<Issue>,
) {
    // Trailing zeros add no precision: 1.50 has two decimals, 2.0 is whole.
    // Normalising divides, so only a value written with more decimals than
    // allowed is normalised.
    let decimals = if d.scale() <= rules.scale { d.scale() } else { d.normalize().scale() };
    if rules.scale == 0 && decimals > 0 {
        out.push(Issue::error(at(), Code::NumberNotInteger));
    } else if decimals > rules.scale {
        out.push(Issue::error(at(), Code::NumberTooManyDecimals).with("scale", rules.scale));
    }
    if bounds.0.is_some_and(|m| less(d, m))
        && let Some(min) = rules.min
    {
        out.push(Issue::error(at(), Code::NumberBelowMin).with("min", min.to_string()));
    }
    if bounds.1.is_some_and(|m| less(m, d))
        && let Some(max) = rules.max
    {
        out.push(Issue::error(at(), Code::NumberAboveMax).with("max", max.to_string()));
    }
}

/// `a < b`; non-negative numbers of one scale (a value and its field's
/// limits, as validation plans write them) compare by their 96-bit
/// magnitudes, word by word (`Decimal::serialize` gives flags, then the low,
/// middle and high words), without building an `i128`.
#[inline(always)]
fn less(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> bool {
    if a.scale() != b.scale() || a.is_sign_negative() || b.is_sign_negative() {
        return a < b;
    }
    let (x, y) = (a.serialize(), b.serialize());
    let word = |s: &[u8; 16], i: usize| u32::from_le_bytes([s[i], s[i + 1], s[i + 2], s[i + 3]]);
    (word(&x, 12), word(&x, 8), word(&x, 4)) < (word(&y, 12), word(&y, 8), word(&y, 4))
}

/// Checks a list's length against `min..=max`.
pub fn count(len: usize, min: u32, max: u32, at: &dyn Fn() -> String, out: &mut Vec<Issue>) {
    if len > 0 && len < min as usize {
        out.push(Issue::error(at(), Code::ListTooFew).with("min", min).with("count", len));
    }
    if len > max as usize {
        out.push(Issue::error(at(), Code::ListTooMany).with("max", max).with("count", len));
    }
}

#[cfg(test)]
mod tests {
    use super::less;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// The mantissa shortcut orders exactly as `Decimal` does, across
        /// scales, signs and magnitudes.
        #[test]
        fn less_is_decimal_ordering(
            a in any::<i128>(), b in any::<i128>(), sa in 0u32..=28, same in any::<bool>(), sb in 0u32..=28,
        ) {
            let d = |m: i128, s| Decimal::from_i128_with_scale(m % (1i128 << 95), s);
            // Small magnitudes too, so that words compare equal.
            let (a, b) = if a % 3 == 0 { (a % 1000, b % 1000) } else { (a, b) };
            let (a, b) = (d(a, sa), d(b, if same { sa } else { sb }));
            prop_assert_eq!(less(a, b), a < b);
            prop_assert_eq!(less(b, a), b < a);
        }
    }
}
