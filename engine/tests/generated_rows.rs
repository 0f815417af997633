//! Generated lists (`rowsFrom`): one item per key the data gives, kept so by
//! computing, at load and after every edit (docs/templates.md).

use hitforms_engine::{FormState, Template};
use serde_json::{Value, json};

/// Periods of a project: rows 0, 1…n, 255 with a computed column and a
/// column the user fills.
fn template(rows_from: &str, key_kind: &str) -> Result<Template, Vec<hitforms_engine::Issue>> {
    let t = json!({
        "id": "periods", "version": "1.0.0", "title": {"en": "Periods"},
        "sections": [{"id": "a", "title": {"en": "A"}, "fields": [
            {"id": "duration", "kind": "integer", "label": {"en": "Months"}, "min": 1, "max": 99},
            {"id": "periods", "kind": "computed", "expression": "ceil(duration / 6)", "type": "number"},
            {"id": "perPeriod", "kind": "table", "label": {"en": "Per period"}, "rowsFrom": rows_from,
             "columns": [
                {"id": "number", "kind": key_kind, "label": {"en": "Period"}},
                {"id": "note", "kind": "text", "label": {"en": "Note"}, "maxLength": 20},
                {"id": "twice", "kind": "computed", "expression": "number * 2", "type": "number"}
             ]}
        ]}]
    });
    Template::load(&t.to_string())
}

const PERIODS: &str = "concat(range(0, 0), range(1, periods), range(255, 255))";

fn numbers(form: &FormState) -> Vec<Value> {
    let data = form.data();
    data["perPeriod"]
        .as_array()
        .map_or(vec![], |rows| rows.iter().map(|r| r["number"].clone()).collect())
}

#[test]
fn rows_follow_the_keys_at_load_and_keep_what_users_entered() {
    let data = json!({"duration": 12, "perPeriod": [
        {"number": 2, "note": "kept"}, {"number": 7, "note": "dropped: no period 7"}, {"number": 2, "note": "a repeat goes"}
    ]});
    let form = FormState::new(template(PERIODS, "integer").unwrap(), data).unwrap();
    assert_eq!(numbers(&form), [json!(0), json!(1), json!(2), json!(255)]);
    let rows = form.data()["perPeriod"].clone();
    assert_eq!(rows[2]["note"], "kept");
    assert_eq!(rows[3]["twice"], json!(510));
    assert!(rows[0].get("note").is_none());
}

#[test]
fn an_edit_that_changes_the_keys_changes_the_rows() {
    let mut form =
        FormState::new(template(PERIODS, "integer").unwrap(), json!({"duration": 6})).unwrap();
    assert_eq!(numbers(&form), [json!(0), json!(1), json!(255)]);
    form.set_value("/perPeriod/1/note", json!("first")).unwrap();
    let changed = form.set_value("/duration", json!(13)).unwrap();
    assert_eq!(numbers(&form), [json!(0), json!(1), json!(2), json!(3), json!(255)]);
    assert_eq!(form.data()["perPeriod"][1]["note"], "first");
    assert!(changed.iter().any(|p| p == "/perPeriod/3/twice"), "{changed:?}");
    // The same as setting the form up with that data at once.
    let again = FormState::new(form.template().clone(), form.data()).unwrap();
    assert_eq!(again.data(), form.data());
    // Without a duration: only preparation and closure.
    form.set_value("/duration", Value::Null).unwrap();
    assert_eq!(numbers(&form), [json!(0), json!(255)]);
    // An added row goes again at once.
    form.add_item("/perPeriod").unwrap();
    assert_eq!(numbers(&form), [json!(0), json!(255)]);
}

#[test]
fn the_keys_must_fit_the_first_field() {
    let codes = |r: Result<Template, Vec<hitforms_engine::Issue>>| -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .iter()
            .map(|i| format!("{} {}", i.path, i.code.as_str()))
            .collect()
    };
    // Texts for a number key, a key that is no number or text, not a list.
    assert_eq!(
        codes(template("distinct(perPeriod.note)", "integer")),
        ["/sections/0/fields/2/rowsFrom template.expression_type"]
    );
    assert_eq!(
        codes(template(PERIODS, "boolean")),
        [
            "/sections/0/fields/2/rowsFrom template.invalid_value",
            "/sections/0/fields/2/columns/2/expression template.expression_type"
        ]
    );
    assert_eq!(
        codes(template("periods", "integer")),
        ["/sections/0/fields/2/rowsFrom template.expression_type"]
    );
    assert!(template(PERIODS, "integer").is_ok());
}

#[test]
fn hit_budget_tables_follow_the_duration_and_the_call_funds() {
    use hitforms_engine::Setup;
    use hitforms_engine::builtin_template;
    use hitforms_engine::config::{Config, Step};
    let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
    let call = include_str!("../templates/hit/call-two-step.json");
    let config = Config::load(call, &t.visibility, &t.parameters).unwrap();
    let data: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/hit/examples/one-step-valid.json"))
            .unwrap();
    let setup = Setup { code_lists: None, config: Some((std::sync::Arc::new(config), Step::Two)) };
    let mut form = FormState::new_with(t, data, setup).unwrap();
    let keys = |form: &FormState, list: &str, key: &str| -> Vec<Value> {
        let data = form.data();
        let rows = data.pointer(list).and_then(Value::as_array).cloned().unwrap_or_default();
        rows.iter().map(|r| r[key].clone()).collect()
    };
    // 24 months in periods of 12 (this call): 2 periods; the call's funds ERDF and IPA.
    assert_eq!(
        keys(&form, "/partners/0/budget/budgetPerPeriod", "number"),
        [json!(0), json!(1), json!(2), json!(255)]
    );
    assert_eq!(
        keys(&form, "/budgetOverview/coFinancingOverview", "fundId"),
        [json!("ERDF"), json!("IPA")]
    );
    assert_eq!(
        keys(&form, "/budgetOverview/managementFundsPerPeriod", "fundId"),
        [json!("ERDF"), json!("IPA")]
    );
    form.set_value("/duration", json!(36)).unwrap();
    let periods = [json!(0), json!(1), json!(2), json!(3), json!(255)];
    assert_eq!(keys(&form, "/partners/2/budget/budgetPerPeriod", "number"), periods);
    assert_eq!(
        keys(&form, "/budgetOverview/managementFundsPerPeriod/1/periodFunds", "periodNumber"),
        periods
    );
    assert_eq!(
        keys(&form, "/budgetOverview/managementFundsPerPeriodTotals", "periodNumber"),
        periods
    );
    // Not an SPF call: no SPF lists written.
    assert!(form.data()["budgetOverview"].get("spfFundsPerPeriod").is_none());
}
