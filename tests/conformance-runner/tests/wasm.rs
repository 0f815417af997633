//! The browser tier: every conformance case and example (the same files the
//! native engine tests run) through the engine compiled to wasm, in headless
//! Chromium. Run with `wasm-pack test --headless --chrome tests/conformance-runner`
//! (part of `cargo xtask test`). Each mismatch is reported with its case,
//! what differed, and expected vs got.
#![cfg(target_arch = "wasm32")]

use hitforms_conformance::{
    CASE_DIRS, Embedded, MANIFESTS, Options, Report, embedded_case_files, run_files,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs the embedded case files whose path starts with one of `prefixes`.
fn run(prefixes: &[&str]) -> Report {
    run_with(prefixes, &Options::default())
}

fn run_with(prefixes: &[&str], options: &Options) -> Report {
    let files =
        embedded_case_files().iter().copied().filter(|f| prefixes.iter().any(|p| f.starts_with(p)));
    let report = run_files(files, &Embedded, options);
    console_log!("{prefixes:?}: {} cases in {} files", report.cases, report.files);
    assert!(report.mismatches.is_empty(), "{}", report.describe());
    report
}

#[wasm_bindgen_test]
fn every_hit_conformance_case_in_wasm() {
    let r = run(&["tests/fixtures/hit/conformance/"]);
    assert!(r.files >= 9 && r.cases >= 73, "{} cases in {} files", r.cases, r.files);
}

#[wasm_bindgen_test]
fn every_report_conformance_case_in_wasm() {
    let r = run(&["tests/fixtures/reports/conformance/"]);
    assert!(r.files >= 50 && r.cases == r.files, "{} cases in {} files", r.cases, r.files);
}

#[wasm_bindgen_test]
fn every_example_in_wasm() {
    let r = run(MANIFESTS);
    assert!(r.files == 2 && r.cases >= 23, "{} cases in {} files", r.cases, r.files);
}

/// Every case and example again, with templates and configurations read
/// from the compiled format, as `hitforms/full` reads them in the browser.
#[wasm_bindgen_test]
fn every_case_and_example_through_compiled_templates_in_wasm() {
    let options = Options { compiled: true, ..Options::default() };
    let all: Vec<&str> = CASE_DIRS.iter().chain(MANIFESTS).copied().collect();
    let r = run_with(&all, &options);
    assert!(r.files >= 61 && r.cases >= 146, "{} cases in {} files", r.cases, r.files);
}

#[wasm_bindgen_test]
fn the_tests_above_cover_every_embedded_case_file() {
    let covered = |f: &&str| {
        MANIFESTS.contains(f)
            || CASE_DIRS.iter().any(|d| f.strip_prefix(d).is_some_and(|r| r.starts_with('/')))
    };
    assert!(embedded_case_files().iter().all(covered));
    assert!(embedded_case_files().len() >= 61);
}
