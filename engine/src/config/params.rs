//! Parameters: named values that expressions read as `$name`. A template
//! declares them (type, default, range) in its top-level `parameters`; a
//! call configuration gives their values. Call settings are parameters too
//! (see `call_params.rs`); their names are reserved.

use super::call_params;
use crate::issue::{Code, Issue, pointer_push};
use crate::number::decimal_of;
use crate::shape::Type;
use crate::sorted_map::SortedMap;
use crate::template::read::{Doc, Obj, object_in};
use crate::value::{Date, Value};
use serde_json::Value as Json;
use std::cmp::Ordering;

/// The type of a declared parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// An exact decimal number.
    Number,
    /// A text.
    Text,
    /// Yes/no.
    Boolean,
    /// A calendar date `YYYY-MM-DD`.
    Date,
}

impl ParamType {
    /// The JSON name: `number`, `text`, `boolean` or `date`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamType::Number => "number",
            ParamType::Text => "text",
            ParamType::Boolean => "boolean",
            ParamType::Date => "date",
        }
    }

    /// The type expressions see.
    pub fn value_type(self) -> Type {
        match self {
            ParamType::Number => Type::Number,
            ParamType::Text => Type::Text,
            ParamType::Boolean => Type::Bool,
            ParamType::Date => Type::Date,
        }
    }

    /// Reads a JSON value of this type; `None` when it has another type.
    fn value_of(self, json: &Json) -> Option<Value> {
        match (self, json) {
            (ParamType::Number, Json::Number(_)) => decimal_of(json).map(Value::Number),
            (ParamType::Text, Json::String(s)) => Some(Value::Text(s.clone())),
            (ParamType::Boolean, Json::Bool(b)) => Some(Value::Bool(*b)),
            (ParamType::Date, Json::String(s)) => Date::parse(s).map(Value::Date),
            _ => None,
        }
    }

    fn expected(self) -> &'static str {
        match self {
            ParamType::Number => "a number",
            ParamType::Text => "a string",
            ParamType::Boolean => "true or false",
            ParamType::Date => "a date YYYY-MM-DD",
        }
    }
}

/// One declared parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamDecl {
    /// Its type.
    pub ty: ParamType,
    /// The value used when a configuration gives none.
    pub default: Option<Value>,
    /// Smallest allowed value (numbers and dates).
    pub min: Option<Value>,
    /// Largest allowed value (numbers and dates).
    pub max: Option<Value>,
}

impl ParamDecl {
    /// Reads `json` as a value of this parameter, checking type and range.
    fn check(&self, json: &Json, at: &str, doc: Doc, problems: &mut Vec<Issue>) -> Option<Value> {
        let Some(v) = self.ty.value_of(json) else {
            problems.push(doc.wrong_type(at, self.ty.expected()));
            return None;
        };
        let below = self.min.as_ref().is_some_and(|m| compare(&v, m) == Some(Ordering::Less));
        let above = self.max.as_ref().is_some_and(|m| compare(&v, m) == Some(Ordering::Greater));
        if below || above {
            let show = |b: &Option<Value>| b.as_ref().map_or("…".to_owned(), display);
            let expected = format!("a value from {} to {}", show(&self.min), show(&self.max));
            problems.push(doc.out_of_range(at, &expected));
            return None;
        }
        Some(v)
    }
}

/// The parameters a template declares.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParamDecls {
    /// Sorted by name, names unique: a sorted vector rather than one more
    /// BTreeMap instantiation in the wasm build (docs/decisions.md).
    pub(crate) decls: Vec<(String, ParamDecl)>,
}

const DECL_KEYS: &[&str] = &["type", "default", "min", "max"];
const TYPES: [ParamType; 4] =
    [ParamType::Number, ParamType::Text, ParamType::Boolean, ParamType::Date];

impl ParamDecls {
    /// Reads a template's `parameters` value at `path`, reporting every
    /// problem (`template.*` codes); declarations with problems are left out.
    pub fn read(value: &Json, path: &str, problems: &mut Vec<Issue>) -> ParamDecls {
        let mut decls = Vec::new();
        let Some(map) = value.as_object() else {
            problems
                .push(Doc::Template.wrong_type(path, "object of parameter name to declaration"));
            return ParamDecls { decls };
        };
        for (name, v) in map {
            let at = pointer_push(path, name);
            let bad_name = !valid_name(name) || call_params::is_reserved(name);
            if bad_name {
                problems.push(
                    Issue::error(&at, Code::TemplateInvalidValue)
                        .with("value", name.as_str())
                        .with(
                            "expected",
                            "a name of letters, digits and _ not used by a call setting",
                        ),
                );
            }
            if let Some(obj) = object_in(Doc::Template, v, &at, DECL_KEYS, problems)
                && let Some(decl) = read_decl(&obj, problems)
                && !bad_name
            {
                match decls.binary_search_by(|(n, _): &(String, ParamDecl)| n.cmp(name)) {
                    Ok(at) => decls[at].1 = decl,
                    Err(at) => decls.insert(at, (name.clone(), decl)),
                }
            }
        }
        ParamDecls { decls }
    }

    /// The declaration of `name`.
    pub fn get(&self, name: &str) -> Option<&ParamDecl> {
        let at = self.decls.binary_search_by(|(n, _)| n.as_str().cmp(name)).ok()?;
        Some(&self.decls[at].1)
    }

    /// Every declaration, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ParamDecl)> {
        self.decls.iter().map(|(n, d)| (n.as_str(), d))
    }

    /// The name and type of every parameter an expression may read: the
    /// declared ones and those every call configuration provides.
    pub fn types(&self) -> Vec<(String, Type)> {
        let declared = self.iter().map(|(n, d)| (n.to_owned(), d.ty.value_type()));
        call_params::types().into_iter().map(|(n, t)| (n.to_owned(), t)).chain(declared).collect()
    }

    /// Reads a configuration's `parameters` (absent: `None`) at `path`:
    /// every declared parameter gets its value or default; unknown names,
    /// bad values and missing values without default are reported.
    pub(crate) fn values(
        &self,
        given: Option<&Json>,
        path: &str,
        problems: &mut Vec<Issue>,
    ) -> SortedMap<Value> {
        let empty = serde_json::Map::new();
        let map = match given {
            None => &empty,
            Some(Json::Object(map)) => map,
            Some(_) => {
                problems.push(Doc::Config.wrong_type(path, "object of parameter name to value"));
                &empty
            }
        };
        for name in map.keys().filter(|n| self.get(n).is_none()) {
            problems.push(
                Issue::error(pointer_push(path, name), Code::ConfigUnknownParameter)
                    .with("name", name.as_str()),
            );
        }
        let mut out = SortedMap::new();
        for (name, decl) in &self.decls {
            let value = match map.get(name) {
                Some(json) => decl.check(json, &pointer_push(path, name), Doc::Config, problems),
                None if decl.default.is_some() => decl.default.clone(),
                None => {
                    let at = if given.is_some() { path } else { "" };
                    problems.push(
                        Issue::error(at, Code::ConfigMissingParameter).with("name", name.as_str()),
                    );
                    None
                }
            };
            if let Some(v) = value {
                out.insert(name.clone(), v);
            }
        }
        out
    }
}

fn read_decl(obj: &Obj, problems: &mut Vec<Issue>) -> Option<ParamDecl> {
    let name = obj.req_str("type", problems)?;
    let Some(ty) = TYPES.into_iter().find(|t| t.as_str() == name) else {
        problems.push(
            Issue::error(obj.at("type"), Code::TemplateInvalidValue)
                .with("value", name)
                .with("expected", "number, text, boolean or date"),
        );
        return None;
    };
    let before = problems.len();
    let bound = |key: &str, problems: &mut Vec<Issue>| {
        let json = obj.map.get(key)?;
        if !matches!(ty, ParamType::Number | ParamType::Date) {
            problems.push(Doc::Template.out_of_range(&obj.at(key), "no bound on this type"));
            return None;
        }
        ty.value_of(json).or_else(|| {
            problems.push(Doc::Template.wrong_type(&obj.at(key), ty.expected()));
            None
        })
    };
    let (min, max) = (bound("min", problems), bound("max", problems));
    if let (Some(a), Some(b)) = (&min, &max)
        && compare(a, b) == Some(Ordering::Greater)
    {
        problems.push(Doc::Template.out_of_range(&obj.at("min"), "min not above max"));
    }
    let mut decl = ParamDecl { ty, default: None, min, max };
    if let Some(json) = obj.map.get("default") {
        decl.default = decl.check(json, &obj.at("default"), Doc::Template, problems);
    }
    (problems.len() == before).then_some(decl)
}

/// Orders two numbers or two dates.
fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn display(v: &Value) -> String {
    match v {
        Value::Number(d) => d.to_string(),
        Value::Date(d) => d.to_string(),
        other => format!("{other:?}"),
    }
}

/// Whether `name` can be written `$name` in an expression.
fn valid_name(name: &str) -> bool {
    name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decls() -> ParamDecls {
        let mut p = Vec::new();
        let d = ParamDecls::read(
            &json!({
                "maxDuration": {"type": "number", "default": 36, "min": 1, "max": 120},
                "programme": {"type": "text"},
                "strict": {"type": "boolean", "default": false},
                "deadline": {"type": "date", "min": "2026-01-01"}
            }),
            "/parameters",
            &mut p,
        );
        assert_eq!(p, []);
        d
    }

    fn values(given: serde_json::Value) -> (SortedMap<Value>, Vec<(String, Code)>) {
        let mut p = Vec::new();
        let v = decls().values(Some(&given), "/parameters", &mut p);
        (v, p.into_iter().map(|i| (i.path, i.code)).collect())
    }

    #[test]
    fn declarations_report_every_problem() {
        let mut p = Vec::new();
        let d = ParamDecls::read(
            &json!({
                "a": {"type": "colour"},
                "b": {"type": "text", "min": 1},
                "c": {"type": "number", "default": 200, "max": 100},
                "d": {"type": "number", "min": 5, "max": 1},
                "periodLength": {"type": "number"},
                "9lives": {"type": "number"},
                "e": {"type": "date", "default": "2026-02-30"}
            }),
            "/parameters",
            &mut p,
        );
        let got: Vec<_> = p.iter().map(|i| (i.path.as_str(), &i.code)).collect();
        assert_eq!(
            got,
            [
                ("/parameters/9lives", &Code::TemplateInvalidValue),
                ("/parameters/a/type", &Code::TemplateInvalidValue),
                ("/parameters/b/min", &Code::TemplateInvalidValue),
                ("/parameters/c/default", &Code::TemplateInvalidValue),
                ("/parameters/d/min", &Code::TemplateInvalidValue),
                ("/parameters/e/default", &Code::TemplateWrongType),
                ("/parameters/periodLength", &Code::TemplateInvalidValue),
            ]
        );
        assert_eq!(d.iter().count(), 0);
    }

    #[test]
    fn values_are_typed_checked_and_defaulted() {
        let (v, p) = values(json!({"programme": "Interreg Baltic", "deadline": "2026-06-30"}));
        assert_eq!(p, []);
        assert_eq!(v["maxDuration"], Value::Number(36.into()));
        assert_eq!(v["strict"], Value::Bool(false));
        assert_eq!(v["deadline"], Value::Date(Date::parse("2026-06-30").unwrap()));

        let (v, p) = values(json!({"maxDuration": "36", "strict": 1, "deadline": "2025-12-31",
                                   "colour": "red"}));
        let want = [
            ("/parameters/colour", Code::ConfigUnknownParameter),
            ("/parameters", Code::ConfigMissingParameter),
            ("/parameters/maxDuration", Code::ConfigWrongType),
            ("/parameters/strict", Code::ConfigWrongType),
            ("/parameters/deadline", Code::ConfigOutOfRange),
        ];
        let got: Vec<_> = p.iter().map(|(a, c)| (a.as_str(), c)).collect();
        assert_eq!(got.len(), want.len());
        for (a, c) in &want {
            assert!(got.contains(&(*a, c)), "{a} {c:?} in {got:?}");
        }
        assert!(v.get("maxDuration").is_none());
    }

    #[test]
    fn types_include_the_call_parameters() {
        let types = decls().types();
        assert!(types.contains(&("maxDuration".into(), Type::Number)));
        assert!(types.contains(&("deadline".into(), Type::Date)));
        assert!(types.contains(&("periodLength".into(), Type::Number)));
    }
}
