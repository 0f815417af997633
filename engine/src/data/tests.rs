use super::*;
use crate::Template;
use serde_json::json;

fn template() -> Template {
    Template::load(include_str!("../../../tests/fixtures/all-kinds.json")).unwrap()
}

#[test]
fn a_valid_document_round_trips_exactly() {
    let t = template();
    let doc: Json =
        serde_json::from_str(include_str!("../../../tests/fixtures/all-kinds-data.json")).unwrap();
    let record = read_record(&t.root, &doc);
    assert_eq!(write_record(&t.root, &record), doc);
}

#[test]
fn values_that_do_not_fit_and_unknown_keys_are_kept() {
    let t = template();
    let doc = json!({"acronym": 7, "duration": "soon", "start": "2026-02-30", "extra": {"a": 1},
                     "partners": [{"abbreviation": "X", "budget": [{"units": "2", "price": 1.5}]}, "oops"]});
    let record = read_record(&t.root, &doc);
    let (slot, _) = t.root.field("acronym").unwrap();
    assert_eq!(record.slots[slot], Value::Invalid(json!(7)));
    let back = write_record(&t.root, &record);
    assert_eq!(back["duration"], "soon");
    assert_eq!(back["start"], "2026-02-30");
    assert_eq!(back["extra"], json!({"a": 1}));
    assert_eq!(back["partners"][1], "oops");
    assert_eq!(back["partners"][0]["budget"][0]["units"], json!(2));
}

#[test]
fn a_missing_group_is_an_empty_record_at_every_depth() {
    // So computed values inside nested groups are filled even when the
    // document has none of the groups (a report's financial overview).
    let t = Template::load(
        r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s", "title": {"en": "S"},
            "fields": [{"id": "a", "kind": "money", "label": {"en": "A"}},
              {"id": "outer", "kind": "group", "label": {"en": "O"}, "fields": [
                {"id": "inner", "kind": "group", "label": {"en": "I"}, "fields": [
                  {"id": "twice", "kind": "computed", "type": "number", "expression": "a * 2"}]}]}]}]}"#,
    )
    .unwrap();
    let record = read_record(&t.root, &json!({"a": 1.5}));
    let (outer, _) = t.root.field("outer").unwrap();
    let Value::Record(o) = &record.slots[outer] else { panic!("outer: {:?}", record.slots[outer]) };
    assert!(matches!(o.slots[0], Value::Record(_)), "inner: {:?}", o.slots[0]);
    let form = crate::FormState::new(t, json!({"a": 1.5})).unwrap();
    assert_eq!(form.data()["outer"]["inner"]["twice"], json!(3.0));
}
