//! The navigation and layout API: section outline (visibility, completion,
//! counts), findings placed for an error summary, container entries, list
//! shapes and table totals.

use hitforms_engine::{Completion, Entry, FormState, Template, builtin_template};
use serde_json::json;

fn form(data: serde_json::Value) -> FormState {
    let template = Template::load(
        r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [
      {"id": "a", "title": {"en": "About"}, "fields": [
        {"id": "name", "kind": "text", "label": {"en": "Name"}, "required": true},
        {"id": "abroad", "kind": "boolean", "label": {"en": "Abroad"}},
        {"id": "note", "kind": "static", "text": {"en": "Read this."}}
      ]},
      {"id": "b", "title": {"en": "Abroad"}, "visible": "abroad == true", "fields": [
        {"id": "country", "kind": "text", "label": {"en": "Country"}, "required": true}
      ]},
      {"id": "c", "title": {"en": "Costs"}, "fields": [
        {"id": "items", "kind": "repeat", "label": {"en": "Items"}, "numbering": "I{n}",
         "maxItems": 3, "fields": [
          {"id": "what", "kind": "text", "label": {"en": "What"}, "required": true},
          {"id": "periods", "kind": "table", "label": {"en": "Periods"}, "rowTotals": true,
           "totals": ["staff", "travel"], "columns": [
            {"id": "number", "kind": "integer", "label": {"en": "Period"}},
            {"id": "staff", "kind": "money", "label": {"en": "Staff"}},
            {"id": "travel", "kind": "money", "label": {"en": "Travel"}}
          ]}
        ]},
        {"id": "spent", "kind": "table", "label": {"en": "Spent"}, "columns": [
          {"id": "amount", "kind": "money", "label": {"en": "Amount"}},
          {"id": "share", "kind": "percentage", "label": {"en": "Share"}}
        ]}
      ]}
    ]}"#,
    )
    .unwrap();
    FormState::new(template, data).unwrap()
}

#[test]
fn sections_report_visibility_completion_and_counts() {
    let mut f = form(json!({}));
    let o = f.outline("en");
    let ids: Vec<(&str, bool)> = o.sections.iter().map(|s| (s.id.as_str(), s.visible)).collect();
    assert_eq!(ids, [("a", true), ("b", false), ("c", true)]);
    assert_eq!((o.sections[0].errors, o.sections[0].completion), (1, Completion::NotStarted));
    assert_eq!((o.sections[0].filled, o.sections[0].fields), (0, 2));
    // A hidden section is not validated, so it counts nothing.
    assert_eq!(o.sections[1].errors, 0);
    assert_eq!(o.errors, 1);

    f.set_input("/abroad", "true").unwrap();
    let o = f.outline("en");
    assert!(o.sections[1].visible);
    assert_eq!((o.sections[0].completion, o.sections[0].errors), (Completion::InProgress, 1));
    assert_eq!(o.sections[1].errors, 1, "the shown section is validated");

    f.set_input("/name", "Ada").unwrap();
    f.set_input("/country", "AT").unwrap();
    let o = f.outline("en");
    assert_eq!(o.sections[0].completion, Completion::Complete);
    assert_eq!(o.sections[1].completion, Completion::Complete);
    assert_eq!(o.sections[2].completion, Completion::NotStarted);
    assert_eq!(o.errors, 0);
}

#[test]
fn findings_are_placed_in_words_and_by_section() {
    let mut f = form(json!({"items": [{"what": "x"}, {}]}));
    let findings = f.findings("en");
    let placed: Vec<(&str, Option<usize>, &str)> =
        findings.iter().map(|x| (x.pointer.as_str(), x.section, x.place.as_str())).collect();
    assert_eq!(
        placed,
        [("/name", Some(0), "Name"), ("/items/1/what", Some(2), "Items › I2 › What")]
    );
    assert_eq!(findings[0].message, "This field is required.");
    let o = f.outline("en");
    assert_eq!((o.sections[2].errors, o.sections[2].completion), (1, Completion::InProgress));
    f.remove_item("/items", 1).unwrap();
    assert_eq!(f.outline("en").sections[2].errors, 0);
}

#[test]
fn entries_of_sections_groups_and_items() {
    let f = form(json!({"items": [{}]}));
    assert_eq!(
        f.section_entries(0, "en"),
        [
            Entry::Field("/name".into()),
            Entry::Field("/abroad".into()),
            Entry::Static("Read this.".into())
        ]
    );
    assert_eq!(
        f.entries("/items/0", "en"),
        [Entry::Field("/items/0/what".into()), Entry::Field("/items/0/periods".into())]
    );
    assert!(f.entries("/items/1", "en").is_empty(), "no such item");
    assert!(f.entries("/name", "en").is_empty(), "not a container");
    let info = f.list_info("/items/0/periods", "en").unwrap();
    assert!(info.table && info.row_totals);
    let cols: Vec<(&str, bool)> = info.columns.iter().map(|c| (c.0.as_str(), c.3)).collect();
    assert_eq!(cols, [("number", false), ("staff", true), ("travel", true)]);
    assert_eq!(f.list_info("/items", "en").unwrap().max_items, 3);
    assert!(!f.list_info("/items", "en").unwrap().generated, "users add items");
}

#[test]
fn table_totals_are_exact_and_follow_edits() {
    let mut f = form(json!({"items": [{"periods": [
        {"number": 1, "staff": "100.10", "travel": 5},
        {"number": 2, "staff": "0.20", "travel": "abc"}
    ]}], "spent": [{"amount": 1, "share": 50}]}));
    let t = f.totals("/items/0/periods").unwrap();
    assert_eq!(t.columns, [("staff".into(), "100.30".into()), ("travel".into(), "5.00".into())]);
    assert_eq!(t.rows, ["105.10", "0.20"], "a cell that is not a number adds nothing");
    assert_eq!(t.overall, "105.30");
    f.set_input("/items/0/periods/1/travel", "0.1").unwrap();
    assert_eq!(f.totals("/items/0/periods").unwrap().overall, "105.40");
    f.add_item("/items/0/periods").unwrap();
    assert_eq!(f.totals("/items/0/periods").unwrap().rows.len(), 3);
    // Without `totals`, a table sums its money columns only, and no rows.
    let spent = f.totals("/spent").unwrap();
    assert_eq!((spent.columns, spent.rows), (vec![("amount".into(), "1.00".into())], vec![]));
    assert!(f.totals("/items").is_none(), "not a table");
}

#[test]
fn a_totals_entry_that_is_no_number_column_is_a_template_problem() {
    let problems = Template::load(
        r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s",
        "title": {"en": "S"}, "fields": [{"id": "t", "kind": "table", "label": {"en": "T"},
        "totals": ["name", "nope"], "columns": [{"id": "name", "kind": "text", "label": {"en": "N"}}]}]}]}"#,
    )
    .unwrap_err();
    let at: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(at, ["/sections/0/fields/0/totals/0", "/sections/0/fields/0/totals/1"]);
}

#[test]
fn the_hit_application_outline_has_its_sections() {
    let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
    let f = FormState::new(t, json!({})).unwrap();
    let o = f.outline("en");
    assert_eq!(o.sections.len(), 5);
    assert!(o.sections.iter().all(|s| s.visible));
    assert_eq!(
        o.errors,
        f.findings("en").iter().filter(|x| x.severity == hitforms_engine::Severity::Error).count()
    );
}

#[test]
fn an_unlabelled_computed_column_is_headed_by_its_id() {
    let f = FormState::new(
        Template::load(builtin_template("hit-application").unwrap()).unwrap(),
        json!({"outputsAndResultsOverview": {"resultIndicators": [{}]}}),
    )
    .unwrap();
    let info = f.list_info("/outputsAndResultsOverview/resultIndicators", "en").unwrap();
    assert!(info.columns.iter().all(|c| !c.1.is_empty()), "{:?}", info.columns);
    assert!(info.columns.iter().any(|c| c.1 == "baseline"), "{:?}", info.columns);
    assert!(info.generated, "rows follow the indicators used (rowsFrom): no add or remove");
}
