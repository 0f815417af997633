//! The report conformance cases and examples (tests/fixtures/reports/) on
//! the command line: `hitforms compute` fills the hand-computed values and
//! `hitforms validate` gives exactly the expected codes. The arithmetic of
//! each case is in engine/tests/reports.rs and the cases' README.

use hitforms_engine::number::{decimal_of, parse_decimal};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hitforms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hitforms")).args(args).output().expect("the binary runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hitforms-reports-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// `--template T [--config C] [--step S]` for a case or an example.
fn template_args(case: &Value) -> Vec<String> {
    let mut args = vec!["--template".to_owned(), case["template"].as_str().unwrap().to_owned()];
    if let Some(config) = case["config"].as_str() {
        args.extend(["--config".to_owned(), repo().join(config).to_string_lossy().into_owned()]);
    }
    args
}

fn same(got: Option<&Value>, expected: &Value) -> bool {
    match (got, expected) {
        (Some(g), Value::String(e)) => match (decimal_of(g), parse_decimal(e)) {
            (Some(g), Some(e)) => g == e,
            _ => g.as_str() == Some(e),
        },
        _ => false,
    }
}

fn codes_of(report: &Value) -> Vec<String> {
    let mut codes: Vec<String> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

fn expected_codes(case: &Value) -> Vec<String> {
    case["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect()
}

fn cases() -> Vec<(String, Value)> {
    let dir = repo().join("tests/fixtures/reports/conformance");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), read_json(&p)))
        .collect()
}

#[test]
fn compute_fills_every_hand_computed_value() {
    let mut checked = 0;
    for (name, case) in cases() {
        let data = temp_file(&name, &case["data"].to_string());
        let mut args = vec!["compute".to_owned()];
        args.extend(template_args(&case));
        args.push(data.to_string_lossy().into_owned());
        let out = hitforms(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        for (pointer, expected) in case["computed"].as_object().unwrap() {
            assert!(
                same(doc.pointer(pointer), expected),
                "{name} {pointer}: expected {expected}, got {:?}",
                doc.pointer(pointer)
            );
            checked += 1;
        }
    }
    assert!(checked >= 80, "only {checked} values checked");
}

/// Exactly `hitforms compute --template hit-partner-report DATA`, without a
/// configuration (no flat rates, no funds). By hand: 1000.00 SEK ÷ 11.4525
/// = 87.3171… → 87.32; 100.50 PLN ÷ 4 = 25.125 → 25.13 (half up);
/// −100.50 ÷ 4 → −25.13; 10.01 EUR; 123456.78 HUF ÷ 309.45 = 398.9555… →
/// 398.96. Sum 496.29, all of it partner contribution.
#[test]
fn compute_a_partner_report_without_configuration() {
    let case =
        read_json(&repo().join("tests/fixtures/reports/conformance/pr-conversion-half-up.json"));
    assert!(case["config"].is_null());
    let data = temp_file("conversion.json", &case["data"].to_string());
    let out = hitforms(&["compute", "--template", "hit-partner-report", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let amounts: Vec<String> = doc["expenditures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["declaredAmountAfterSubmission"].to_string())
        .collect();
    assert_eq!(amounts, ["87.32", "25.13", "-25.13", "10.01", "398.96"]);
    assert!(same(
        doc.pointer("/financialOverview/costCategory/total/currentReport"),
        &Value::from("496.29")
    ));
    assert!(same(
        doc.pointer("/financialOverview/coFinancing/partnerContribution/currentReport"),
        &Value::from("496.29")
    ));
    assert!(same(
        doc.pointer("/financialOverview/coFinancing/fund1/currentReport"),
        &Value::from("0")
    ));
}

#[test]
fn validate_gives_every_case_its_codes() {
    for (name, case) in cases() {
        let data = temp_file(&name, &case["data"].to_string());
        let mut args = vec!["validate".to_owned(), "--json".to_owned()];
        args.extend(template_args(&case));
        if case["step"].as_u64() == Some(1) {
            args.extend(["--step".to_owned(), "1".to_owned()]);
        }
        args.push(data.to_string_lossy().into_owned());
        let out = hitforms(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{name}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(codes_of(&report), expected_codes(&case), "{name}");
        assert_eq!(
            out.status.code(),
            Some(if case["codes"] == Value::Array(vec![]) { 0 } else { 1 })
        );
    }
}

#[test]
fn every_example_validates_as_stated() {
    let dir = repo().join("tests/fixtures/reports");
    let manifest = read_json(&dir.join("examples.json"));
    for e in manifest["examples"].as_array().unwrap() {
        let file = dir.join(e["file"].as_str().unwrap());
        let mut args = vec!["validate".to_owned(), "--json".to_owned()];
        args.extend(template_args(e));
        args.push(file.to_string_lossy().into_owned());
        let out = hitforms(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(codes_of(&report), expected_codes(e), "{}", e["file"]);
        let valid = expected_codes(e).is_empty();
        assert_eq!(out.status.code(), Some(if valid { 0 } else { 1 }), "{}", e["file"]);
    }
}

#[test]
fn the_new_templates_are_built_in() {
    let out = hitforms(&["templates"]);
    let names = String::from_utf8_lossy(&out.stdout);
    for name in [
        "hit-partner-report",
        "hit-project-report",
        "academy-application",
        "knowledge-fair-registration",
    ] {
        assert!(names.lines().any(|l| l == name), "{name} missing in:\n{names}");
        assert_eq!(hitforms(&["check", name]).status.code(), Some(0), "{name}");
    }
}

#[test]
fn rule_findings_carry_the_template_message() {
    let file = repo().join("tests/fixtures/reports/academy-application-broken.json");
    let out = hitforms(&["validate", "--template", "academy-application", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("/cohortSecondChoice: error academy.same_cohort_twice: Choose a different cohort as second choice."),
        "{text}"
    );
    let out = hitforms(&[
        "validate",
        "--json",
        "--template",
        "academy-application",
        file.to_str().unwrap(),
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let consent = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "academy.consent_missing")
        .unwrap();
    assert!(consent["message"].as_str().unwrap().starts_with("Without your consent"), "{consent}");
}
