//! The bodies of the fuzz targets, shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs` include this file by path) and the stable smoke
//! run (`engine/tests/fuzz_smoke.rs`). Each takes arbitrary bytes and must
//! return, whatever they are: a problem in the input is an error or a
//! finding, never a panic or a hang.
//!
//! Besides "no panic", `validate_data` checks one property of the engine:
//! after any sequence of edits, the findings kept per field (incremental
//! validation) equal a full validation of the form, and equal a validation
//! of the JSON the form writes back.

#![allow(dead_code)] // each cargo-fuzz binary uses one target

use hitforms_engine::{BUILTIN_TEMPLATES, FieldKind, FormState, Group, Issue, Template, validate};
use serde_json::{Value, json};
use std::sync::OnceLock;

/// A fuzz target: a name (its folder under `fuzz/corpus/`) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every target.
pub const TARGETS: &[Target] = &[
    ("template_load", template_load),
    ("validate_data", validate_data),
    ("expression", expression),
    ("compiled_read", compiled_read),
];

/// Bytes → a compiled template or configuration document, its checksum
/// made right for what it now holds (`compiled::reseal`), read by
/// `Template::from_compiled` or `Config::from_compiled` (against the HIT
/// application), and as it is: any bytes give a result or a refusal with
/// its code, never a panic or a hang. What reads is compiled again and must
/// read back the same, and is then used: a template validated, viewed and
/// edited; a configuration applied to a form at both steps.
pub fn compiled_read(bytes: &[u8]) {
    use hitforms_engine::config::{Config, Step};
    let text = String::from_utf8_lossy(bytes);
    let _ = Template::from_compiled(&text);
    let Some(sealed) = hitforms_engine::compiled::reseal(&text) else { return };
    if let Ok(template) = Template::from_compiled(&sealed) {
        let again = Template::from_compiled(&template.to_compiled()).expect("its own output reads");
        assert_eq!(format!("{again:?}"), format!("{template:?}"));
        let _ = use_template(template, bytes);
    }
    let hit = templates().iter().find(|t| t.id == "hit-application").expect("built in");
    if let Ok(config) = Config::from_compiled(&sealed, hit) {
        let again = Config::from_compiled(&config.to_compiled(hit), hit).expect("it reads back");
        assert_eq!(again, config);
        let config = std::sync::Arc::new(config);
        for step in [Step::One, Step::Two] {
            let setup =
                hitforms_engine::Setup { code_lists: None, config: Some((config.clone(), step)) };
            let Ok(mut form) = FormState::new_with(hit.clone(), json!({}), setup) else { continue };
            for field in hit.root.fields.iter().take(64) {
                let _ = form.view(&format!("/{}", field.id), "en");
            }
            let _ = form.issues();
            edit(&mut form, bytes);
        }
    }
}

/// Bytes → expression text, compiled in the scope of a partner of the
/// all-kinds fixture (the root record, then one partner) for several
/// expected types; whatever compiles is evaluated against the fixture's data.
/// Errors must be reported (never an empty list), nothing may panic.
pub fn expression(bytes: &[u8]) {
    use hitforms_engine::expr::{Env, Scope, compile};
    use hitforms_engine::shape::Type;
    use hitforms_engine::value::Value as V;
    let src = String::from_utf8_lossy(bytes);
    let template = templates().last().expect("the all-kinds fixture is last");
    let Some((slot, partners)) = template.root.field("partners") else { return };
    let hitforms_engine::FieldKind::Repeat(rep) = &partners.kind else { return };
    let scopes = [template.root.shape.clone(), rep.item.shape.clone()];
    let params = template.parameters.types();
    let scope = Scope { records: &scopes, params: &params };
    static DATA: OnceLock<FormState> = OnceLock::new();
    let form = DATA.get_or_init(|| {
        let data: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/all-kinds-data.json"))
                .unwrap();
        FormState::new(template.clone(), data).expect("the fixture data is an object")
    });
    let root = form.root();
    let Some(V::List(items)) = root.slots.get(slot) else { return };
    let Some(V::Record(partner)) = items.first() else { return };
    let ctx = hitforms_engine::Context::of(template);
    let records = [root, partner];
    let env =
        Env { records: &records, positions: &[1], params: &ctx.params, languages: ctx.languages };
    for expected in [None, Some(Type::Number), Some(Type::Bool), Some(Type::Text)] {
        match compile(&src, &scope, expected.as_ref()) {
            Ok(expr) => {
                let _ = (expr.eval(&env), expr.is_true(&env), expr.refs().len());
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "a refusal names its reasons");
                for e in &errors {
                    let _ = e.to_issue("/x").message();
                }
            }
        }
    }
}

/// Bytes → template text → lenient loading; a usable template is then used.
pub fn template_load(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (template, problems) = Template::load_lenient(&text);
    for p in &problems {
        assert!(p.path.is_empty() || p.path.starts_with('/'), "bad pointer {:?}", p.path);
        let _ = p.message();
    }
    let Some(template) = template else { return };
    // Whatever lenient loading kept must be usable for validation and views.
    if let Some(form) = use_template(template, bytes) {
        check_consistent(&form);
    }
}

/// Uses a template as a form does: validates an empty document, views the
/// root fields and makes a few edits chosen by `bytes`; the form, unless
/// it could not be made.
fn use_template(template: Template, bytes: &[u8]) -> Option<FormState> {
    for issue in validate(&template, &json!({})) {
        let _ = issue.message();
    }
    let ids: Vec<String> = template.root.fields.iter().map(|f| format!("/{}", f.id)).collect();
    let mut form = FormState::new(template, json!({})).ok()?;
    for id in ids.iter().take(64) {
        let _ = form.view(id, "en");
    }
    edit(&mut form, bytes);
    Some(form)
}

/// The templates data is validated against: the built-ins and the fixture
/// with every field kind.
fn templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let all_kinds = include_str!("../../../tests/fixtures/all-kinds.json");
        BUILTIN_TEMPLATES
            .iter()
            .map(|(_, json)| *json)
            .chain([all_kinds])
            .map(|json| Template::load(json).expect("the fuzzed templates load"))
            .collect()
    })
}

/// Bytes → JSON data → validation against each template, then a form over
/// it with a few edits chosen by the bytes.
pub fn validate_data(bytes: &[u8]) {
    let Ok(data) = serde_json::from_slice::<Value>(bytes) else { return };
    for template in templates() {
        for issue in validate(template, &data) {
            let _ = issue.message();
        }
        let Ok(mut form) = FormState::new(template.clone(), data.clone()) else { continue };
        edit(&mut form, bytes);
        check_consistent(&form);
    }
}

/// Up to eight edits, each chosen by a small generator seeded from the bytes.
fn edit(form: &mut FormState, bytes: &[u8]) {
    let mut pointers = Vec::new();
    field_pointers(&form.template().root, "", 0, &mut pointers);
    let mut seed = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3) // FNV-1a
    });
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    for _ in 0..next() % 9 {
        let (pointer, kind) = &pointers[next() % pointers.len()];
        let start = next() % (bytes.len() + 1);
        let end = start + next() % (bytes.len() - start + 1);
        let typed = String::from_utf8_lossy(&bytes[start..end]);
        let _ = match (kind, next() % 4) {
            (Kind::List, 0 | 1) => form.add_item(pointer).map(|(_, c)| c),
            (Kind::List, 2) => form.remove_item(pointer, next() % 3),
            (Kind::List, _) => form.move_item(pointer, next() % 3, next() % 3),
            (Kind::Multilingual, n) => {
                let language = ["EN", "DE", "FR", "XX"][n];
                form.set_translation(pointer, language, &typed)
            }
            (Kind::Value, 0) => form.set_value(pointer, json!(typed)),
            (Kind::Value, _) => form.set_input(pointer, &typed),
        };
    }
}

/// What an edit can do to a field.
enum Kind {
    List,
    Multilingual,
    Value,
}

/// Pointers of the template's fields, with list indices 0 and 1 (whether
/// or not the data has such items: edits must refuse missing ones).
fn field_pointers(group: &Group, prefix: &str, depth: usize, out: &mut Vec<(String, Kind)>) {
    for field in &group.fields {
        let pointer = format!("{prefix}/{}", field.id);
        match &field.kind {
            FieldKind::Group(g) if depth < 4 => field_pointers(g, &pointer, depth + 1, out),
            FieldKind::Repeat(rep) if depth < 4 => {
                for i in 0..2 {
                    field_pointers(&rep.item, &format!("{pointer}/{i}"), depth + 1, out);
                }
                out.push((pointer, Kind::List));
            }
            FieldKind::Multilingual { .. } => out.push((pointer, Kind::Multilingual)),
            _ => out.push((pointer, Kind::Value)),
        }
    }
    if out.is_empty() {
        out.push(("/missing".to_owned(), Kind::Value));
    }
}

/// Incremental findings = full validation = validation of the written JSON.
fn check_consistent(form: &FormState) {
    let sorted = |issues: Vec<Issue>| {
        let mut keys: Vec<String> =
            issues.iter().map(|i| serde_json::to_string(i).expect("issues serialize")).collect();
        keys.sort();
        keys
    };
    let full = sorted(form.issues());
    assert_eq!(sorted(form.field_issues().cloned().collect()), full, "incremental ≠ full");
    assert_eq!(sorted(validate(form.template(), &form.data())), full, "written JSON differs");
}
