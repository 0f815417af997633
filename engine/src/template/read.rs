//! A small reader over `serde_json::Value` that collects every problem it meets
//! (with its JSON pointer) instead of stopping at the first, so that template
//! loading can report all problems at once.

use crate::issue::{Code, Issue, pointer_push};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// A JSON object being read, with its pointer and the problem list it reports to.
pub(crate) struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: String,
}

/// Reads `value` as an object whose keys must all be in `allowed`; reports a
/// wrong type or each unknown key.
pub(crate) fn object<'a>(
    value: &'a Value,
    path: &str,
    allowed: &[&str],
    problems: &mut Vec<Issue>,
) -> Option<Obj<'a>> {
    let Some(map) = value.as_object() else {
        problems.push(wrong_type(path, "object"));
        return None;
    };
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            problems.push(
                Issue::error(pointer_push(path, key), Code::TemplateUnknownProperty)
                    .with("property", key.as_str()),
            );
        }
    }
    Some(Obj { map, path: path.to_owned() })
}

/// A wrong-type problem at `path`.
pub(crate) fn wrong_type(path: &str, expected: &str) -> Issue {
    Issue::error(path, Code::TemplateWrongType).with("expected", expected)
}

impl<'a> Obj<'a> {
    /// The pointer of property `key`.
    pub fn at(&self, key: &str) -> String {
        pointer_push(&self.path, key)
    }

    /// Reports a missing required property and returns `None`.
    fn missing<T>(&self, key: &str, problems: &mut Vec<Issue>) -> Option<T> {
        problems.push(Issue::error(self.path.clone(), Code::TemplateMissing).with("property", key));
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
                problems.push(wrong_type(&self.at(key), "string"));
                None
            }
        }
    }

    /// An optional boolean (`false` when absent).
    pub fn flag(&self, key: &str, problems: &mut Vec<Issue>) -> bool {
        match self.map.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                problems.push(wrong_type(&self.at(key), "boolean"));
                false
            }
        }
    }

    /// An optional whole number within `min..=max`.
    pub fn opt_u32(&self, key: &str, min: u32, max: u32, problems: &mut Vec<Issue>) -> Option<u32> {
        let v = self.map.get(key)?;
        let n = v.as_u64().filter(|n| (u64::from(min)..=u64::from(max)).contains(n));
        if n.is_none() {
            problems.push(
                Issue::error(self.at(key), Code::TemplateInvalidValue)
                    .with("expected", format!("a whole number from {min} to {max}")),
            );
        }
        n.map(|n| n as u32)
    }

    /// An optional exact decimal number.
    pub fn opt_decimal(&self, key: &str, problems: &mut Vec<Issue>) -> Option<Decimal> {
        let v = self.map.get(key)?;
        let d = crate::number::decimal_of(v);
        if d.is_none() {
            problems.push(wrong_type(&self.at(key), "number"));
        }
        d
    }

    /// A required array.
    pub fn req_array(&self, key: &str, problems: &mut Vec<Issue>) -> Option<&'a Vec<Value>> {
        let v = self.req(key, problems)?;
        match v.as_array() {
            Some(a) => Some(a),
            None => {
                problems.push(wrong_type(&self.at(key), "array"));
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
