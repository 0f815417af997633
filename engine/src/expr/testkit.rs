//! A small project to compile and evaluate test expressions against.
//!
//! Root (slots): acronym 0, title 1, summary 2, total 3, missing 4, start 5,
//! end 6, confirmed 7, tags 8, partners 9. Partner: role 0, name 1, total 2,
//! active 3, joined 4, staff 5, department 6. Staff row: numberOfUnits 0, pricePerUnit 1,
//! rowSum 2. Parameters: flatRate (number), deadline (date).

use super::{Env, Expr, ExprError, ExprErrorKind, Ref, Scope, compile};
use crate::shape::{RecordShape, Type};
use crate::value::{Date, Record, Translation, Value};
use std::sync::Arc;

pub(crate) fn num(s: &str) -> Value {
    Value::Number(s.parse().unwrap())
}

pub(crate) fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn date(s: &str) -> Value {
    Value::Date(Date::parse(s).unwrap())
}

fn ml(pairs: &[(&str, &str)]) -> Value {
    let t =
        pairs.iter().map(|(l, t)| Translation { language: (*l).into(), translation: (*t).into() });
    Value::Multilingual(t.collect())
}

fn shape(fields: Vec<(&str, Type)>) -> Arc<RecordShape> {
    Arc::new(RecordShape { fields: fields.into_iter().map(|(n, t)| (n.to_owned(), t)).collect() })
}

fn list_of(shape: &Arc<RecordShape>) -> Type {
    Type::List(Box::new(Type::Record(shape.clone())))
}

fn record(slots: Vec<Value>) -> Value {
    Value::Record(Record { slots, ..Default::default() })
}

/// Root, partner and staff row shapes.
pub(crate) fn shapes() -> [Arc<RecordShape>; 3] {
    let row = shape(vec![
        ("numberOfUnits", Type::Number),
        ("pricePerUnit", Type::Number),
        ("rowSum", Type::Number),
    ]);
    let partner = shape(vec![
        ("role", Type::Text),
        ("name", Type::Text),
        ("total", Type::Number),
        ("active", Type::Bool),
        ("joined", Type::Date),
        ("staff", list_of(&row)),
        ("department", Type::Multilingual),
    ]);
    let root = shape(vec![
        ("acronym", Type::Text),
        ("title", Type::Multilingual),
        ("summary", Type::Multilingual),
        ("total", Type::Number),
        ("missing", Type::Number),
        ("start", Type::Date),
        ("end", Type::Date),
        ("confirmed", Type::Bool),
        ("tags", Type::List(Box::new(Type::Text))),
        ("partners", list_of(&partner)),
    ]);
    [root, partner, row]
}

pub(crate) fn params() -> Vec<(String, Type)> {
    vec![("flatRate".into(), Type::Number), ("deadline".into(), Type::Date)]
}

/// Three partners: a lead partner with two staff rows, a partner with one,
/// and one with a null name, an invalid total, no answer for `active` and
/// one staff row; only the lead partner has a department (EN and DE).
pub(crate) fn data() -> Record {
    let row = |u, p, s| record(vec![num(u), num(p), num(s)]);
    let partner = |role, name: Value, total, active, joined, staff| {
        let department = match role {
            "LEAD_PARTNER" => ml(&[("EN", "Research"), ("DE", "Forschung")]),
            _ => Value::Null,
        };
        record(vec![text(role), name, total, active, joined, Value::List(staff), department])
    };
    let partners = vec![
        partner(
            "LEAD_PARTNER",
            text("Alpha"),
            num("1000.00"),
            Value::Bool(true),
            date("2026-01-15"),
            vec![row("2", "10.50", "21.00"), row("1.5", "100", "150.00")],
        ),
        partner("PARTNER", text("Beta"), num("250.50"), Value::Bool(false), Value::Null, vec![]),
        partner(
            "PARTNER",
            Value::Null,
            Value::Invalid(serde_json::json!("abc")),
            Value::Null,
            date("2026-03-01"),
            vec![row("3", "33.33", "99.99")],
        ),
    ];
    Record {
        slots: vec![
            text("Ab😀"),
            ml(&[("EN", "Title"), ("DE", "Titel")]),
            ml(&[("EN", "Summary"), ("DE", "  ")]),
            num("1234.56"),
            Value::Null,
            date("2026-01-01"),
            date("2027-12-31"),
            Value::Bool(true),
            Value::List(vec![text("a"), text("b")]),
            Value::List(partners),
        ],
        ..Default::default()
    }
}

fn compile_at(src: &str, depth: usize) -> Result<Expr, Vec<ExprError>> {
    let (shapes, params) = (shapes(), params());
    compile(src, &Scope { records: &shapes[..=depth], params: &params }, None)
}

/// Evaluates `src` in the scope of the item reached by `path` (partner
/// index, then staff row index), `[]` for the root.
pub(crate) fn run_in(src: &str, path: &[usize]) -> Value {
    let expr = compile_at(src, path.len()).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    let root = data();
    let mut records = vec![&root];
    let slots = [9, 5];
    for (i, &index) in path.iter().enumerate() {
        let Value::List(items) = &records[i].slots[slots[i]] else { panic!() };
        let Value::Record(r) = &items[index] else { panic!() };
        records.push(r);
    }
    let positions: Vec<usize> = path.iter().map(|i| i + 1).collect();
    let languages = ["EN".to_string(), "DE".to_string()];
    let params = [num("15"), date("2026-06-30")];
    expr.eval(&Env {
        records: &records,
        positions: &positions,
        params: &params,
        languages: &languages,
    })
}

/// Evaluates `src` at the root.
pub(crate) fn run(src: &str) -> Value {
    run_in(src, &[])
}

/// The errors of compiling `src` at the root (none if it compiles).
pub(crate) fn errors_of(src: &str) -> Vec<ExprError> {
    compile_at(src, 0).err().unwrap_or_default()
}

/// The `expected` of each type error of `src` at the root.
pub(crate) fn type_errors(src: &str) -> Vec<String> {
    (errors_of(src).into_iter())
        .map(|e| match e.kind {
            ExprErrorKind::TypeMismatch { expected, .. } => expected,
            other => panic!("{src}: {other:?}"),
        })
        .collect()
}

/// The refs and parameters of `src` compiled `depth` items deep.
pub(crate) fn refs_in(src: &str, depth: usize) -> (Vec<Ref>, Vec<usize>) {
    let expr = compile_at(src, depth).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    (expr.refs().to_vec(), expr.params().to_vec())
}
