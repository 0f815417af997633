//! `FormState::data_text` writes exactly the text serde_json writes for
//! `FormState::data` (same keys, order, numbers, escapes), on the example
//! documents and after edits that leave invalid values, unknown keys, empty
//! items and cleared fields.

use hitforms_engine::{FormState, Template, builtin_template};
use serde_json::{Value, json};

fn same(form: &FormState, what: &str) {
    let serde = serde_json::to_string(&form.data()).unwrap();
    assert_eq!(form.data_text(), serde, "{what}");
}

fn read(path: &str) -> Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    serde_json::from_str(&std::fs::read_to_string(root.join(path)).unwrap()).unwrap()
}

#[test]
fn the_hit_examples_are_written_as_serde_writes_them() {
    let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hit/examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "expected.json") {
            continue;
        }
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut form = FormState::new(t.clone(), data).unwrap();
        same(&form, &path.display().to_string());
        form.add_item("/partners").unwrap();
        same(&form, "an empty partner");
        seen += 1;
    }
    assert!(seen >= 10, "{seen} examples");
}

#[test]
fn odd_values_are_written_as_serde_writes_them() {
    let t = Template::load(include_str!("../../tests/fixtures/all-kinds.json")).unwrap();
    let mut data = read("tests/fixtures/all-kinds-data.json");
    data["unknownKey"] = json!({"b": [1, "two", null], "a": "x\"y\\z\u{1}é😀"});
    data["partners"][0]["zzz"] = json!(1.50);
    data["partners"][1]["address"] = json!("not an object");
    let mut form = FormState::new(t, data).unwrap();
    same(&form, "as read");
    form.set_input("/duration", "twelve").unwrap();
    form.set_input("/acronym", "tab\there \"quoted\" \u{7f} ünï 😀").unwrap();
    form.set_translation("/title", "FR", "").unwrap();
    form.set_input("/ratio", "-0.0100").unwrap();
    form.add_item("/partners").unwrap();
    form.add_item("/partners/0/budget").unwrap();
    same(&form, "after edits");
    form.set_input("/partners/0/address/city", "").unwrap();
    form.set_input("/partners/0/address/postalCode", "").unwrap();
    same(&form, "an emptied group");
}
