//! A small reader over `serde_json::Value` that collects every problem it meets
//! (with its JSON pointer) instead of stopping at the first, so that template
//! and call-configuration loading can report all problems at once. The
//! document being read ([`Doc`]) decides the codes of the problems.

use crate::issue::{Code, Issue, pointer_push};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The kind of document being read; it decides the codes of the problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Doc {
    /// A template: `template.*` codes.
    Template,
    /// A call configuration: `config.*` codes.
    Config,
}

impl Doc {
    /// A wrong-type problem at `path`.
    pub fn wrong_type(self, path: &str, expected: &str) -> Issue {
        let code = match self {
            Doc::Template => Code::TemplateWrongType,
            Doc::Config => Code::ConfigWrongType,
        };
        Issue::error(path, code).with("expected", expected)
    }

    /// An unknown-property problem for `key` under `path`.
    fn unknown_property(self, path: &str, key: &str) -> Issue {
        let code = match self {
            Doc::Template => Code::TemplateUnknownProperty,
            Doc::Config => Code::ConfigUnknownProperty,
        };
        Issue::error(pointer_push(path, key), code).with("property", key)
    }

    /// A missing-property problem for `key` of the object at `path`.
    fn missing(self, path: &str, key: &str) -> Issue {
        let code = match self {
            Doc::Template => Code::TemplateMissing,
            Doc::Config => Code::ConfigMissing,
        };
        Issue::error(path, code).with("property", key)
    }

    /// A value outside its allowed range or form, at `path`.
    pub fn out_of_range(self, path: &str, expected: &str) -> Issue {
        let code = match self {
            Doc::Template => Code::TemplateInvalidValue,
            Doc::Config => Code::ConfigOutOfRange,
        };
        Issue::error(path, code).with("expected", expected)
    }
}

/// A JSON object being read, with its pointer and the problem list it reports to.
pub(crate) struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: String,
    /// The document it belongs to.
    pub doc: Doc,
}

/// Reads `value` as a template object whose keys must all be in `allowed`;
/// reports a wrong type or each unknown key.
pub(crate) fn object<'a>(
    value: &'a Value,
    path: &str,
    allowed: &[&str],
    problems: &mut Vec<Issue>,
) -> Option<Obj<'a>> {
    object_in(Doc::Template, value, path, allowed, problems)
}

/// [`object`] for any kind of document.
pub(crate) fn object_in<'a>(
    doc: Doc,
    value: &'a Value,
    path: &str,
    allowed: &[&str],
    problems: &mut Vec<Issue>,
) -> Option<Obj<'a>> {
    let Some(map) = value.as_object() else {
        problems.push(doc.wrong_type(path, "object"));
        return None;
    };
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            problems.push(doc.unknown_property(path, key));
        }
    }
    Some(Obj { map, path: path.to_owned(), doc })
}

/// Parses JSON text; a syntax error becomes one `code` problem naming its
/// line and column.
pub(crate) fn parse(json: &str, code: Code) -> Result<Value, Issue> {
    crate::json::parse(json).map_err(|e| {
        Issue::error("", code)
            .with("line", e.line)
            .with("column", e.column)
            .with("detail", e.to_string())
    })
}

/// A template wrong-type problem at `path`.
pub(crate) fn wrong_type(path: &str, expected: &str) -> Issue {
    Doc::Template.wrong_type(path, expected)
}

impl<'a> Obj<'a> {
    /// The pointer of property `key`.
    pub fn at(&self, key: &str) -> String {
        pointer_push(&self.path, key)
    }

    /// Reports a missing required property and returns `None`.
    fn missing<T>(&self, key: &str, problems: &mut Vec<Issue>) -> Option<T> {
        problems.push(self.doc.missing(&self.path, key));
        None
    }

    /// A required property of any JSON type.
    pub fn req(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a Value> {
        match self.map.get(key) {
            Some(v) => Some(v),
            None => self.missing(key, problems),
        }
    }

    /// A required string.
    pub fn req_str(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a str> {
        let v = self.req(key, problems)?;
        self.as_str(key, v, problems)
    }

    fn as_str(&self, key: &str, v: &'a Value, problems: &mut Vec<Issue>) -> Option<&'a str> {
        match v.as_str() {
            Some(s) => Some(s),
            None => {
                problems.push(self.doc.wrong_type(&self.at(key), "string"));
                None
            }
        }
    }

    /// An optional boolean (`false` when absent).
    pub fn flag(&self, key: &str, problems: &mut Vec<Issue>) -> bool {
        self.bool_or(key, false, problems)
    }

    /// An optional boolean, `default` when absent or of the wrong type.
    pub fn bool_or(&self, key: &str, default: bool, problems: &mut Vec<Issue>) -> bool {
        match self.map.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                problems.push(self.doc.wrong_type(&self.at(key), "boolean"));
                default
            }
        }
    }

    /// An optional whole number within `min..=max`.
    pub fn opt_u32(&self, key: &str, min: u32, max: u32, problems: &mut Vec<Issue>) -> Option<u32> {
        let v = self.map.get(key)?;
        let n = v.as_u64().filter(|n| (u64::from(min)..=u64::from(max)).contains(n));
        if n.is_none() {
            let expected = format!("a whole number from {min} to {max}");
            problems.push(self.doc.out_of_range(&self.at(key), &expected));
        }
        n.map(|n| n as u32)
    }

    /// An optional exact decimal number.
    pub fn opt_decimal(&self, key: &str, problems: &mut Vec<Issue>) -> Option<Decimal> {
        let v = self.map.get(key)?;
        let d = crate::number::decimal_of(v);
        if d.is_none() {
            problems.push(self.doc.wrong_type(&self.at(key), "number"));
        }
        d
    }

    /// A required array.
    pub fn req_array(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a Vec<Value>> {
        let v = self.req(key, problems)?;
        self.as_array(key, v, problems)
    }

    /// An optional array (`None` when absent or of the wrong type).
    pub fn opt_array(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a Vec<Value>> {
        let v = self.map.get(key)?;
        self.as_array(key, v, problems)
    }

    /// An optional string (`None` when absent or of the wrong type).
    pub fn opt_str(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a str> {
        let v = self.map.get(key)?;
        self.as_str(key, v, problems)
    }

    fn as_array(
        &self,
        key: &str,
        v: &'a Value,
        problems: &mut Vec<Issue>,
    ) -> Option<&'a Vec<Value>> {
        match v.as_array() {
            Some(a) => Some(a),
            None => {
                problems.push(self.doc.wrong_type(&self.at(key), "array"));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_every_unknown_key_and_wrong_type() {
        let v = json!({"id": 3, "zzz": 1, "yyy": 2});
        let mut problems = Vec::new();
        let obj = object(&v, "/x", &["id"], &mut problems).unwrap();
        assert_eq!(obj.req_str("id", &mut problems), None);
        assert_eq!(obj.req_str("name", &mut problems), None);
        let codes: Vec<_> = problems.iter().map(|p| (p.path.as_str(), p.code.clone())).collect();
        assert_eq!(
            codes,
            [
                ("/x/yyy", Code::TemplateUnknownProperty),
                ("/x/zzz", Code::TemplateUnknownProperty),
                ("/x/id", Code::TemplateWrongType),
                ("/x", Code::TemplateMissing),
            ]
        );
    }

    #[test]
    fn a_configuration_gets_config_codes() {
        let v = json!({"zzz": 1, "on": "yes", "n": 0});
        let mut problems = Vec::new();
        let obj = object_in(Doc::Config, &v, "/c", &["on", "n"], &mut problems).unwrap();
        assert!(obj.bool_or("on", true, &mut problems));
        assert_eq!(obj.opt_u32("n", 1, 9, &mut problems), None);
        assert_eq!(obj.opt_array("n", &mut problems), None);
        assert_eq!(obj.req_str("name", &mut problems), None);
        let codes: Vec<_> = problems.iter().map(|p| (p.path.as_str(), &p.code)).collect();
        assert_eq!(
            codes,
            [
                ("/c/zzz", &Code::ConfigUnknownProperty),
                ("/c/on", &Code::ConfigWrongType),
                ("/c/n", &Code::ConfigOutOfRange),
                ("/c/n", &Code::ConfigWrongType),
                ("/c", &Code::ConfigMissing),
            ]
        );
    }

    #[test]
    fn whole_numbers_are_range_checked() {
        let v = json!({"a": 5, "b": -1, "c": 1.5});
        let mut problems = Vec::new();
        let obj = object(&v, "", &["a", "b", "c"], &mut problems).unwrap();
        assert_eq!(obj.opt_u32("a", 1, 10, &mut problems), Some(5));
        assert_eq!(obj.opt_u32("b", 0, 10, &mut problems), None);
        assert_eq!(obj.opt_u32("c", 0, 10, &mut problems), None);
        assert_eq!(problems.len(), 2);
    }
}
