//! The example applications (tests/fixtures/hit/examples): each gives
//! exactly the findings listed in its `expected.json` under its call
//! configuration — none for the valid ones — with the fixture code lists,
//! and with the real NUTS, country and objective lists when the shared data
//! folder is present. The runner is `hitforms-conformance`
//! (tests/conformance-runner), which runs the same manifest in wasm.

mod hit;

use hit::{config, errors, fixtures, read_json, real_lists, run, template};
use hitforms_conformance::{Disk, Options, run_file};
use hitforms_engine::codelists::CodeLists;
use std::sync::Arc;

const MANIFEST: &str = "tests/fixtures/hit/examples/expected.json";

fn check_all(options: &Options) {
    let report = run_file(MANIFEST, &Disk::repo(), options);
    assert!(report.cases >= 15, "only {} examples", report.cases);
    assert!(report.mismatches.is_empty(), "{}", report.describe());
}

#[test]
fn every_example_gives_exactly_its_expected_findings_with_the_fixture_lists() {
    check_all(&Options::default());
}

#[test]
fn every_example_gives_exactly_its_expected_findings_with_the_real_lists() {
    match real_lists() {
        Some(lists) => {
            check_all(&Options { code_lists: Some(Arc::new(lists)), ..Options::default() })
        }
        None => eprintln!("no shared data folder: only the fixture code lists were used"),
    }
}

#[test]
fn every_example_file_is_listed() {
    let expected = read_json(&fixtures().join("examples/expected.json"));
    let listed: std::collections::BTreeSet<&str> = expected["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    for entry in std::fs::read_dir(fixtures().join("examples")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") && name != "expected.json" {
            assert!(listed.contains(name.as_str()), "{name} is not in expected.json");
        }
    }
}

#[test]
fn a_broken_example_is_broken_only_where_intended() {
    // The broken variants differ from their valid base in a few values only:
    // a guard against a variant that breaks more than its name says.
    let dir = fixtures().join("examples");
    let valid = read_json(&dir.join("one-step-valid.json"));
    let broken = read_json(&dir.join("one-step-broken-lead-count.json"));
    assert_ne!(valid, broken);
    assert_eq!(broken.pointer("/partners/1/role").unwrap(), "LEAD_PARTNER");
    let mut fixed = broken.clone();
    *fixed.pointer_mut("/partners/1/role").unwrap() = "PARTNER".into();
    assert_eq!(fixed, valid);
}

#[test]
fn the_step_given_to_the_form_decides_what_is_checked() {
    // A loaded configuration is at step 2; the form applies the step it is
    // given (callers need not call `Config::at_step` themselves). The step-1
    // document of the two-step call is complete for step 1 only.
    let t = template("hit-application");
    let c = config(&t, include_str!("../templates/hit/call-two-step.json"));
    let data = read_json(&fixtures().join("examples/two-step-step1-valid.json"));
    let lists = CodeLists::fixtures();
    assert_eq!(errors(&run(&t, &c, 1, data.clone(), &lists).issues()), []);
    assert!(!errors(&run(&t, &c, 2, data, &lists).issues()).is_empty());
}

#[test]
fn a_form_set_up_at_once_equals_one_set_up_step_by_step() {
    use hitforms_engine::config::Step;
    use hitforms_engine::{FormState, Setup};
    use std::sync::Arc;
    let t = template("hit-application");
    let c = Arc::new(config(&t, include_str!("../templates/hit/call-two-step.json")));
    let lists = Arc::new(CodeLists::fixtures());
    let data = read_json(&fixtures().join("examples/two-step-step1-broken-acronym.json"));
    let setup = Setup { code_lists: Some(lists.clone()), config: Some((c.clone(), Step::One)) };
    let at_once = FormState::new_with(t.clone(), data.clone(), setup).unwrap();
    let by_steps =
        FormState::new(t, data).unwrap().with_code_lists(lists).with_config(c, Step::One);
    assert_eq!(at_once.data(), by_steps.data());
    assert_eq!(at_once.issues(), by_steps.issues());
    assert!(!at_once.issues().is_empty());
    let kept = |f: &FormState| f.field_issues().cloned().collect::<Vec<_>>();
    assert_eq!(kept(&at_once), kept(&by_steps));
}
