//! The JSON Schema of the template format, for editor autocompletion and
//! checking. It is generated from the same property tables the loader
//! uses, so the two cannot drift apart (a test checks every property the
//! loader accepts has a schema).

use crate::template::fields::{COMMON, KINDS, kind_keys};
use crate::template::load::{ROOT_KEYS, RULE_KEYS, SECTION_KEYS};
use serde_json::{Map, Value, json};

/// The schema of one template property, by name.
fn property(name: &str) -> Option<Value> {
    let text = json!({"$ref": "#/$defs/text"});
    let expr = json!({"type": "string", "description": "An expression (docs/expressions.md)."});
    let cond = json!({"oneOf": [{"type": "boolean"}, expr]});
    let count = json!({"type": "integer", "minimum": 0});
    let number = json!({"type": ["number", "string"], "description": "An exact decimal number."});
    let options = json!({"type": "array", "items": {"type": "object", "required": ["value", "label"],
        "additionalProperties": false, "properties": {"value": {"type": "string"}, "label": text}}});
    Some(match name {
        "$schema" => json!({"type": "string"}),
        "id" => json!({"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]{0,63}$"}),
        "version" | "codeList" | "field" | "visibilityId" | "numbering" | "numberAs" => {
            json!({"type": "string"})
        }
        "code" => {
            json!({"type": "string", "description": "The finding's stable code, e.g. partners.one_lead."})
        }
        "title" | "label" | "help" | "message" | "text" => text,
        "inputLanguages" | "languages" => json!({"type": "array", "minItems": 1, "maxItems": 4,
            "items": {"type": "string", "pattern": "^[A-Z]{2}$"}, "uniqueItems": true}),
        "sections" => json!({"type": "array", "items": {"$ref": "#/$defs/section"}}),
        "fields" | "columns" => json!({"type": "array", "items": {"$ref": "#/$defs/node"}}),
        "rules" => json!({"type": "array", "items": {"$ref": "#/$defs/rule"}}),
        "codeLists" => {
            json!({"type": "object", "additionalProperties": {"oneOf": [options, {"const": "external"}]}})
        }
        "parameters" | "visibility" => {
            json!({"type": "object", "description": "See docs/configuration.md."})
        }
        "kind" => json!({"enum": KINDS.iter().chain(&["static"]).collect::<Vec<_>>()}),
        "required" | "visible" | "readonly" => cond,
        "when" | "assert" | "expression" | "rowsFrom" => expr,
        "maxLength" => json!({"type": "integer", "minimum": 1, "maximum": 1_000_000}),
        "multiline" | "rowTotals" => json!({"type": "boolean"}),
        "totals" => json!({"type": "array", "items": {"type": "string"},
            "description": "Ids of the number columns a table totals (default: its money columns)."}),
        "min" | "max" => json!({"oneOf": [number, {"type": "string", "format": "date"}]}),
        "scale" => json!({"type": "integer", "minimum": 0, "maximum": 10}),
        "minItems" | "maxItems" | "minRows" | "maxRows" => count,
        "options" => options,
        "configurable" => json!({"type": "array", "uniqueItems": true,
            "items": {"enum": ["maxLength", "min", "max", "maxItems"]}}),
        "type" => json!({"enum": ["number", "text", "boolean", "date"]}),
        "severity" => json!({"enum": ["error", "warning"]}),
        "numberingWhen" => json!({"type": "array", "items": {"type": "object",
            "required": ["when", "numbering"], "additionalProperties": false,
            "properties": {"when": expr, "numbering": {"type": "string"}}}}),
        _ => return None,
    })
}

fn object(keys: &[&str], required: &[&str]) -> Value {
    let props: Map<String, Value> =
        keys.iter().filter_map(|k| Some((k.to_string(), property(k)?))).collect();
    json!({"type": "object", "required": required, "additionalProperties": false, "properties": props})
}

/// The JSON Schema (2020-12) of template documents.
pub fn template_schema() -> Value {
    let kinds: Vec<Value> = KINDS
        .iter()
        .map(|kind| {
            let keys: Vec<&str> =
                COMMON.iter().chain(kind_keys(kind).unwrap_or(&[])).copied().collect();
            let mut schema = object(&keys, &["id", "kind"]);
            schema["properties"]["kind"] = json!({"const": kind});
            schema
        })
        .collect();
    let mut static_text = object(&["kind", "text", "id"], &["kind", "text"]);
    static_text["properties"]["kind"] = json!({"const": "static"});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://hitforms.invalid/schema/template.json",
        "title": "hitforms template",
        "description": "A declarative form template (docs/templates.md).",
        "allOf": [object(ROOT_KEYS, &["id", "version", "title", "sections"])],
        "$defs": {
            "text": {"type": "object", "description": "Text per UI language (two-letter lower-case code).",
                     "propertyNames": {"pattern": "^[a-z]{2}$"}, "additionalProperties": {"type": "string"}},
            "section": object(SECTION_KEYS, &["id", "title", "fields"]),
            "rule": object(RULE_KEYS, &["id", "assert", "code", "message"]),
            "node": {"oneOf": kinds.into_iter().chain([static_text]).collect::<Vec<_>>()},
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_property_the_loader_accepts_has_a_schema() {
        let mut all: Vec<&str> =
            ROOT_KEYS.iter().chain(SECTION_KEYS).chain(RULE_KEYS).chain(COMMON).copied().collect();
        for kind in KINDS {
            all.extend(kind_keys(kind).expect("every listed kind has keys"));
        }
        for key in all {
            assert!(property(key).is_some(), "no schema for template property {key:?}");
        }
    }

    #[test]
    fn every_kind_is_a_node_alternative() {
        let schema = template_schema();
        let nodes = schema["$defs"]["node"]["oneOf"].as_array().unwrap();
        assert_eq!(nodes.len(), KINDS.len() + 1);
        assert_eq!(nodes[0]["properties"]["kind"]["const"], "text");
    }
}
