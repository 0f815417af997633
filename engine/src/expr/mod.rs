//! The expression language of templates: one small, side-effect-free
//! language for `visible`, `required`, `readonly`, computed values and
//! cross-field rules. An expression is compiled once, when its template is
//! loaded ([`compile`]): parsed, its names resolved to slots and its types
//! checked, with every problem reported at once. The compiled [`Expr`] is
//! then evaluated as often as the data changes ([`Expr::eval`]) and says
//! which data it reads ([`Expr::refs`]), so only what a change touches is
//! evaluated again. `docs/expressions.md` is the reference for template
//! authors; this is the summary.
//!
//! # A first example
//!
//! A budget table whose row sum is `numberOfUnits × pricePerUnit`, rounded
//! down to cents, and a rule on the table's total:
//!
//! ```
//! use hitforms_engine::expr::{compile, Env, Scope};
//! use hitforms_engine::shape::{RecordShape, Type};
//! use hitforms_engine::value::{Record, Value};
//! use rust_decimal::Decimal;
//! use std::sync::Arc;
//!
//! let number = |s: &str| Value::Number(s.parse::<Decimal>().unwrap());
//! let row = Arc::new(RecordShape { fields: vec![
//!     ("numberOfUnits".into(), Type::Number),
//!     ("pricePerUnit".into(), Type::Number),
//! ]});
//! let root = Arc::new(RecordShape { fields: vec![
//!     ("rows".into(), Type::List(Box::new(Type::Record(row.clone())))),
//! ]});
//! let params = [("maxBudget".to_string(), Type::Number)];
//!
//! // Compiled in the scope of one row: root record first, the row last.
//! let in_row = Scope { records: &[root.clone(), row.clone()], params: &params };
//! let row_sum = compile("round_down(numberOfUnits * pricePerUnit, 2)", &in_row, Some(&Type::Number))
//!     .unwrap();
//! let rows = vec![
//!     Value::Record(Record { slots: vec![number("2.5"), number("33.33")], ..Default::default() }),
//!     Value::Record(Record { slots: vec![number("3"), Value::Null], ..Default::default() }),
//! ];
//! let data = Record { slots: vec![Value::List(rows.clone())], ..Default::default() };
//! let Value::Record(first) = &rows[0] else { unreachable!() };
//! let env = Env { records: &[&data, first], positions: &[1], params: &[number("100")], languages: &[] };
//! assert_eq!(row_sum.eval(&env), number("83.32")); // 83.325 rounded down
//!
//! // A rule at the root, reading every row and a call parameter.
//! let at_root = Scope { records: &[root.clone()], params: &params };
//! let rule = compile("sum(rows.numberOfUnits) <= $maxBudget", &at_root, Some(&Type::Bool)).unwrap();
//! let env = Env { records: &[&data], positions: &[], params: &[number("100")], languages: &[] };
//! assert!(rule.is_true(&env));
//! assert_eq!(rule.params(), [0]);
//!
//! // Problems are data, all at once, with byte spans.
//! let errors = compile("sum(rows.units) + $cap", &at_root, None).unwrap_err();
//! assert_eq!(errors.len(), 2);
//! assert_eq!(errors[0].to_string(), "\"units\" is not available here (offset 9).");
//! ```
//!
//! # The language
//!
//! * **Values**: numbers (`12`, `12.50`: exact decimals, no exponent), texts
//!   (`"…"` or `'…'`, escapes `\\` `\"` `\'` `\n`), `true`, `false`, `null`.
//!   A text literal compared with a date is read as a date:
//!   `start <= "2026-01-31"` (a check error unless it is a real
//!   `YYYY-MM-DD` date).
//! * **Operators**, loosest first: `or`; `and`; `not`; `== != < <= > >=`
//!   (no chaining: `a < b < c` is an error); `+ -`; `* /`; unary `-`; then
//!   `.name`, `list[condition]` and calls `name(args)`.
//! * **Names** resolve lexically in a stack of records: the root record, then
//!   the current item of each enclosing repeatable group, innermost last. A
//!   bare name is looked up in the innermost record first, then outwards.
//!   `item` is the innermost record, `parent` the one enclosing it,
//!   `parent.parent` the one beyond. `$name` reads a call parameter.
//! * **Lists**: `partners.total` is the list of every partner's total, and
//!   nested lists flatten: `partners.staff.rowSum` is every staff row of every
//!   partner. `partners[role == "LEAD_PARTNER"]` keeps the partners for which
//!   the condition is true; the condition sees each partner as the innermost
//!   record (so `parent` in it is the record the filter is written in).
//! * **Types**: arithmetic on numbers only; numbers and dates compare with
//!   every comparison, texts and yes/no with `==` and `!=`; `null` fits
//!   anywhere.
//! * **Null**: arithmetic, comparisons and `not` with a null operand are
//!   null, and so are a division by zero and an overflow; `and`/`or` are
//!   three-valued (`false and null` is false, `true or null` is true,
//!   otherwise null). A value that does not fit its field (text typed into a
//!   number field) reads as null. A null condition counts as false
//!   ([`Expr::is_true`]).
//! * **Functions**: `sum count min max any all first round_down
//!   round_half_up round_half_down ceil floor abs if coalesce len filled
//!   position` and more; see `docs/expressions.md`. `sum`, `min`, `max`,
//!   `any` and `all` also take a per-item expression:
//!   `sum(partners, round_down(total * 80 / 100, 2))`.
//!
//! # What an expression reads
//!
//! [`Expr::refs`] lists every data location the expression reads as a
//! [`Ref`]: an anchor in the scope stack and the slots walked from it. A
//! step into a list (a repeatable group, a table) goes into every item of
//! it. So in the root scope, `count(partners[role == "LEAD_PARTNER"])` reads
//! `partners` (the list: which partners there are) and
//! `partners.*.role`.

pub(crate) mod ast;
mod check;
mod error;
pub(crate) mod eval;
pub(crate) mod functions;
mod lexer;
mod parser;
#[cfg(test)]
mod testkit;

pub use error::{ExprError, ExprErrorKind, Span};
pub use lexer::MAX_SOURCE_LEN;
pub use parser::MAX_DEPTH;

use crate::shape::Type;
use crate::value::Value;

pub use crate::expr_env::{Env, Ref, Scope};

/// A compiled expression: cheap to evaluate, safe to share.
#[derive(Clone, Debug)]
pub struct Expr {
    pub(crate) op: eval::Op,
    pub(crate) ty: Type,
    pub(crate) refs: Vec<Ref>,
    pub(crate) params: Vec<usize>,
    pub(crate) uses_position: bool,
}

/// Compiles `src` in `scope`. With `expected`, the result must have that
/// type (`null` always does). Every error found is returned, each with its
/// byte span in `src`: lexical errors, the first syntax error, and the name
/// and type errors of what parsed.
pub fn compile(
    src: &str,
    scope: &Scope<'_>,
    expected: Option<&Type>,
) -> Result<Expr, Vec<ExprError>> {
    let parser::Parsed { ast, mut errors, partial } = parser::parse(src);
    let expr = check::check(&ast, scope, expected, partial, &mut errors);
    if errors.is_empty() { Ok(expr) } else { Err(errors) }
}

impl Expr {
    /// The type of the result (`Null` only for an expression that is `null`).
    pub fn ty(&self) -> &Type {
        &self.ty
    }

    /// Every data location read, each once, in the order first read.
    pub fn refs(&self) -> &[Ref] {
        &self.refs
    }

    /// The indices of the parameters read, ascending.
    pub fn params(&self) -> &[usize] {
        &self.params
    }

    /// Whether the result depends on the position of the innermost item
    /// (`position()`), which changes when earlier items are removed or moved.
    pub fn uses_position(&self) -> bool {
        self.uses_position
    }

    /// Evaluates the expression. Never panics; see the module docs for what
    /// is null.
    pub fn eval(&self, env: &Env<'_>) -> Value {
        eval::eval(&self.op, &eval::Cx::new(env)).into_value()
    }

    /// Evaluates a condition: true only if the result is `true` (null and
    /// anything else count as false).
    pub fn is_true(&self, env: &Env<'_>) -> bool {
        eval::eval(&self.op, &eval::Cx::new(env)).truth() == Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::{data, errors_of, num, params, run, shapes};
    use super::*;
    use crate::shape::RecordShape;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn scope_at(depth: usize) -> (Vec<Arc<RecordShape>>, Vec<(String, Type)>) {
        (shapes()[..=depth].to_vec(), params())
    }

    #[test]
    fn expected_types_are_checked_by_compile() {
        let (records, params) = scope_at(0);
        let scope = Scope { records: &records, params: &params };
        let expr = compile("total > 1 or null", &scope, Some(&Type::Bool)).unwrap();
        assert_eq!(expr.ty(), &Type::Bool);
        assert!(compile("null", &scope, Some(&Type::Number)).is_ok());
        let list = Type::List(Box::new(Type::Number));
        assert_eq!(compile("partners.total", &scope, Some(&list)).unwrap().ty(), &list);
        let errors = compile("sum(partners.total)", &scope, Some(&Type::Bool)).unwrap_err();
        let issue = errors[0].to_issue("/sections/0/fields/3/visible");
        assert_eq!(issue.path, "/sections/0/fields/3/visible");
        assert_eq!(issue.code, crate::Code::TemplateExpressionType);
        assert_eq!(issue.message(), "Expected yes/no, found number (offset 0).");
        // A cut-short tree is not held to the expected type.
        assert_eq!(compile("1 +", &scope, Some(&Type::Bool)).unwrap_err().len(), 1);
    }

    #[test]
    fn position_dependence_is_reported() {
        let (records, params) = scope_at(1);
        let scope = Scope { records: &records, params: &params };
        assert!(compile("position() == 1", &scope, None).unwrap().uses_position());
        assert!(!compile("count(staff[position() > 1])", &scope, None).unwrap().uses_position());
        assert!(!compile("total", &scope, None).unwrap().uses_position());
    }

    #[test]
    fn limits_are_syntax_errors() {
        let long = "1 + ".repeat(MAX_SOURCE_LEN / 4) + "1";
        let errors = errors_of(&long);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code(), crate::Code::TemplateExpressionSyntax);
        assert_eq!(errors_of(&"9".repeat(40)).len(), 1);
        assert_eq!(run(&"9".repeat(28)), num(&"9".repeat(28)));
    }

    fn fuzz_scope_eval(src: &str) {
        for depth in 0..3 {
            let (records, params) = scope_at(depth);
            let scope = Scope { records: &records, params: &params };
            if let Ok(expr) = compile(src, &scope, None) {
                let root = data();
                let recs = [&root, &root, &root];
                let values = [num("15"), Value::Null];
                let env = Env {
                    records: &recs[..=depth],
                    positions: &[1, 2],
                    params: &values,
                    languages: &[],
                };
                expr.eval(&env);
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_compiles_or_fails_without_panicking(src in "\\PC{0,80}") {
            fuzz_scope_eval(&src);
        }

        #[test]
        fn token_soup_compiles_and_evaluates_without_panicking(
            parts in prop::collection::vec(prop_oneof![
                Just("("), Just(")"), Just("["), Just("]"), Just(", "), Just("."), Just("-"),
                Just(" not "), Just(" and "), Just(" or "), Just(" == "), Just(" < "), Just(" + "),
                Just(" * "), Just(" / "), Just("total"), Just("partners"), Just("staff"),
                Just("rowSum"), Just("name"), Just("active"), Just("start"), Just("'2026-01-01'"),
                Just("12.5"), Just("0"), Just("'t'"), Just("$flatRate"), Just("$deadline"),
                Just("item"), Just("parent"), Just("null"), Just("true"), Just("sum("),
                Just("count("), Just("if("), Just("coalesce("), Just("filled("), Just("len("),
                Just("position()"), Just("max("), Just("round_down("), Just("any("),
            ], 0..24)
        ) {
            fuzz_scope_eval(&parts.concat());
        }
    }

    /// `cargo test --release -p hitforms-engine --lib timings -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn timings() {
        use std::time::Instant;
        let (records, params) = scope_at(2);
        let row_scope = Scope { records: &records, params: &params };
        let root = data();
        let Value::List(partners) = &root.slots[9] else { panic!() };
        let Value::Record(partner) = &partners[0] else { panic!() };
        let Value::List(rows) = &partner.slots[5] else { panic!() };
        let Value::Record(row) = &rows[0] else { panic!() };
        let env = Env {
            records: &[&root, partner, row],
            positions: &[1, 1],
            params: &[],
            languages: &[],
        };
        let per_eval = |expr: &Expr, env: &Env<'_>, n: u32| {
            let start = Instant::now();
            for _ in 0..n {
                std::hint::black_box(expr.eval(std::hint::black_box(env)));
            }
            start.elapsed() / n
        };
        let expr = compile("numberOfUnits * pricePerUnit", &row_scope, None).unwrap();
        println!("numberOfUnits * pricePerUnit: {:?}", per_eval(&expr, &env, 1_000_000));

        let mut big = partner.clone();
        big.slots[5] = Value::List(vec![rows[1].clone(); 300]);
        let scope = Scope { records: &records[..2], params: &params };
        let expr = compile("sum(staff.rowSum)", &scope, None).unwrap();
        let env = Env { records: &[&root, &big], positions: &[1], params: &[], languages: &[] };
        assert_eq!(expr.eval(&env), num("45000.00"));
        println!("sum(staff.rowSum) over 300 rows: {:?}", per_eval(&expr, &env, 20_000));
    }
}
