//! Data documents ↔ typed records. A JSON data document is read once against
//! the template's groups into [`Record`]s (numbers become exact decimals,
//! dates are parsed, every value sits in its field's slot) and written back
//! as JSON in field order. Reading never fails and never drops anything: a
//! value that does not fit its field is kept as [`Value::Invalid`], a key no
//! field declares is kept in [`Record::extra`]; validation reports both.

mod text;

pub(crate) use text::write_record_text;

use crate::number::{decimal_of, json_number};
use crate::template::{FieldKind, Group};
use crate::value::{Date, Record, Translation, Value};
use serde_json::{Map, Value as Json};

/// Reads a JSON object into a record of `group`; a non-object gives an
/// empty record (whose groups, at any depth, are empty records too).
pub fn read_record(group: &Group, json: &Json) -> Record {
    let Some(map) = json.as_object() else {
        let slots = group
            .fields
            .iter()
            .map(|f| match &f.kind {
                FieldKind::Group(g) => Value::Record(read_record(g, &Json::Null)),
                _ => Value::Null,
            })
            .collect();
        return Record { slots, extra: Vec::new() };
    };
    let slots = group
        .fields
        .iter()
        .map(|f| match (map.get(&f.id), &f.kind) {
            // A group always exists as a record, so its fields can be filled.
            (None | Some(Json::Null), FieldKind::Group(g)) => {
                Value::Record(read_record(g, &Json::Null))
            }
            (None, _) => Value::Null,
            (Some(v), kind) => read_value(kind, v),
        })
        .collect();
    let extra = map
        .iter()
        .filter(|(k, _)| group.field(k).is_none())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Record { slots, extra }
}

/// Reads one JSON value for a field of `kind`.
pub fn read_value(kind: &FieldKind, json: &Json) -> Value {
    if json.is_null() {
        return Value::Null;
    }
    let invalid = || Value::Invalid(json.clone());
    match kind {
        FieldKind::Text(_) | FieldKind::Select(_) => {
            json.as_str().map_or_else(invalid, |s| Value::Text(s.to_owned()))
        }
        FieldKind::Multilingual { .. } => read_multilingual(json).unwrap_or_else(invalid),
        FieldKind::Number(_) => decimal_of(json).map_or_else(invalid, Value::Number),
        FieldKind::Date { .. } => {
            json.as_str().and_then(Date::parse).map_or_else(invalid, Value::Date)
        }
        FieldKind::Bool => json.as_bool().map_or_else(invalid, Value::Bool),
        FieldKind::MultiSelect { .. } => match json.as_array() {
            Some(items) if items.iter().all(Json::is_string) => Value::List(
                items
                    .iter()
                    .map(|s| Value::Text(s.as_str().unwrap_or_default().to_owned()))
                    .collect(),
            ),
            _ => invalid(),
        },
        FieldKind::Group(g) => {
            if json.is_object() {
                Value::Record(read_record(g, json))
            } else {
                invalid()
            }
        }
        FieldKind::Repeat(r) => match json.as_array() {
            Some(items) => Value::List(
                items
                    .iter()
                    .map(|i| {
                        if i.is_object() {
                            Value::Record(read_record(&r.item, i))
                        } else {
                            Value::Invalid(i.clone())
                        }
                    })
                    .collect(),
            ),
            None => invalid(),
        },
        FieldKind::Computed { ty, .. } => match ty {
            crate::shape::Type::Number => decimal_of(json).map_or_else(invalid, Value::Number),
            crate::shape::Type::Bool => json.as_bool().map_or_else(invalid, Value::Bool),
            crate::shape::Type::Date => {
                json.as_str().and_then(Date::parse).map_or_else(invalid, Value::Date)
            }
            _ => json.as_str().map_or_else(invalid, |s| Value::Text(s.to_owned())),
        },
    }
}

/// `[{language, translation}]` with string members, else `None`.
fn read_multilingual(json: &Json) -> Option<Value> {
    let entries = json.as_array()?;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let obj = e.as_object()?;
        let language = obj.get("language")?.as_str()?.to_owned();
        let translation = obj.get("translation")?.as_str()?.to_owned();
        if obj.len() != 2 {
            return None;
        }
        out.push(Translation { language, translation });
    }
    Some(Value::Multilingual(out))
}

/// Writes a record of `group` as a JSON object: fields in slot order (null
/// values left out), then the extra keys.
pub fn write_record(group: &Group, record: &Record) -> Json {
    let mut map = Map::new();
    for (field, value) in group.fields.iter().zip(&record.slots) {
        if let Some(json) = write_value(&field.kind, value) {
            map.insert(field.id.clone(), json);
        }
    }
    for (k, v) in &record.extra {
        map.insert(k.clone(), v.clone());
    }
    Json::Object(map)
}

/// Writes one value; `None` for null.
pub fn write_value(kind: &FieldKind, value: &Value) -> Option<Json> {
    Some(match value {
        Value::Null => return None,
        Value::Number(d) => json_number(*d),
        Value::Text(s) => Json::String(s.clone()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Date(d) => Json::String(d.to_string()),
        Value::Multilingual(t) => Json::Array(
            t.iter()
                .map(|t| serde_json::json!({"language": t.language, "translation": t.translation}))
                .collect(),
        ),
        Value::Record(r) => match kind {
            FieldKind::Group(g) => match write_record(g, r) {
                Json::Object(m) if m.is_empty() => return None,
                json => json,
            },
            _ => Json::Null,
        },
        Value::List(items) => Json::Array(
            items
                .iter()
                .map(|item| match (kind, item) {
                    (FieldKind::Repeat(rep), Value::Record(r)) => write_record(&rep.item, r),
                    (_, Value::Text(s)) => Json::String(s.clone()),
                    (_, Value::Invalid(j)) => j.clone(),
                    _ => Json::Null,
                })
                .collect(),
        ),
        Value::Invalid(j) => j.clone(),
    })
}

#[cfg(test)]
mod tests;
