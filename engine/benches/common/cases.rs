//! The benchmark cases of issue #3, the same natively and in wasm: template
//! loading (JSON, and compiled: `hitforms compile`), full validation (from JSON, and of records already read), and
//! incremental validation of one changed field, on generated inputs.

use super::harness::{Clock, Stats, measure, time};
use super::inputs;
use hitforms_engine::{FieldKind, FormState, Group, Template, validate};

/// The goals of issue #3, in µs per run.
const FULL_GOAL_US: f64 = 1_000.0;
const ONE_FIELD_GOAL_US: f64 = 50.0;

/// Runs every case whose name contains `filter` (all for ""), printing
/// each line as it is measured with `print`.
pub fn run_all(clock: Clock, filter: &str, print: &mut dyn FnMut(&str)) -> Vec<Stats> {
    let thousand = inputs::thousand_fields();
    let loaded = Template::load(&thousand).expect("the 1,000-field template loads");
    assert_eq!(count_fields(&loaded.root), 1_000);
    let hit = Template::load(&inputs::hit_template()).expect("the HIT-like template loads");
    let text = inputs::hit_document(0);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("the document is JSON");
    let form = FormState::new(hit.clone(), doc.clone()).expect("a form over the document");
    assert!(form.is_valid(), "the generated document is valid: {:?}", form.issues().first());

    let mut out = Vec::new();
    let mut add = |stats: Stats| {
        print(&stats.line());
        out.push(stats);
    };
    let on = |name: &str| name.contains(filter);
    let full = Some(FULL_GOAL_US);

    let name = "template load: 1,000 fields (JSON text → Template)";
    if on(name) {
        add(time(name, None, clock, || Template::load(&thousand)));
    }
    let hit_json = include_str!("../../templates/hit/hit-application.json");
    let name = "template load: hit-application (JSON text → Template)";
    if on(name) {
        add(time(name, None, clock, || Template::load(hit_json)));
    }
    let name = "compiled template read: hit-application (Template::from_compiled)";
    if on(name) {
        let compiled = Template::load(hit_json).expect("it loads").to_compiled();
        add(time(name, None, clock, || Template::from_compiled(&compiled)));
    }
    let name = "document JSON text → serde_json::Value (for reference)";
    if on(name) {
        add(time(name, None, clock, || serde_json::from_str::<serde_json::Value>(&text)));
    }
    let name = "document JSON text → serde_json::Value with hitforms_engine::json::parse";
    if on(name) {
        add(time(name, None, clock, || hitforms_engine::json::parse(&text)));
    }
    // Reading JSON is parsing, not validation: like the JSON text case,
    // it is timed for reference (docs/benchmarks.md says why).
    let name = "read JSON value into records, then validate (for reference)";
    if on(name) {
        add(time(name, None, clock, || validate(&hit, &doc)));
    }
    let name = "full validation of the form's records (FormState::issues)";
    if on(name) {
        add(time(name, full, clock, || form.issues()));
    }
    let name = "set_input one pricePerUnit (+ re-validation)";
    if on(name) {
        add(price_edits(name, form.clone(), clock));
    }
    let name = "set_input one pricePerUnit, 1,500 findings elsewhere";
    if on(name) {
        let doc = serde_json::from_str(&inputs::hit_document(10)).expect("JSON");
        let form = FormState::new(hit.clone(), doc).expect("a form");
        assert_eq!(form.field_issues().count(), 1_500);
        add(price_edits(name, form, clock));
    }
    let name = "set_translation one row description (+ re-validation)";
    if on(name) {
        let mut form = form.clone();
        let mut flip = false;
        add(time(name, Some(ONE_FIELD_GOAL_US), clock, || {
            flip = !flip;
            let text = if flip { "Travel, row 150" } else { "Reisekosten, Zeile 150" };
            form.set_translation(inputs::DESCRIPTION, "DE", text)
        }));
    }
    let name = "FormState::new on the document (read + validate + index)";
    if on(name) {
        let setup = || (hit.clone(), doc.clone());
        add(measure(name, None, clock, setup, |(t, d)| FormState::new(t, d)));
    }
    out
}

/// Times `set_input` on one price of `form`, alternating two valid values.
fn price_edits(name: &str, mut form: FormState, clock: Clock) -> Stats {
    let mut flip = false;
    time(name, Some(ONE_FIELD_GOAL_US), clock, || {
        flip = !flip;
        form.set_input(inputs::PRICE, if flip { "123.45" } else { "678.90" })
    })
}

/// Fields of a group, counting groups and repeats and what they hold.
fn count_fields(group: &Group) -> usize {
    let inner = |f: &hitforms_engine::Field| match &f.kind {
        FieldKind::Group(g) => count_fields(g),
        FieldKind::Repeat(r) => count_fields(&r.item),
        _ => 0,
    };
    group.fields.iter().map(|f| 1 + inner(f)).sum()
}

/// The header of the plain-text table [`Stats::line`] rows fit under.
pub fn header() -> String {
    format!("{:<58} {:>11} {:>11} {:>11}  goal", "case (µs per run)", "median", "p95", "min")
}

/// The results as the JSON `cargo xtask bench` reads.
pub fn to_json(runtime: &str, stats: &[Stats]) -> String {
    let cases: Vec<serde_json::Value> = stats.iter().map(Stats::to_json).collect();
    serde_json::json!({ "runtime": runtime, "cases": cases }).to_string()
}
