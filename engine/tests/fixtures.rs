//! The shared fixture cases (tests/fixtures/project-idea-cases.json): the
//! engine must give exactly the expected findings. The CLI and the wasm build
//! run the same cases.

use hitforms_engine::{Template, builtin_template, validate};
use serde_json::{Value, json};

#[test]
fn every_fixture_case_gives_exactly_its_expected_findings() {
    let cases: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/project-idea-cases.json")).unwrap();
    let template =
        Template::load(builtin_template(cases["template"].as_str().unwrap()).unwrap()).unwrap();
    for case in cases["cases"].as_array().unwrap() {
        let got: Vec<Value> = validate(&template, &case["data"])
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap();
                // The fixture states severity only for warnings.
                if v["severity"] == json!("error") {
                    v.as_object_mut().unwrap().remove("severity");
                }
                v
            })
            .collect();
        assert_eq!(Value::Array(got), case["expected"], "case {}", case["name"]);
    }
}
