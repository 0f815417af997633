//! The HIT conformance cases (tests/fixtures/hit/conformance/*.json, format
//! in the README there): for every case, the computed values worked out by
//! hand from hit-domain.md §3 and exactly the expected findings. The same
//! files are meant to run through the wasm build in the browser tier.

mod hit;

use hit::{config, decimal_at, errors, fixtures, read_json, run, template};
use hitforms_engine::codelists::CodeLists;
use serde_json::Value;

/// The case's data: inline, or a base document with pointer edits.
fn case_data(case: &Value, dir: &std::path::Path) -> Value {
    if let Some(d) = case.get("data") {
        return d.clone();
    }
    let mut doc = read_json(&dir.join(case["base"].as_str().expect("data or base")));
    for edit in case["patch"].as_array().into_iter().flatten() {
        let pointer = edit["path"].as_str().unwrap();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
        match (edit.get("value"), target) {
            (Some(v), Value::Object(o)) => {
                o.insert(key.to_owned(), v.clone());
            }
            // Setting the index one past the end appends.
            (Some(v), Value::Array(a)) => match key.parse::<usize>().unwrap() {
                i if i == a.len() => a.push(v.clone()),
                i => a[i] = v.clone(),
            },
            (None, Value::Object(o)) => {
                o.remove(key);
            }
            (None, Value::Array(a)) => {
                a.remove(key.parse::<usize>().unwrap());
            }
            _ => panic!("cannot edit {pointer}"),
        }
    }
    doc
}

#[test]
fn every_conformance_case_computes_and_finds_what_the_spec_says() {
    let dir = fixtures().join("conformance");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "conformance files: {files:?}");
    let lists = CodeLists::fixtures();
    let mut cases = 0;
    let mut failures = Vec::new();
    for file in &files {
        let suite = read_json(file);
        let t = template(suite["template"].as_str().unwrap());
        // The configuration: an object, or a path relative to this folder.
        let c = match &suite["config"] {
            Value::String(path) => config(&t, &std::fs::read_to_string(dir.join(path)).unwrap()),
            inline => config(&t, &inline.to_string()),
        };
        let watch: Vec<String> = suite["watch"]
            .as_array()
            .map(|w| w.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        for case in suite["cases"].as_array().unwrap() {
            let watch_paths: Vec<String> = case
                .get("watchPaths")
                .or(suite.get("watchPaths"))
                .and_then(Value::as_array)
                .map(|w| w.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            cases += 1;
            let name =
                format!("{} / {}", file.file_name().unwrap().to_string_lossy(), case["name"]);
            let step = case.get("step").or(suite.get("step")).and_then(Value::as_u64).unwrap_or(2);
            let form = run(&t, &c, step as u8, case_data(case, &dir), &lists);
            let doc = form.data();
            for (pointer, want) in case["computed"].as_object().into_iter().flatten() {
                let got = decimal_at(&doc, pointer);
                let want = want.as_str().map(|s| s.parse::<rust_decimal::Decimal>().unwrap());
                if got != want {
                    failures.push(format!("{name}: {pointer} is {got:?}, expected {want:?}"));
                }
            }
            let watched =
                |code: &str| watch.is_empty() || watch.iter().any(|w| code.starts_with(w.as_str()));
            let on_path = |path: &str| {
                watch_paths.is_empty() || watch_paths.iter().any(|w| path.starts_with(w.as_str()))
            };
            let got: Vec<(String, String)> = errors(&form.issues())
                .into_iter()
                .filter(|(p, c)| watched(c) && on_path(p))
                .collect();
            let mut want: Vec<(String, String)> = case["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e[0].as_str().unwrap().to_owned(), e[1].as_str().unwrap().to_owned()))
                .collect();
            want.sort();
            if got != want {
                failures.push(format!("{name}: findings\n  got  {got:?}\n  want {want:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
