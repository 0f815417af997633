//! Groups, repeats, tables, selects and dates (tests/fixtures/all-kinds.json):
//! validation inside nested records, list operations, and incremental
//! findings that always equal a full validation.

use hitforms_engine::{Code, FormState, Issue, Template, validate};
use serde_json::{Value, json};

fn template() -> Template {
    Template::load(include_str!("../../tests/fixtures/all-kinds.json")).unwrap()
}

fn data() -> Value {
    serde_json::from_str(include_str!("../../tests/fixtures/all-kinds-data.json")).unwrap()
}

fn paths(issues: &[Issue]) -> Vec<(String, Code)> {
    issues.iter().map(|i| (i.path.clone(), i.code.clone())).collect()
}

fn sorted(issues: impl IntoIterator<Item = Issue>) -> Vec<String> {
    let mut v: Vec<String> =
        issues.into_iter().map(|i| serde_json::to_string(&i).unwrap()).collect();
    v.sort();
    v
}

#[test]
fn the_sample_document_is_valid() {
    assert_eq!(paths(&validate(&template(), &data())), []);
}

#[test]
fn findings_inside_groups_lists_and_tables_have_full_pointers() {
    let mut doc = data();
    doc["partners"][1]["address"] = json!({"city": "x".repeat(51)});
    doc["partners"][0]["budget"][1]["price"] = json!("1.005");
    doc["partners"][0]["budget"][0]["units"] = json!(-1);
    doc["partners"][1]["abbreviation"] = json!("");
    doc["partners"][1]["cofinancing"] = json!(100.5);
    doc["themes"] = json!(["green", "social", "blue"]);
    doc["vatRecovery"] = json!("Sometimes");
    doc["start"] = json!("2030-01-01");
    doc["ratio"] = json!("0.1234");
    let got = paths(&validate(&template(), &doc));
    let want = [
        ("/ratio", Code::NumberTooManyDecimals),
        ("/start", Code::DateAfterMax),
        ("/vatRecovery", Code::SelectUnknownOption),
        ("/themes/2", Code::SelectUnknownOption),
        ("/themes", Code::ListTooMany),
        ("/partners/0/budget/0/units", Code::NumberBelowMin),
        ("/partners/0/budget/1/price", Code::NumberTooManyDecimals),
        ("/partners/1/abbreviation", Code::Required),
        ("/partners/1/address/city", Code::TextTooLong),
        ("/partners/1/cofinancing", Code::NumberAboveMax),
        ("/partners/1/cofinancing", Code::Rule("partners.rate_too_high".into())),
    ];
    let want: Vec<(String, Code)> = want.iter().map(|(p, c)| (p.to_string(), c.clone())).collect();
    assert_eq!(got, want);
}

#[test]
fn list_lengths_are_checked() {
    let mut doc = data();
    doc["partners"] = json!([]);
    assert_eq!(paths(&validate(&template(), &doc)), [("/partners".to_string(), Code::ListTooFew)]);
    doc["partners"] =
        json!((0..51).map(|i| json!({"abbreviation": format!("P{i}")})).collect::<Vec<_>>());
    assert_eq!(paths(&validate(&template(), &doc)), [("/partners".to_string(), Code::ListTooMany)]);
}

#[test]
fn a_list_item_that_is_not_an_object_is_reported_and_kept() {
    let mut doc = data();
    doc["partners"][1] = json!("oops");
    let issues = validate(&template(), &doc);
    assert_eq!(paths(&issues), [("/partners/1".to_string(), Code::WrongType)]);
    let form = FormState::new(template(), doc.clone()).unwrap();
    assert_eq!(form.data()["partners"][1], "oops");
}

#[test]
fn edits_inside_lists_keep_incremental_and_full_findings_equal() {
    let mut form = FormState::new(template(), data()).unwrap();
    let check = |form: &FormState, what: &str| {
        assert_eq!(sorted(form.field_issues().cloned()), sorted(form.issues()), "after {what}");
        assert_eq!(
            sorted(form.issues()),
            sorted(validate(form.template(), &form.data())),
            "after {what}"
        );
    };
    assert_eq!(
        form.set_input("/partners/1/address/city", &"y".repeat(60)).unwrap(),
        ["/partners/1/address/city"]
    );
    check(&form, "city");
    form.set_input("/partners/0/budget/1/units", "abc").unwrap();
    check(&form, "units");
    let (index, changed) = form.add_item("/partners").unwrap();
    assert_eq!((index, changed[0].as_str()), (2, "/partners"));
    assert!(
        changed.iter().any(|c| c == "/partners/2/abbreviation"),
        "the new item's findings: {changed:?}"
    );
    check(&form, "add partner");
    form.set_input("/partners/2/abbreviation", "NEW").unwrap();
    form.move_item("/partners", 2, 0).unwrap();
    check(&form, "move");
    assert_eq!(form.data()["partners"][0]["abbreviation"], "NEW");
    form.remove_item("/partners", 1).unwrap();
    check(&form, "remove");
    form.set_translation("/title", "FR", "").unwrap();
    check(&form, "title");
    assert!(form.set_input("/partners/9/abbreviation", "x").is_err());
    assert!(form.set_input("/partners/0", "x").is_err());
    assert!(form.remove_item("/partners", 7).is_err());
}

#[test]
fn a_full_list_refuses_another_item() {
    let mut doc = data();
    doc["partners"] =
        json!((0..50).map(|i| json!({"abbreviation": format!("P{i}")})).collect::<Vec<_>>());
    let mut form = FormState::new(template(), doc).unwrap();
    let err = form.add_item("/partners").unwrap_err();
    assert_eq!(err.code, Code::ListTooMany);
}

#[test]
fn views_of_nested_fields() {
    let form = FormState::new(template(), data()).unwrap();
    let v = form.view("/partners/0/budget/1/price", "en").unwrap();
    assert_eq!((v.kind, v.parts[0].text.as_str()), ("money", "1000"));
    let v = form.view("/vatRecovery", "en").unwrap();
    assert_eq!((v.options.len(), v.selected.as_slice()), (3, ["Partly".to_owned()].as_slice()));
    assert_eq!(form.view("/themes", "en").unwrap().selected, ["green", "social"]);
    assert_eq!(form.view("/acronym", "en").unwrap().selected, Vec::<String>::new());
    assert_eq!(form.view("/partners", "en").unwrap().items, Some(2));
    let v = form.view("/summaryEn", "en").unwrap();
    let langs: Vec<_> = v.parts.iter().map(|p| p.language.clone().unwrap()).collect();
    assert_eq!(langs, ["EN"], "a field with its own languages ignores the input languages");
}

#[test]
fn external_code_lists_are_checked_when_supplied() {
    use hitforms_engine::codelists::CodeLists;
    use std::sync::Arc;
    let mut doc = data();
    doc["nuts"] = json!("XX999");
    // Without the list, codes of an external list cannot be judged.
    assert_eq!(paths(&validate(&template(), &doc)), []);
    let lists = Arc::new(CodeLists::fixtures());
    let form = FormState::new(template(), doc).unwrap().with_code_lists(lists.clone());
    assert_eq!(paths(&form.issues()), [("/nuts".to_string(), Code::SelectUnknownOption)]);
    assert!(!form.is_valid());
    let view = form.view("/nuts", "en").unwrap();
    assert!(view.options.iter().any(|(code, label)| code == "AT130" && label == "Wien"));
}

#[test]
fn conditions_rules_and_computed_chains() {
    let mut doc = data();
    doc["publicBasis"] = json!("x".repeat(40));
    doc["public"] = json!(false);
    // Hidden while `public` is false: not checked at all.
    let form = FormState::new(template(), doc.clone()).unwrap();
    assert!(!paths(&form.issues()).iter().any(|(p, _)| p == "/publicBasis"));
    let exact = |s: &str| serde_json::from_str::<Value>(s).unwrap();
    assert_eq!(form.data()["partners"][0]["partnerTotal"], exact("54506.00"));
    assert_eq!(form.data()["projectTotal"], exact("54506.00"));

    doc["public"] = json!(true);
    doc["publicBasis"] = json!(null);
    doc["partners"][0]["lead"] = json!(true);
    doc["partners"][1]["lead"] = json!(true);
    doc["partners"][1]["cofinancing"] = json!(90);
    let form = FormState::new(template(), doc).unwrap();
    let issues = form.issues();
    let got: Vec<(String, String, hitforms_engine::Severity)> =
        issues.iter().map(|i| (i.path.clone(), i.code.as_str().to_owned(), i.severity)).collect();
    use hitforms_engine::Severity::{Error, Warning};
    assert_eq!(
        got,
        [
            ("/publicBasis".into(), "required".into(), Error),
            ("/partners/1/cofinancing".into(), "partners.rate_too_high".into(), Warning),
            ("/partners".into(), "partners.one_lead".into(), Error),
        ]
    );
    assert_eq!(
        form.template().message(&issues[2], "en"),
        "Only one partner can be the lead partner."
    );
}

#[test]
fn a_change_reports_every_computed_value_it_moved() {
    let mut form = FormState::new(template(), data()).unwrap();
    let changed = form.set_input("/partners/0/budget/1/units", "2").unwrap();
    for p in [
        "/partners/0/budget/1/units",
        "/partners/0/budget/1/total",
        "/partners/0/partnerTotal",
        "/projectTotal",
    ] {
        assert!(changed.iter().any(|c| c == p), "{p} not in {changed:?}");
    }
    assert_eq!(form.data()["projectTotal"], serde_json::from_str::<Value>("56006.00").unwrap());
    // Rounding down to 2 decimals, as Jems rounds row sums.
    form.set_input("/partners/0/budget/1/price", "0.01").unwrap();
    form.set_input("/partners/0/budget/1/units", "0.5").unwrap();
    assert_eq!(
        form.data()["partners"][0]["budget"][1]["total"],
        serde_json::from_str::<Value>("0.00").unwrap()
    );
}

#[test]
fn views_evaluate_conditions_where_the_field_is() {
    let mut form = FormState::new(template(), data()).unwrap();
    let v = form.view("/publicBasis", "en").unwrap();
    assert!(v.visible && v.required);
    let changed = form.set_input("/public", "false").unwrap();
    assert!(changed.iter().any(|p| p == "/publicBasis"), "{changed:?}");
    let v = form.view("/publicBasis", "en").unwrap();
    assert!(!v.visible && !v.required);
}
