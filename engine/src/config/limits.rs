//! Limit overrides: where a template lets calls change a field's limits
//! (`maxLength`, `min`, `max`, `maxItems`), a configuration's `limits` gives
//! the new values, keyed by the field's pointer (`/partners/name`) or, when
//! it is unambiguous, by its id (`name`).

use super::numbers::{Range, exact, number};
use crate::issue::{Code, Issue, pointer_push};
use crate::sorted_map::SortedMap;
use crate::template::read::{Doc, object_in};
use rust_decimal::Decimal;
use serde_json::Value as Json;

/// The limit names a configuration may override, as written in JSON.
pub const LIMIT_NAMES: [&str; 4] = ["maxLength", "min", "max", "maxItems"];

const MAX_LENGTH: Range = Range { min: 1, max: 1_000_000, scale: 0 };
const MAX_ITEMS: Range = Range { min: 1, max: 100_000, scale: 0 };

/// The overridden limits of one field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LimitOverride {
    /// Maximum text length in UTF-16 code units.
    pub max_length: Option<u32>,
    /// Smallest number.
    pub min: Option<Decimal>,
    /// Largest number.
    pub max: Option<Decimal>,
    /// Most items of a list.
    pub max_items: Option<u32>,
}

/// A configuration's limit overrides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Limits {
    /// Field pointer or id, as written → overrides.
    pub(crate) overrides: SortedMap<(LimitOverride, Vec<&'static str>)>,
}

impl Limits {
    /// Reads a configuration's `limits` at `path` (absent: no overrides).
    pub(crate) fn read(value: Option<&Json>, path: &str, p: &mut Vec<Issue>) -> Limits {
        let mut overrides = SortedMap::new();
        let Some(value) = value else { return Limits { overrides } };
        let Some(map) = value.as_object() else {
            p.push(Doc::Config.wrong_type(path, "object of field to limits"));
            return Limits { overrides };
        };
        for (field, v) in map {
            let at = pointer_push(path, field);
            let Some(obj) = object_in(Doc::Config, v, &at, &LIMIT_NAMES, p) else { continue };
            let whole = |key: &str, range, p: &mut Vec<Issue>| {
                let d = number(obj.map.get(key)?, &obj.at(key), range, p)?;
                u32::try_from(d).ok()
            };
            let max_length = whole("maxLength", MAX_LENGTH, p);
            let max_items = whole("maxItems", MAX_ITEMS, p);
            let min = obj.map.get("min").and_then(|v| exact(v, &obj.at("min"), p));
            let max = obj.map.get("max").and_then(|v| exact(v, &obj.at("max"), p));
            if let (Some(a), Some(b)) = (min, max)
                && a > b
            {
                p.push(Doc::Config.out_of_range(&obj.at("min"), "min not above max"));
            }
            let names = LIMIT_NAMES.into_iter().filter(|n| obj.map.contains_key(*n)).collect();
            overrides
                .insert(field.clone(), (LimitOverride { max_length, min, max, max_items }, names));
        }
        Limits { overrides }
    }

    /// Whether there is no override.
    pub fn is_empty(&self) -> bool {
        self.overrides.is_empty()
    }

    /// Every override, keyed as written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &LimitOverride)> {
        self.overrides.iter().map(|(k, (o, _))| (k.as_str(), o))
    }

    /// The overrides of the field at `pointer`: keyed by the pointer, or by
    /// its last segment (the field id).
    pub fn for_field(&self, pointer: &str) -> Option<&LimitOverride> {
        let id = pointer.rsplit('/').next().unwrap_or(pointer);
        self.overrides.get(pointer).or_else(|| self.overrides.get(id)).map(|(o, _)| o)
    }

    /// Checks the overrides against what the template lets calls change:
    /// `configurable` lists `(field pointer, limit names)`. Reports keys
    /// that match no such field (or, as an id, several) and limits the
    /// field does not let calls change. Paths are under `/limits`.
    pub fn check(&self, configurable: &[(&str, &[&str])]) -> Vec<Issue> {
        let mut out = Vec::new();
        for (key, (_, names)) in &self.overrides {
            let at = pointer_push("/limits", key);
            let by_id = |(f, _): &&(&str, &[&str])| {
                !key.starts_with('/') && f.rsplit('/').next() == Some(key)
            };
            let exact: Vec<_> = configurable.iter().filter(|(f, _)| f == key).collect();
            let matches =
                if exact.is_empty() { configurable.iter().filter(by_id).collect() } else { exact };
            let allowed: &[&str] = match matches.as_slice() {
                [(_, allowed)] => allowed,
                [] => {
                    out.push(
                        Issue::error(at, Code::ConfigUnknownField).with("field", key.as_str()),
                    );
                    continue;
                }
                several => {
                    let candidates: Vec<&str> = several.iter().map(|(f, _)| *f).collect();
                    out.push(
                        Issue::error(at, Code::ConfigAmbiguousField)
                            .with("field", key.as_str())
                            .with("candidates", candidates.join(", ")),
                    );
                    continue;
                }
            };
            for name in names.iter().filter(|n| !allowed.contains(n)) {
                let configurable =
                    if allowed.is_empty() { "nothing".into() } else { allowed.join(", ") };
                out.push(
                    Issue::error(pointer_push(&at, name), Code::ConfigLimitNotConfigurable)
                        .with("limit", *name)
                        .with("configurable", configurable),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn limits(v: serde_json::Value) -> (Limits, Vec<(String, Code)>) {
        let mut p = Vec::new();
        let l = Limits::read(Some(&v), "/limits", &mut p);
        (l, p.into_iter().map(|i| (i.path, i.code)).collect())
    }

    #[test]
    fn reads_overrides_and_reports_bad_values() {
        let (l, p) = limits(json!({
            "/summary": {"maxLength": 5000},
            "duration": {"min": 12, "max": 6, "maxItems": 0, "scale": 2}
        }));
        let want = [
            ("/limits/duration/scale", Code::ConfigUnknownProperty),
            ("/limits/duration/maxItems", Code::ConfigOutOfRange),
            ("/limits/duration/min", Code::ConfigOutOfRange),
        ];
        let want: Vec<_> = want.into_iter().map(|(a, c)| (a.to_owned(), c)).collect();
        assert_eq!(p, want);
        assert_eq!(l.for_field("/summary").unwrap().max_length, Some(5000));
        assert_eq!(l.for_field("/project/duration").unwrap().min, Some(Decimal::from(12)));
        assert_eq!(l.for_field("/other"), None);
    }

    #[test]
    fn checks_against_what_the_template_lets_calls_change() {
        let (l, p) = limits(json!({
            "/summary": {"maxLength": 5000},
            "duration": {"max": 48, "min": 1},
            "name": {"maxLength": 50},
            "/nowhere": {"maxLength": 50}
        }));
        assert_eq!(p, []);
        let configurable: &[(&str, &[&str])] = &[
            ("/summary", &["maxLength"]),
            ("/project/duration", &["max"]),
            ("/partners/name", &["maxLength"]),
            ("/associations/name", &["maxLength"]),
        ];
        let got: Vec<_> =
            l.check(configurable).into_iter().map(|i| (i.message(), i.path, i.code)).collect();
        let want = [
            (
                "/limits/~1nowhere",
                Code::ConfigUnknownField,
                "No field \"/nowhere\" has limits a call may change.",
            ),
            (
                "/limits/duration/min",
                Code::ConfigLimitNotConfigurable,
                "A call may not change min of this field (it may change: max).",
            ),
            (
                "/limits/name",
                Code::ConfigAmbiguousField,
                "Several fields are called \"name\" (/partners/name, /associations/name); use a pointer.",
            ),
        ];
        let want: Vec<_> =
            want.into_iter().map(|(a, c, m)| (m.to_owned(), a.to_owned(), c)).collect();
        assert_eq!(got, want);
    }
}
