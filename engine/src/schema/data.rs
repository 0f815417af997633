//! The JSON Schema of the data documents a template accepts. It describes
//! shape and types; rules the schema language cannot state as the engine
//! checks them (UTF-16 lengths, exact decimals, required-in-every-language,
//! conditions) are given as `x-` annotations, and `hitforms validate` remains
//! the judge.

use crate::template::{Choices, FieldKind, Group, Template};
use serde_json::{Map, Value, json};

/// The JSON Schema (2020-12) of `template`'s data documents.
pub fn data_schema(template: &Template) -> Value {
    let mut schema = group(template, &template.root);
    let root = schema.as_object_mut().expect("a group schema is an object");
    root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    root.insert("title".into(), json!(format!("Data of {} {}", template.id, template.version)));
    schema
}

fn group(template: &Template, g: &Group) -> Value {
    let props: Map<String, Value> = g
        .fields
        .iter()
        .map(|f| {
            let mut s = field(template, &f.kind);
            if let Some(obj) = s.as_object_mut() {
                obj.insert("title".into(), json!(f.label.get("en")));
                if f.required == crate::template::Cond::Fixed(true) {
                    obj.insert("x-requiredBeforeSubmission".into(), json!(true));
                }
            }
            (f.id.clone(), s)
        })
        .collect();
    json!({"type": "object", "properties": props})
}

fn number(n: &crate::template::NumberRules) -> Value {
    let mut s = json!({"type": ["number", "string"], "x-scale": n.scale,
        "description": "An exact decimal (a JSON number or a decimal string)."});
    if let Some(min) = n.min {
        s["x-minimum"] = json!(min.to_string());
    }
    if let Some(max) = n.max {
        s["x-maximum"] = json!(max.to_string());
    }
    s
}

fn field(template: &Template, kind: &FieldKind) -> Value {
    let utf16 = |max: Option<u32>| match max {
        Some(m) => json!({"type": "string", "x-maxLengthUtf16": m}),
        None => json!({"type": "string"}),
    };
    match kind {
        FieldKind::Text(r) => utf16(r.max_length),
        FieldKind::Multilingual { rules, languages } => {
            let langs = languages.as_deref().unwrap_or(&template.input_languages);
            json!({"type": "array", "items": {"type": "object", "required": ["language", "translation"],
                "additionalProperties": false,
                "properties": {"language": {"enum": langs}, "translation": utf16(rules.max_length)}}})
        }
        FieldKind::Number(n) => number(n),
        FieldKind::Date { .. } => json!({"type": "string", "format": "date"}),
        FieldKind::Bool => json!({"type": "boolean"}),
        FieldKind::Select(c) => codes(template, c),
        FieldKind::MultiSelect { choices, max_items, .. } => {
            let mut s =
                json!({"type": "array", "uniqueItems": true, "items": codes(template, choices)});
            if let Some(max) = max_items {
                s["maxItems"] = json!(max);
            }
            s
        }
        FieldKind::Group(g) => group(template, g),
        FieldKind::Repeat(r) => {
            json!({"type": "array", "minItems": r.min_items, "maxItems": r.max_items,
            "items": group(template, &r.item)})
        }
        FieldKind::Computed { ty, .. } => {
            let t = match ty {
                crate::shape::Type::Number => json!(["number", "string"]),
                crate::shape::Type::Bool => json!("boolean"),
                _ => json!("string"),
            };
            json!({"type": t, "readOnly": true})
        }
    }
}

fn codes(template: &Template, choices: &Choices) -> Value {
    let list = match choices {
        Choices::Static(o) => Some(o),
        Choices::Named(name) => template.code_lists.get(name).and_then(Option::as_ref),
    };
    match list {
        Some(options) => {
            json!({"enum": options.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>()})
        }
        None => json!({"type": "string"}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_nested_lists_and_codes() {
        let t = Template::load(include_str!("../../../tests/fixtures/all-kinds.json")).unwrap();
        let s = data_schema(&t);
        let partner = &s["properties"]["partners"];
        assert_eq!(partner["maxItems"], 50);
        let row = &partner["items"]["properties"]["budget"]["items"]["properties"];
        assert_eq!(row["price"]["x-scale"], 2);
        assert_eq!(row["total"]["readOnly"], true);
        assert_eq!(s["properties"]["vatRecovery"]["enum"], json!(["Yes", "No", "Partly"]));
        assert_eq!(s["properties"]["nuts"], json!({"type": "string", "title": "NUTS 3"}));
        assert_eq!(
            s["properties"]["title"]["items"]["properties"]["language"]["enum"],
            json!(["EN", "FR"])
        );
        assert_eq!(s["properties"]["acronym"]["x-requiredBeforeSubmission"], true);
    }
}
