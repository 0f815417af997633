//! The runner itself, natively: every embedded case passes through the
//! embedded files (so the wasm run has every file it needs), the embedded
//! list is the files on disk, and bad case files are reported, not panicked
//! on. Native only (the wasm tests are tests/wasm.rs).
#![cfg(not(target_arch = "wasm32"))]

use hitforms_conformance::{
    Disk, Embedded, Files, Mismatch, Options, embedded_case_files, embedded_files, run_embedded,
    run_text,
};

#[test]
fn every_embedded_case_passes_through_the_embedded_files() {
    let report = run_embedded(&Options::default());
    assert!(report.mismatches.is_empty(), "{}", report.describe());
    assert_eq!(report.files, embedded_case_files().len());
    // 9 HIT suites (73 cases), 50 report cases, 15 + 8 examples.
    assert!(report.cases >= 146, "only {} cases", report.cases);
}

/// The same cases with every template and configuration read back from
/// the compiled format (`hitforms compile`), as `hitforms/full` reads them.
#[test]
fn every_embedded_case_passes_through_compiled_templates() {
    let report = run_embedded(&Options { compiled: true, ..Options::default() });
    assert!(report.mismatches.is_empty(), "{}", report.describe());
    assert!(report.cases >= 146, "only {} cases", report.cases);
}

#[test]
fn the_embedded_case_files_are_the_case_files_on_disk() {
    assert_eq!(Disk::repo().case_files(), embedded_case_files());
    // And what they name: configurations, base and example documents.
    let files: Vec<&str> = embedded_files().collect();
    for needed in [
        "engine/templates/hit/call-two-step.json",
        "tests/fixtures/hit/examples/two-step-valid.json",
        "tests/fixtures/reports/conformance/configs/config-two-funds.json",
        "tests/fixtures/reports/cobium-partner-report.json",
    ] {
        assert!(files.contains(&needed), "{needed} is not embedded");
    }
    for file in files {
        assert_eq!(Embedded.read(file), Disk::repo().read(file), "{file}");
    }
}

/// The mismatches of a case file given as text, read as if it were in the
/// report conformance folder.
fn mismatches(text: &str) -> Vec<Mismatch> {
    run_text("tests/fixtures/reports/conformance/x.json", text, &Embedded, &Options::default())
        .mismatches
}

const VALID: &str = r#"{"template": "academy-application", "config": null, "step": null,
  "data": {}, "computed": {}, "codes": []}"#;

#[test]
fn a_wrong_expectation_is_a_mismatch_with_expected_and_got() {
    // The empty academy application: its required fields are missing.
    let m = mismatches(VALID);
    assert_eq!(m.len(), 3, "{m:#?}");
    assert_eq!(m[0].case, "tests/fixtures/reports/conformance/x.json");
    assert!(
        m[0].what.starts_with("findings of the form (missing [], unexpected [\"required\", "),
        "{}",
        m[0].what
    );
    assert_eq!(m[0].expected, "[]");
    assert!(m[0].got.contains("\"required\""), "{}", m[0].got);
    assert!(m[1].what.starts_with("findings of the data as given"));
    assert!(m[2].what.starts_with("findings of the computed document"));
}

#[test]
fn a_wrong_computed_value_is_a_mismatch_to_the_cent() {
    let case = std::fs::read_to_string(
        Disk::repo().root.join("tests/fixtures/reports/conformance/pr-fund-split.json"),
    )
    .unwrap()
    .replace("\"772.22\"", "\"772.23\"");
    let m = mismatches(&case);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].what, "computed /financialOverview/coFinancing/fund1/currentReport");
    assert_eq!((m[0].expected.as_str(), m[0].got.as_str()), ("\"772.23\"", "772.22"));
}

#[test]
fn a_suite_case_with_a_wrong_error_names_the_case() {
    let suite = r#"{"template": "hit-application",
      "config": "../../../../engine/templates/hit/call-two-step.json", "step": 1,
      "cases": [{"name": "blank acronym", "base": "../examples/two-step-step1-valid.json",
                 "patch": [{"path": "/acronym", "value": " "}], "errors": []},
                {"name": "fine", "base": "../examples/two-step-step1-valid.json", "errors": []}]}"#;
    let r =
        run_text("tests/fixtures/hit/conformance/x.json", suite, &Embedded, &Options::default());
    assert_eq!(r.cases, 2);
    assert_eq!(r.mismatches.len(), 1, "{:#?}", r.mismatches);
    let m = &r.mismatches[0];
    assert_eq!(m.case, "tests/fixtures/hit/conformance/x.json / blank acronym");
    assert_eq!(m.got, r#"[("/acronym", "required")]"#);
}

#[test]
fn bad_case_files_are_mismatches_not_panics() {
    for (text, what, got) in [
        ("{not json", "the case file", "key must be a string"),
        ("[]", "the case file", "[]"),
        (r#"{"template": "x"}"#, "the case file", "none of them"),
        (
            &VALID.replace("\"codes\"", "\"codez\": [], \"codes\""),
            "the case: unknown key `codez`",
            "codez",
        ),
        (
            &VALID.replace("academy-application", "no-such"),
            "`template`",
            "no-such: no such built-in template",
        ),
        (
            &VALID.replace("\"config\": null", "\"config\": \"nowhere.json\""),
            "`config` nowhere.json",
            "not embedded",
        ),
        (&VALID.replace("\"step\": null", "\"step\": 3"), "`step`", "3"),
        (&VALID.replace("\"computed\": {}", "\"computed\": {\"/a\": 1}"), "`computed` \"/a\"", "1"),
        (&VALID.replace("\"codes\": []", "\"codes\": [\"z\", \"a\"]"), "`codes`", "[\"z\", \"a\"]"),
        (&VALID.replace("\"data\": {}", "\"data\": []"), "`data`", ": data.not_object"),
        (r#"{"template": "hit-application", "cases": []}"#, "the case file", "none"),
        (r#"{"about": "", "examples": []}"#, "the case file", "none"),
    ] {
        let m = mismatches(text);
        assert_eq!(m.len(), 1, "{text}: {m:#?}");
        assert_eq!(m[0].what, what, "{text}");
        assert!(m[0].got.contains(got), "{text}: {}", m[0].got);
    }
    let suite = r#"{"template": "hit-application", "cases": [
        {"name": "a", "base": "../examples/none.json", "errors": []},
        {"name": "b", "base": "../examples/spf-valid.json", "patch": [{"path": "/nope/x"}], "errors": []},
        {"name": "c", "data": {}, "errors": [["/x"]]},
        {"data": {}, "errors": []}]}"#;
    let r =
        run_text("tests/fixtures/hit/conformance/x.json", suite, &Embedded, &Options::default());
    let whats: Vec<&str> = r.mismatches.iter().map(|m| m.what.as_str()).collect();
    assert_eq!(
        whats,
        ["`base` tests/fixtures/hit/examples/none.json", "`patch` /nope/x", "`errors`", "`name`"]
    );
}
