//! `hitforms` with the built-in `hit-application` template and the HIT call
//! configurations: computed values filled with the figures worked out by
//! hand from hit-domain.md §3, the pre-submission check per step, and call
//! configurations that break Jems' rules refused with every problem listed.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn hitforms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hitforms")).args(args).output().expect("the binary runs")
}

/// A path relative to the repository root (tests run in cli/).
fn repo(path: &str) -> String {
    format!("../{path}")
}

fn example(name: &str) -> String {
    repo(&format!("tests/fixtures/hit/examples/{name}"))
}

fn call(name: &str) -> String {
    repo(&format!("engine/templates/hit/{name}"))
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hitforms-hit-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The number at `pointer` as exact decimal text without trailing zeros
/// (`8000.0` and `8000.00` are the same amount).
fn at(doc: &Value, pointer: &str) -> String {
    let text = doc.pointer(pointer).unwrap_or_else(|| panic!("no {pointer}")).to_string();
    normal(&text)
}

fn normal(number: &str) -> String {
    match number.contains('.') {
        true => number.trim_end_matches('0').trim_end_matches('.').to_owned(),
        false => number.to_owned(),
    }
}

#[test]
fn hit_application_is_a_builtin() {
    assert!(out(&hitforms(&["templates"])).lines().any(|l| l == "hit-application"));
    assert_eq!(hitforms(&["check", "hit-application"]).status.code(), Some(0));
}

#[test]
fn compute_fills_the_budget_of_the_one_step_example() {
    let o = hitforms(&[
        "compute",
        "--template",
        "hit-application",
        "--config",
        &call("call-standard-one-step.json"),
        &example("one-step-valid.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let doc: Value = serde_json::from_str(&out(&o)).unwrap();
    // Partner LP1 (worked out by hand):
    //   staff rows 12 × 4321.17 = 51854.04 and 7.5 × 3210.33 = 24077.475 → 24077.47
    //   S = 75931.51; office 15 % → round_down(11389.7265) = 11389.72;
    //   travel 10 % → round_down(7593.151) = 7593.15; external 2 × 4999.99 = 9999.98;
    //   equipment 3 × 1234.56 = 3703.68; lump sum share 8000.00
    //   total = 116618.04; ERDF 80 % → round_down(93294.432) = 93294.43;
    //   partner contribution 116618.04 − 93294.43 = 23323.61
    let p = "/partners/0/budget";
    assert_eq!(at(&doc, &format!("{p}/costs/staffCosts/1/rowSum")), normal("24077.47"));
    assert_eq!(at(&doc, &format!("{p}/staffCosts")), normal("75931.51"));
    assert_eq!(at(&doc, &format!("{p}/officeAndAdministrationCosts")), normal("11389.72"));
    assert_eq!(at(&doc, &format!("{p}/travelCosts")), normal("7593.15"));
    assert_eq!(at(&doc, &format!("{p}/lumpSumCosts")), normal("8000.00"));
    assert_eq!(at(&doc, &format!("{p}/totalCosts")), normal("116618.04"));
    assert_eq!(at(&doc, &format!("{p}/coFinancing/fundsAmount")), normal("93294.43"));
    assert_eq!(at(&doc, &format!("{p}/coFinancing/partnerContributionAmount")), normal("23323.61"));
    // PP3 uses the call's unit cost UC-EVENT-DAY (1500.50) 4 times: 6002.00.
    assert_eq!(at(&doc, "/partners/2/budget/costs/unitCosts/0/pricePerUnit"), normal("1500.50"));
    assert_eq!(at(&doc, "/partners/2/budget/unitCosts"), normal("6002.00"));
    // 24 months in periods of 6: 4 periods; the lump sum's shares close its gap.
    assert_eq!(at(&doc, "/numberOfPeriods"), normal("4"));
    assert_eq!(at(&doc, "/lumpSums/0/gap"), normal("0.00"));
}

#[test]
fn validate_runs_the_pre_submission_check_of_the_step() {
    let v = |config: &str, step: &str, file: &str| {
        hitforms(&[
            "validate",
            "-t",
            "hit-application",
            "--config",
            &call(config),
            "--step",
            step,
            &example(file),
        ])
    };
    let o = v("call-standard-one-step.json", "2", "one-step-valid.json");
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let o = v("call-standard-one-step.json", "2", "one-step-broken-lead-count.json");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        out(&o).trim(),
        "/partners: error hit.partner.lead_count: Exactly one active partner must be the lead partner."
    );
    // A step-1 document passes step 1 of the two-step call, and fails step 2.
    assert_eq!(v("call-two-step.json", "1", "two-step-step1-valid.json").status.code(), Some(0));
    let o = v("call-two-step.json", "2", "two-step-step1-valid.json");
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("/partners/0/vat: error required"), "{}", out(&o));
    let o = v("call-spf.json", "2", "spf-broken-management-share.json");
    assert!(out(&o).contains("/partners/0/budget: error hit.spf.management_share"), "{}", out(&o));
}

#[test]
fn a_call_configuration_breaking_jems_rules_is_refused_with_every_problem() {
    let broken = temp_file(
        "broken-call.json",
        r#"{"template": "hit-application", "callType": "SPF", "inputLanguages": ["EN"],
            "visibility": {"project.acronym": "NONE", "project.partner.budget.infrastructure.and.works.description": "STEP_ONE_AND_TWO"},
            "flatRates": {"staff": {"rate": 101, "adjustable": true},
                          "officeOnStaff": {"rate": 15, "adjustable": false},
                          "officeOnDirect": {"rate": 25, "adjustable": true}},
            "funds": [{"id": "ERDF", "type": "ERDF", "rate": 80}]}"#,
    );
    let o = hitforms(&[
        "validate",
        "-t",
        "hit-application",
        "--config",
        broken.to_str().unwrap(),
        &example("spf-valid.json"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    for expected in [
        "/visibility/project.acronym: error config.visibility_not_allowed",
        "/visibility/project.partner.budget.infrastructure.and.works.description: error config.visibility_not_allowed",
        "/flatRates/staff/rate: error config.out_of_range",
        "/flatRates/officeOnDirect: error config.flat_rate_combination",
        "/funds/0: error config.missing",
    ] {
        assert!(e.contains(expected), "{expected} missing in:\n{e}");
    }
}

/// `validate` with code lists given by file only (no data folder).
fn validate_with_lists(lists: &str) -> Output {
    // One file per call: tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = temp_file(&format!("lists-{n}.json"), lists);
    Command::new(env!("CARGO_BIN_EXE_hitforms"))
        .env("HITFORMS_DATA", "/nonexistent/hitforms-data")
        .args(["validate", "--template", "hit-application", "--config"])
        .arg(call("call-standard-one-step.json"))
        .arg("--code-lists")
        .arg(&file)
        .arg(example("one-step-valid.json"))
        .output()
        .expect("the binary runs")
}

#[test]
fn code_lists_named_by_file_are_checked() {
    let both = r#"{"countries": [{"value": "CZ", "label": {"en": "Czechia"}},
                                 {"value": "AT", "label": {"en": "Austria"}}]}"#;
    let o = validate_with_lists(both);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    // Without Austria, the Austrian partner's country is unknown.
    let one = r#"{"countries": [{"value": "CZ", "label": {"en": "Czechia"}}]}"#;
    let o = validate_with_lists(one);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("/partners/2/mainAddress/countryCode"), "{}", out(&o));
    assert!(out(&o).contains("select.unknown_option"), "{}", out(&o));
}

#[test]
fn a_malformed_code_list_file_is_unusable_input() {
    for bad in [r#"[1, 2]"#, r#"{"countries": 5}"#, r#"{"countries": [{"value": "AT"}]}"#, "{"] {
        let o = validate_with_lists(bad);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}{}", out(&o), err(&o));
        assert!(err(&o).contains("lists-"), "{bad}: {}", err(&o));
    }
}
