//! The HIT conformance cases (tests/fixtures/hit/conformance/*.json, format
//! in the README there): for every case, the computed values worked out by
//! hand from hit-domain.md §3 and exactly the expected findings. The runner
//! is `hitforms-conformance` (tests/conformance-runner), which runs the same
//! files through the wasm build in the browser tier (docs/conformance.md).

use hitforms_conformance::{Disk, Options, run_files};

#[test]
fn every_conformance_case_computes_and_finds_what_the_spec_says() {
    let disk = Disk::repo();
    let files: Vec<String> = disk
        .case_files()
        .into_iter()
        .filter(|f| f.starts_with("tests/fixtures/hit/conformance/"))
        .collect();
    assert!(files.len() >= 9, "conformance files: {files:?}");
    let report = run_files(files.iter().map(String::as_str), &disk, &Options::default());
    assert!(report.cases >= 73, "only {} cases", report.cases);
    assert!(report.mismatches.is_empty(), "{}", report.describe());
}
