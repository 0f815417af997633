//! Validation under a call configuration: visibility per step, input languages.

use hitforms_engine::config::{Config, Step};
use hitforms_engine::{Code, Context, FormState, Template, validate_with};
use serde_json::{Value, json};
use std::sync::Arc;

fn template() -> Template {
    Template::load(include_str!("../../tests/fixtures/all-kinds.json")).unwrap()
}

fn config(t: &Template) -> Config {
    Config::load(
        include_str!("../../tests/fixtures/all-kinds-call.json"),
        &t.visibility,
        &t.parameters,
    )
    .unwrap()
}

fn found(ctx: &Context, doc: &Value) -> Vec<(String, Code)> {
    validate_with(ctx, doc).into_iter().map(|i| (i.path, i.code)).collect()
}

fn bad_doc() -> Value {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/all-kinds-data.json")).unwrap();
    doc["ratio"] = json!("0.1234");
    doc["notes"] = json!("x".repeat(21));
    doc
}

#[test]
fn step_one_checks_only_what_the_call_shows_in_step_one() {
    let t = template();
    let c = config(&t);
    let step1 = found(&Context::configured(&t, &c, Step::One), &bad_doc());
    // ratio and notes are step-2-only fields; the third language is required.
    assert_eq!(step1, [("/title".to_string(), Code::Required)]);
    let step2 = found(&Context::configured(&t, &c, Step::Two), &bad_doc());
    assert_eq!(
        step2,
        [
            ("/title".to_string(), Code::Required),
            ("/notes".to_string(), Code::TextTooLong),
            ("/ratio".to_string(), Code::NumberTooManyDecimals),
        ]
    );
}

#[test]
fn the_form_state_follows_the_configuration() {
    let t = template();
    let c = Arc::new(config(&t));
    let form = FormState::new(t, bad_doc()).unwrap().with_config(c, Step::One);
    assert!(!form.view("/ratio", "en").unwrap().visible);
    let langs: Vec<_> = form
        .view("/title", "en")
        .unwrap()
        .parts
        .iter()
        .map(|p| p.language.clone().unwrap())
        .collect();
    assert_eq!(langs, ["EN", "FR", "DE"]);
    let issues: Vec<_> =
        form.field_issues().map(|i| (i.path.as_str(), i.params.get("language").cloned())).collect();
    assert_eq!(issues, [("/title", Some(json!("DE")))]);
}

#[test]
fn a_template_naming_an_unknown_visibility_id_is_rejected() {
    let json = include_str!("../../tests/fixtures/all-kinds.json")
        .replace("\"visibilityId\": \"project.ratio\"", "\"visibilityId\": \"project.ratoi\"");
    let problems = Template::load(&json).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "/sections/0/fields/6/visibilityId");
}

#[test]
fn a_call_may_change_the_limits_the_template_lets_it_change() {
    let t = template();
    let declared = t.configurable_limits();
    let declared: Vec<(&str, &[&str])> =
        declared.iter().map(|(p, n)| (p.as_str(), n.as_slice())).collect();
    assert_eq!(
        declared,
        [("/acronym", ["maxLength"].as_slice()), ("/partners", ["maxItems"].as_slice())]
    );
    let json = r#"{"template": "all-kinds", "inputLanguages": ["EN", "FR"],
                   "limits": {"acronym": {"maxLength": 5}, "/partners": {"maxItems": 1}}}"#;
    let c = Config::load(json, &t.visibility, &t.parameters).unwrap();
    assert_eq!(c.limits().check(&declared), []);
    let issues = validate_with(&Context::configured(&t, &c, Step::Two), &bad_doc());
    let acronym = issues.iter().find(|i| i.path == "/acronym").expect("RIVERS is over 5");
    assert_eq!(
        (acronym.code.clone(), acronym.params["max"].clone()),
        (Code::TextTooLong, json!(5))
    );
    assert!(issues.iter().any(|i| i.path == "/partners" && i.code == Code::ListTooMany));

    let json = r#"{"template": "all-kinds", "inputLanguages": ["EN"], "limits": {"notes": {"maxLength": 5}}}"#;
    let c = Config::load(json, &t.visibility, &t.parameters).unwrap();
    let problems = c.limits().check(&declared);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "/limits/notes");
}
