//! Appending a list item is followed incrementally (the new item's own
//! values computed, what reads the list re-evaluated, nothing else redone):
//! in the HIT application, adding an item to any list leaves exactly the
//! values and findings a form freshly made from the same data has.

mod hit;

use hit::{config, fixtures, read_json, template};
use hitforms_engine::config::Step;
use hitforms_engine::{FormState, Issue, Template};
use serde_json::Value;
use std::sync::Arc;

/// The pointer of every list of objects in `doc` (nested ones too).
fn lists(doc: &Value, at: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                lists(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            out.push(at.to_owned());
            for (i, v) in items.iter().enumerate() {
                lists(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn sorted<'a>(issues: impl IntoIterator<Item = &'a Issue>) -> Vec<String> {
    let mut v: Vec<String> =
        issues.into_iter().map(|i| serde_json::to_string(i).unwrap()).collect();
    v.sort();
    v
}

/// Adds an item to every list of `data` in turn (each time from the same
/// start) and compares with a fresh form over the resulting data.
fn check(t: &Template, data: &Value, setup: &dyn Fn(FormState) -> FormState) {
    let start = setup(FormState::new(t.clone(), data.clone()).unwrap());
    let mut pointers = Vec::new();
    lists(data, "", &mut pointers);
    assert!(pointers.len() > 10, "only {} lists", pointers.len());
    let mut added = 0;
    for pointer in &pointers {
        let mut form = start.clone();
        if form.add_item(pointer).is_err() {
            continue; // a full list, or not a repeat
        }
        added += 1;
        let fresh = setup(FormState::new(t.clone(), form.data()).unwrap());
        assert_eq!(form.data(), fresh.data(), "values after adding to {pointer}");
        assert_eq!(
            sorted(form.field_issues()),
            sorted(fresh.field_issues()),
            "findings after adding to {pointer}"
        );
        assert_eq!(sorted(form.field_issues()), sorted(&form.issues()), "{pointer}");
    }
    assert!(added > 10, "only {added} lists took an item");
}

#[test]
fn adding_an_item_anywhere_equals_a_fresh_form_without_a_configuration() {
    let t = template("hit-application");
    let data = read_json(&fixtures().join("examples/one-step-valid.json"));
    check(&t, &data, &|f| f);
}

#[test]
fn adding_an_item_anywhere_equals_a_fresh_form_under_a_call_configuration() {
    let t = template("hit-application");
    let json = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates/hit/call-standard-one-step.json"),
    )
    .unwrap();
    let c = Arc::new(config(&t, &json));
    let data = read_json(&fixtures().join("examples/one-step-valid.json"));
    check(&t, &data, &|f| f.with_config(c.clone(), Step::Two));
}

#[test]
fn a_new_item_computes_values_that_read_only_outside_it() {
    let t = Template::load(
        r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s",
        "title": {"en": "S"}, "fields": [
          {"id": "rate", "kind": "integer", "label": {"en": "Rate"}},
          {"id": "rows", "kind": "repeat", "label": {"en": "Rows"}, "fields": [
            {"id": "double", "kind": "computed", "label": {"en": "Double"}, "type": "number",
             "expression": "rate * 2"},
            {"id": "units", "kind": "integer", "label": {"en": "Units"}}]},
          {"id": "count", "kind": "computed", "label": {"en": "Count"}, "type": "number",
           "expression": "count(rows)"}]}]}"#,
    )
    .unwrap();
    let mut form = FormState::new(t, serde_json::json!({"rate": 4})).unwrap();
    let (index, changed) = form.add_item("/rows").unwrap();
    assert_eq!(index, 0);
    let data = form.data();
    assert_eq!(data["rows"][0]["double"], 8, "{data}");
    assert_eq!(data["count"], 1, "{data}");
    assert!(changed.iter().any(|c| c == "/count"), "{changed:?}");
    assert!(changed.iter().any(|c| c == "/rows"), "{changed:?}");
}
