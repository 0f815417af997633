//! Fields inside a hidden section, group or list are not validated, by a
//! full validation or after an edit: whatever the order of edits and
//! toggles, the findings a form keeps equal a full validation.

use hitforms_engine::{FormState, Issue, Template};
use proptest::prelude::*;
use serde_json::json;

const TEMPLATE: &str = r#"{
  "id": "hidden", "version": "1", "title": {"en": "Hidden parts"},
  "sections": [
    {"id": "switches", "title": {"en": "Switches"}, "fields": [
      {"id": "showSection", "kind": "boolean", "label": {"en": "Show section"}},
      {"id": "showGroup", "kind": "boolean", "label": {"en": "Show group"}},
      {"id": "showRows", "kind": "boolean", "label": {"en": "Show rows"}}
    ]},
    {"id": "extra", "title": {"en": "Extra"}, "visible": "showSection == true", "fields": [
      {"id": "count", "kind": "integer", "label": {"en": "Count"}, "required": true},
      {"id": "details", "kind": "group", "label": {"en": "Details"}, "visible": "showGroup == true",
       "fields": [
        {"id": "amount", "kind": "money", "label": {"en": "Amount"}, "required": true},
        {"id": "rows", "kind": "repeat", "label": {"en": "Rows"}, "visible": "parent.showRows == true",
         "fields": [{"id": "units", "kind": "integer", "label": {"en": "Units"}, "required": true}]}
      ]}
    ]}
  ]
}"#;

fn form() -> FormState {
    let t = Template::load(TEMPLATE).unwrap();
    FormState::new(t, json!({"details": {"rows": [{}, {}]}})).unwrap()
}

fn sorted(issues: impl IntoIterator<Item = Issue>) -> Vec<String> {
    let mut v: Vec<String> =
        issues.into_iter().map(|i| serde_json::to_string(&i).unwrap()).collect();
    v.sort();
    v
}

const POINTERS: &[&str] = &[
    "/showSection",
    "/showGroup",
    "/showRows",
    "/count",
    "/details/amount",
    "/details/rows/0/units",
    "/details/rows/1/units",
];

#[test]
fn an_edit_inside_a_hidden_group_finds_nothing() {
    let mut form = form();
    form.set_input("/showSection", "true").unwrap();
    form.set_input("/details/amount", "abc").unwrap();
    assert_eq!(sorted(form.field_issues().cloned()), sorted(form.issues()));
    assert!(form.field_issues().all(|i| !i.path.starts_with("/details")));
    // Shown again: the kept value is checked.
    form.set_input("/showGroup", "true").unwrap();
    assert!(form.field_issues().any(|i| i.path == "/details/amount"));
    assert_eq!(sorted(form.field_issues().cloned()), sorted(form.issues()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn kept_findings_equal_full_validation(
        edits in proptest::collection::vec((0..POINTERS.len(), prop_oneof![
            Just(""), Just("true"), Just("false"), Just("12"), Just("abc")
        ]), 1..20)
    ) {
        let mut form = form();
        for (p, typed) in &edits {
            let _ = form.set_input(POINTERS[*p], typed);
            prop_assert_eq!(
                sorted(form.field_issues().cloned()),
                sorted(form.issues()),
                "after {} = {:?}", POINTERS[*p], typed
            );
        }
    }
}
