//! Property: after any sequence of edits, the findings the form keeps per
//! field instance (updated incrementally, what widgets show) equal a full
//! validation of the same data, which equals validating the JSON it writes.

use hitforms_engine::{FormState, Issue, Template, validate};
use proptest::prelude::*;

fn template() -> Template {
    Template::load(include_str!("../../tests/fixtures/all-kinds.json")).unwrap()
}

fn data() -> serde_json::Value {
    serde_json::from_str(include_str!("../../tests/fixtures/all-kinds-data.json")).unwrap()
}

/// One user action, with indices taken modulo what exists at that moment.
#[derive(Clone, Debug)]
enum Edit {
    Root(usize, String),
    Translation(usize, String),
    Partner(usize, usize, String),
    Row(usize, usize, usize, String),
    AddPartner,
    AddRow(usize),
    RemovePartner(usize),
    MovePartner(usize, usize),
}

const ROOT: &[&str] =
    &["/acronym", "/notes", "/duration", "/ratio", "/start", "/public", "/vatRecovery", "/nuts"];
const PARTNER: &[&str] =
    &["abbreviation", "address/city", "address/postalCode", "cofinancing", "lead"];
const ROW: &[&str] = &["units", "price"];

fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z ]{0,30}",
        "-?[0-9]{1,4}(\\.[0-9]{1,4})?",
        Just("2026-02-30".to_string()),
        Just("2026-05-01".to_string()),
        Just("true".to_string()),
        Just("Partly".to_string()),
        Just("😀".repeat(14)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..ROOT.len(), typed()).prop_map(|(f, t)| Edit::Root(f, t)),
        (0..2usize, typed()).prop_map(|(l, t)| Edit::Translation(l, t)),
        (0..4usize, 0..PARTNER.len(), typed()).prop_map(|(p, f, t)| Edit::Partner(p, f, t)),
        (0..4usize, 0..4usize, 0..ROW.len(), typed())
            .prop_map(|(p, r, f, t)| Edit::Row(p, r, f, t)),
        Just(Edit::AddPartner),
        (0..4usize).prop_map(Edit::AddRow),
        (0..4usize).prop_map(Edit::RemovePartner),
        (0..4usize, 0..4usize).prop_map(|(a, b)| Edit::MovePartner(a, b)),
    ]
}

fn apply(form: &mut FormState, edit: &Edit) {
    let partners = form.data()["partners"].as_array().map_or(0, Vec::len).max(1);
    let rows = |p: usize, form: &FormState| {
        form.data()["partners"][p]["budget"].as_array().map_or(0, Vec::len).max(1)
    };
    // Edits at pointers that do not exist (yet) are refused; that is fine too.
    let _ = match edit {
        Edit::Root(f, t) => form.set_input(ROOT[*f], t).map(|_| ()),
        Edit::Translation(l, t) => form.set_translation("/title", ["EN", "FR"][*l], t).map(|_| ()),
        Edit::Partner(p, f, t) => {
            form.set_input(&format!("/partners/{}/{}", p % partners, PARTNER[*f]), t).map(|_| ())
        }
        Edit::Row(p, r, f, t) => {
            let p = p % partners;
            form.set_input(&format!("/partners/{p}/budget/{}/{}", r % rows(p, form), ROW[*f]), t)
                .map(|_| ())
        }
        Edit::AddPartner => form.add_item("/partners").map(|_| ()),
        Edit::AddRow(p) => form.add_item(&format!("/partners/{}/budget", p % partners)).map(|_| ()),
        Edit::RemovePartner(p) => form.remove_item("/partners", p % partners).map(|_| ()),
        Edit::MovePartner(a, b) => {
            form.move_item("/partners", a % partners, b % partners).map(|_| ())
        }
    };
}

fn sorted(issues: impl IntoIterator<Item = Issue>) -> Vec<String> {
    let mut v: Vec<String> =
        issues.into_iter().map(|i| serde_json::to_string(&i).unwrap()).collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_findings_equal_full_validation(edits in proptest::collection::vec(edit(), 1..25)) {
        let template = template();
        let mut form = FormState::new(template.clone(), data()).unwrap();
        for e in &edits {
            apply(&mut form, e);
            let full = sorted(form.issues());
            prop_assert_eq!(sorted(form.field_issues().cloned()), full.clone(), "after {:?}", e);
            prop_assert_eq!(sorted(validate(&template, &form.data())), full, "JSON round trip after {:?}", e);
        }
    }
}
