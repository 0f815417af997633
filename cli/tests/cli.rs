//! The `hitforms` binary end to end: exit codes, text and JSON output, and
//! clear messages for unusable input.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn hitforms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hitforms")).args(args).output().expect("the binary runs")
}

/// Writes `content` to a fresh temp file and returns its path.
fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hitforms-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The all-kinds fixture's template path (relative to cli/) and sample data.
const ALL_KINDS: &str = "../tests/fixtures/all-kinds.json";

fn all_kinds_data() -> Value {
    serde_json::from_str(include_str!("../../tests/fixtures/all-kinds-data.json")).unwrap()
}

/// `hitforms validate -t TEMPLATE --config CALL [--step N] DATA`.
fn validate_with_call(
    template: &str,
    call: &std::path::Path,
    step: Option<&str>,
    data: &std::path::Path,
) -> Output {
    let mut args = vec!["validate", "-t", template, "--config", call.to_str().unwrap()];
    if let Some(step) = step {
        args.extend(["--step", step]);
    }
    args.push(data.to_str().unwrap());
    hitforms(&args)
}

fn cases() -> Vec<Value> {
    let text = include_str!("../../tests/fixtures/project-idea-cases.json");
    serde_json::from_str::<Value>(text).unwrap()["cases"].as_array().unwrap().clone()
}

fn path_codes(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap().to_owned(), i["code"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn validate_agrees_with_every_fixture_case() {
    for (i, case) in cases().iter().enumerate() {
        let data = temp_file(&format!("case{i}.json"), &case["data"].to_string());
        let out =
            hitforms(&["validate", "--template", "project-idea", "--json", data.to_str().unwrap()]);
        let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON output");
        assert_eq!(
            path_codes(&report["issues"]),
            path_codes(&case["expected"]),
            "case {}",
            case["name"]
        );
        let has_error =
            case["expected"].as_array().unwrap().iter().any(|i| i["severity"] != "warning");
        assert_eq!(out.status.code(), Some(if has_error { 1 } else { 0 }), "case {}", case["name"]);
        assert_eq!(report["valid"], !has_error);
        assert!(report["issues"].as_array().unwrap().iter().all(|i| i["message"].is_string()));
    }
}

#[test]
fn text_output_names_path_code_and_message() {
    let data =
        temp_file("long.json", r#"{"acronym": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "duration": 3}"#);
    let out = hitforms(&["validate", "--template", "project-idea", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("/acronym: error text.too_long: Use at most 25 characters (now 26)."),
        "{text}"
    );
    assert!(text.contains("/summary: error required: This field is required in EN."), "{text}");
}

#[test]
fn a_template_file_path_works_like_a_builtin_name() {
    let template = temp_file("t.json", include_str!("../../engine/templates/project-idea.json"));
    let data = temp_file("ok.json", &cases()[0]["data"].to_string());
    let out =
        hitforms(&["validate", "--template", template.to_str().unwrap(), data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("valid"));
}

#[test]
fn unusable_input_exits_2_with_a_clear_message() {
    let bad_json = temp_file("bad.json", "{\"acronym\": \"A\",\n  oops }");
    let out = hitforms(&["validate", "--template", "project-idea", bad_json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.json is not valid JSON: line 2, column 3"),
        "{}",
        stderr(&out)
    );

    let out = hitforms(&["validate", "--template", "project-idea", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /no/such/file.json"));

    let broken = temp_file(
        "broken.json",
        r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s", "title": {"en": "S"},
            "fields": [{"id": "a", "kind": "dial", "label": {"en": "A"}}, {"id": "a", "kind": "text"}]}]}"#,
    );
    let data = temp_file("empty.json", "{}");
    let out =
        hitforms(&["validate", "--template", broken.to_str().unwrap(), data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("3 problems"), "{err}");
    assert!(err.contains("/sections/0/fields/0/kind: error template.unknown_kind"), "{err}");
    assert!(err.contains("/sections/0/fields/1/id: error template.duplicate_id"), "{err}");
    assert!(err.contains("/sections/0/fields/1: error template.missing"), "{err}");

    let out = hitforms(&["validate", "--template", "no-such-template", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let out = hitforms(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("USAGE"));
}

#[test]
fn a_data_document_that_is_not_an_object_is_invalid_not_a_crash() {
    let data = temp_file("array.json", "[1, 2]");
    let out = hitforms(&["validate", "--template", "project-idea", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("(root): error data.not_object"));
}

#[test]
fn check_lists_every_template_problem() {
    let out = hitforms(&["check", "project-idea"]);
    assert_eq!(out.status.code(), Some(0));
    let broken = temp_file(
        "broken2.json",
        r#"{"id": "t", "sections": [{"id": "1bad", "title": {"en": "S"}, "fields": []}], "extra": true}"#,
    );
    let out = hitforms(&["check", "--json", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let got = path_codes(&report["issues"]);
    let want = [
        ("/extra", "template.unknown_property"),
        ("", "template.missing"),
        ("", "template.missing"),
        ("/sections/0/id", "template.invalid_value"),
    ];
    let want: Vec<(String, String)> =
        want.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn schemas_are_json_and_follow_the_template() {
    let out = hitforms(&["schema", "template"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema["title"], "hitforms template");
    let out = hitforms(&["schema", "data", "--template", "project-idea"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema["properties"]["acronym"]["x-maxLengthUtf16"], 25);
    assert_eq!(hitforms(&["schema", "data"]).status.code(), Some(2));
}

#[test]
fn code_lists_come_from_the_data_folder() {
    let template = ALL_KINDS;
    let mut doc = all_kinds_data();
    doc["nuts"] = Value::from("XX999");
    let data = temp_file("nuts.json", &doc.to_string());
    let out = hitforms(&[
        "validate",
        "--template",
        template,
        "--data",
        "/no/such/dir",
        data.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/dir/reference/countries.csv"), "{}", stderr(&out));

    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data");
    if std::path::Path::new(shared).join("nuts_eurostat/nuts2024.csv").exists() {
        let out = hitforms(&[
            "validate",
            "--template",
            template,
            "--data",
            shared,
            data.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains("/nuts: error select.unknown_option"), "{}", stdout(&out));
        doc["nuts"] = Value::from("SE224");
        let data = temp_file("nuts-ok.json", &doc.to_string());
        let out = hitforms(&[
            "validate",
            "--template",
            template,
            "--data",
            shared,
            data.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    }
}

#[test]
fn a_call_configuration_decides_what_each_step_checks() {
    let template = ALL_KINDS;
    let call = std::path::Path::new("../tests/fixtures/all-kinds-call.json");
    let mut doc = all_kinds_data();
    doc["ratio"] = Value::from("0.1234");
    doc["title"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"language": "DE", "translation": "Lebendige Flüsse"}));
    let data = temp_file("call.json", &doc.to_string());
    let run = |step: &str| validate_with_call(template, call, Some(step), &data);
    assert_eq!(run("1").status.code(), Some(0), "{}", stdout(&run("1")));
    let out = run("2");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("/ratio: error number.too_many_decimals"), "{}", stdout(&out));
    // Without the configuration, DE is not an input language of the template.
    let out = hitforms(&["validate", "-t", template, data.to_str().unwrap()]);
    assert!(stdout(&out).contains("/title/2/language: error language.unknown"), "{}", stdout(&out));

    let bad = temp_file(
        "bad-call.json",
        r#"{"template": "other", "inputLanguages": ["EN", "XX"], "colour": 1}"#,
    );
    let out = validate_with_call(template, &bad, None, &data);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("/inputLanguages/1") && err.contains("/colour"), "{err}");
}

#[test]
fn compute_fills_every_computed_value() {
    let mut doc = all_kinds_data();
    doc["partners"][0]["budget"][0]["total"] = Value::from(1);
    doc["partners"][1]["budget"] = serde_json::json!([{"units": "3", "price": "33.33"}]);
    let data = temp_file("compute.json", &doc.to_string());
    let out = hitforms(&["compute", "--template", ALL_KINDS, data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let got: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(got["partners"][0]["budget"][0]["total"].to_string(), "54006.00");
    assert_eq!(got["partners"][1]["partnerTotal"].to_string(), "99.99");
    assert_eq!(got["projectTotal"].to_string(), "54605.99");
    assert_eq!(hitforms(&["compute", data.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn a_configuration_may_only_change_limits_the_template_allows() {
    let template = ALL_KINDS;
    let data =
        temp_file("limits-data.json", include_str!("../../tests/fixtures/all-kinds-data.json"));
    let ok = temp_file(
        "limits-ok.json",
        r#"{"template": "all-kinds", "inputLanguages": ["EN", "FR"], "limits": {"acronym": {"maxLength": 3}}}"#,
    );
    let out = validate_with_call(template, &ok, None, &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("/acronym: error text.too_long: Use at most 3 characters (now 6)."),
        "{}",
        stdout(&out)
    );
    let bad = temp_file(
        "limits-bad.json",
        r#"{"template": "all-kinds", "inputLanguages": ["EN"], "limits": {"notes": {"maxLength": 3}}}"#,
    );
    let out = validate_with_call(template, &bad, None, &data);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/limits/notes"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    // `hitforms schema template | head -c 0`: the reader is gone before the
    // schema is written; the program must not panic.
    let mut child = Command::new(env!("CARGO_BIN_EXE_hitforms"))
        .args(["schema", "template"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
