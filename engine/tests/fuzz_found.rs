//! Cases the fuzz smoke run found (`fuzz_smoke.rs`), kept as plain tests.

use hitforms_engine::{Code, FormState, Template};
use serde_json::json;

fn template(fields: &str) -> Template {
    let json = format!(
        r#"{{"id": "t", "version": "1", "title": {{"en": "T"}}, "inputLanguages": ["EN"],
            "sections": [{{"id": "s", "title": {{"en": "S"}}, "fields": [{fields}]}}]}}"#
    );
    Template::load(&json).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// Found by the fuzz smoke run: removing or moving an item of a "list"
/// that holds something else (kept as given) replaced that value with an
/// empty list, then failed, leaving the data changed and the findings stale.
#[test]
fn a_refused_list_change_leaves_the_data_as_it_was() {
    let t = template(
        r#"{"id": "items", "kind": "repeat", "label": {"en": "I"}, "minItems": 1,
            "fields": [{"id": "name", "kind": "text", "label": {"en": "N"}}]}"#,
    );
    let mut form = FormState::new(t, json!({"items": "oops"})).unwrap();
    assert!(form.remove_item("/items", 0).is_err());
    assert!(form.move_item("/items", 0, 1).is_err());
    assert_eq!(form.data(), json!({"items": "oops"}));
    assert_eq!(form.field_issues().cloned().collect::<Vec<_>>(), form.issues());
    let codes: Vec<_> = form.issues().into_iter().map(|i| (i.path, i.code)).collect();
    assert_eq!(codes, [("/items".to_owned(), Code::WrongType)]);
}

/// Found by the `compiled_read` target once it used what it read: a
/// compiled template (checksum made right) whose section names a root slot
/// the root does not have read, and validation then indexed past the
/// fields. Such a template is now refused when read.
#[test]
fn a_compiled_section_naming_a_missing_slot_is_refused() {
    use hitforms_engine::Item;
    let mut template = Template::load(hitforms_engine::builtin_template("project-idea").unwrap())
        .expect("it loads");
    template.sections[0].items.push(Item::Field(template.root.fields.len()));
    let err = Template::from_compiled(&template.to_compiled()).unwrap_err();
    assert_eq!(err.code, Code::CompiledDamaged);
}
