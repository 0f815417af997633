//! The example applications (tests/fixtures/hit/examples): each gives
//! exactly the findings listed in its `expected.json` under its call
//! configuration — none for the valid ones — with the fixture code lists,
//! and with the real NUTS, country and objective lists when the shared data
//! folder is present.

mod hit;

use hit::{config, errors, fixtures, read_json, real_lists, run, template};
use hitforms_engine::codelists::CodeLists;

fn check_all(lists: &CodeLists, which: &str) {
    let root = fixtures().join("../../..");
    let expected = read_json(&fixtures().join("examples/expected.json"));
    let t = template("hit-application");
    let mut failures = Vec::new();
    for ex in expected["examples"].as_array().unwrap() {
        let file = ex["file"].as_str().unwrap();
        let c = config(
            &t,
            &std::fs::read_to_string(root.join(ex["config"].as_str().unwrap())).unwrap(),
        );
        let step = ex["step"].as_u64().unwrap() as u8;
        let data = read_json(&fixtures().join("examples").join(file));
        let got = errors(&run(&t, &c, step, data, lists).issues());
        let mut want: Vec<(String, String)> = ex["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_str().unwrap().to_owned(), e[1].as_str().unwrap().to_owned()))
            .collect();
        want.sort();
        if got != want {
            failures
                .push(format!("{file} (step {step}, {which}):\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_gives_exactly_its_expected_findings_with_the_fixture_lists() {
    check_all(&CodeLists::fixtures(), "fixture code lists");
}

#[test]
fn every_example_gives_exactly_its_expected_findings_with_the_real_lists() {
    match real_lists() {
        Some(lists) => check_all(&lists, "real code lists"),
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
