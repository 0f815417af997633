//! Records written straight to JSON text: exactly the text
//! `serde_json::to_string(&write_record(..))` gives (keys in the same order,
//! numbers as written), without building the JSON values first. A widget
//! sends the whole document with every change; this halves that work.

use crate::json;
use crate::number::json_number;
use crate::template::{FieldKind, Group};
use crate::value::{Record, Value};

/// Writes a record of `group` as a JSON object into `out`; `false` (and
/// nothing written) when the object would be empty and `skip_empty` holds.
pub(crate) fn write_record_text(
    group: &Group,
    record: &Record,
    out: &mut String,
    skip_empty: bool,
) -> bool {
    // serde_json's map (without `preserve_order`) orders keys as strings:
    // fields first, then the extra keys, a later key replacing an earlier one.
    let mut keys: Vec<(&str, Option<usize>)> = Vec::with_capacity(group.fields.len());
    keys.extend(group.fields.iter().enumerate().map(|(i, f)| (f.id.as_str(), Some(i))));
    keys.extend(record.extra.iter().map(|(k, _)| (k.as_str(), None)));
    keys.sort_by(|a, b| a.0.cmp(b.0));
    let start = out.len();
    out.push('{');
    let mut written = false;
    for (at, (key, slot)) in keys.iter().enumerate() {
        let replaced = keys.get(at + 1).is_some_and(|next| next.0 == *key);
        let mark = out.len();
        if written {
            out.push(',');
        }
        write_str(key, out);
        out.push(':');
        let wrote = match slot {
            Some(i) => match (group.fields.get(*i), record.slots.get(*i)) {
                (Some(field), Some(value)) => write_value_text(&field.kind, value, out),
                _ => false,
            },
            None => {
                // The last value given for the key (the others are replaced).
                let value = record.extra.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
                value.is_some_and(|v| {
                    json::write_into(out, v);
                    true
                })
            }
        };
        if replaced || !wrote {
            out.truncate(mark);
        } else {
            written = true;
        }
    }
    if skip_empty && !written {
        out.truncate(start);
        return false;
    }
    out.push('}');
    true
}

/// Writes one value; `false` (nothing written) for what `write_value` leaves out.
fn write_value_text(kind: &FieldKind, value: &Value, out: &mut String) -> bool {
    match value {
        Value::Null => return false,
        Value::Number(d) => json::write_into(out, &json_number(*d)),
        Value::Text(s) => write_str(s, out),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Date(d) => write_str(&d.to_string(), out),
        Value::Multilingual(t) => {
            out.push('[');
            for (i, t) in t.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str("{\"language\":");
                write_str(&t.language, out);
                out.push_str(",\"translation\":");
                write_str(&t.translation, out);
                out.push('}');
            }
            out.push(']');
        }
        Value::Record(r) => match kind {
            FieldKind::Group(g) => return write_record_text(g, r, out, true),
            _ => out.push_str("null"),
        },
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match (kind, item) {
                    (FieldKind::Repeat(rep), Value::Record(r)) => {
                        write_record_text(&rep.item, r, out, false);
                    }
                    (_, Value::Text(s)) => write_str(s, out),
                    (_, Value::Invalid(j)) => json::write_into(out, j),
                    _ => out.push_str("null"),
                }
            }
            out.push(']');
        }
        Value::Invalid(j) => json::write_into(out, j),
    }
    true
}

/// A JSON string, escaped as serde_json escapes it.
fn write_str(s: &str, out: &mut String) {
    json::write_str(out, s);
}
