//! Extreme inputs, named: each gives errors or findings, never a panic or a
//! hang. The fuzz smoke run (`fuzz_smoke.rs`) covers random inputs; these
//! are the sizes and shapes issue #3 names (cases found by fuzzing are in
//! `fuzz_found.rs`).

use hitforms_engine::{Code, FormState, Template, validate};
use serde_json::{Value, json};

fn template(fields: &str) -> Template {
    let json = format!(
        r#"{{"id": "t", "version": "1", "title": {{"en": "T"}}, "inputLanguages": ["EN"],
            "sections": [{{"id": "s", "title": {{"en": "S"}}, "fields": [{fields}]}}]}}"#
    );
    Template::load(&json).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn codes(issues: &[hitforms_engine::Issue]) -> Vec<(&str, &Code)> {
    issues.iter().map(|i| (i.path.as_str(), &i.code)).collect()
}

#[test]
fn nesting_100000_deep_is_a_json_error() {
    for deep in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
        let (template, problems) = Template::load_lenient(&deep);
        assert!(template.is_none());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Code::TemplateJson);
        // Data reaches the engine through serde_json (CLI, widgets), whose
        // recursion limit (128) refuses it before any engine code runs.
        let err = serde_json::from_str::<Value>(&deep).unwrap_err();
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }
}

#[test]
fn a_10_mb_string_is_counted_and_refused() {
    let t = template(
        r#"{"id": "name", "kind": "text", "label": {"en": "N"}, "maxLength": 100},
           {"id": "summary", "kind": "multilingualText", "label": {"en": "S"}, "maxLength": 2000}"#,
    );
    let huge = "é".repeat(5 * 1024 * 1024); // 10 MiB of UTF-8
    let doc = json!({"name": huge, "summary": [{"language": "EN", "translation": huge}]});
    let issues = validate(&t, &doc);
    assert_eq!(
        codes(&issues),
        [("/name", &Code::TextTooLong), ("/summary/0/translation", &Code::TextTooLong)]
    );
    assert_eq!(issues[0].params["length"], 5 * 1024 * 1024);
    let mut form = FormState::new(t, json!({})).unwrap();
    form.set_input("/name", &huge).unwrap();
    assert_eq!(form.view("/name", "en").unwrap().parts[0].length, 5 * 1024 * 1024);
    form.set_translation("/summary", "EN", &huge).unwrap();
    assert_eq!(form.field_issues().count(), 2);
}

#[test]
fn numbers_beyond_decimal_are_invalid_not_rounded() {
    let t = template(
        r#"{"id": "n", "kind": "decimal", "label": {"en": "N"}, "scale": 2},
           {"id": "m", "kind": "money", "label": {"en": "M"}}"#,
    );
    let out_of_range = [
        "1e400",
        "-1e-400",
        "99999999999999999999999999999999",
        "79228162514264337593543950336",
        "0.0000000000000000000000000000001",
        "1e4294967296",
    ];
    let mut form = FormState::new(t.clone(), json!({})).unwrap();
    for literal in out_of_range {
        let number: Value = serde_json::from_str(literal).unwrap();
        for doc in [json!({"n": number}), json!({"n": literal})] {
            assert_eq!(codes(&validate(&t, &doc)), [("/n", &Code::NumberInvalid)], "{doc}");
        }
        form.set_input("/m", literal).unwrap();
        assert_eq!(codes(&form.issues()), [("/m", &Code::NumberInvalid)], "{literal}");
    }
    // In a template, such a bound is a problem of the template.
    let json = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s",
      "title": {"en": "S"}, "fields": [{"id": "n", "kind": "decimal", "label": {"en": "N"},
      "min": 1e400, "max": 99999999999999999999999999999999, "scale": 4294967296}]}]}"#;
    let problems = Template::load(json).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn a_repeat_with_100000_items() {
    let t = template(
        r#"{"id": "items", "kind": "repeat", "label": {"en": "I"}, "maxItems": 100000,
            "fields": [{"id": "name", "kind": "text", "label": {"en": "N"}, "required": true}]}"#,
    );
    let items: Vec<Value> = (0..100_000).map(|i| json!({"name": format!("item {i}")})).collect();
    let doc = json!({ "items": items });
    assert!(validate(&t, &doc).is_empty());
    let mut form = FormState::new(t, doc).unwrap();
    form.set_input("/items/99999/name", "").unwrap();
    assert_eq!(codes(&form.issues()), [("/items/99999/name", &Code::Required)]);
    assert_eq!(form.add_item("/items").unwrap_err().code, Code::ListTooMany);
    form.remove_item("/items", 0).unwrap();
    assert_eq!(codes(&form.issues()), [("/items/99998/name", &Code::Required)]);
}

#[test]
fn a_template_with_10000_fields() {
    let fields: Vec<String> = (0..10_000)
        .map(|i| {
            format!(r#"{{"id": "f{i}", "kind": "text", "label": {{"en": "F"}}, "required": true}}"#)
        })
        .collect();
    let t = template(&fields.join(","));
    assert_eq!(t.root.fields.len(), 10_000);
    assert_eq!(validate(&t, &json!({})).len(), 10_000);
    let mut form = FormState::new(t, json!({})).unwrap();
    assert_eq!(form.set_input("/f9999", "x").unwrap(), ["/f9999"]);
    assert_eq!(form.field_issues().count(), 9_999);
}
