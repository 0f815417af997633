//! Evaluation of a compiled expression over typed records.
//!
//! The checker turns the syntax tree into an [`Op`] tree: names resolved to
//! (scope level, slot), functions to registry entries. Evaluation borrows
//! from the data wherever it can ([`V`]), so reading fields, arithmetic and
//! comparisons do not allocate, and lists that an expression maps over or
//! filters are streamed item by item ([`each`]) into the function consuming
//! them instead of being collected. Nothing here panics: a missing slot, a
//! value of an unexpected kind, an overflow or a division by zero is null.

use super::Env;
use super::ast::BinaryOp;
use super::functions::{Args, Function};
use crate::value::{Date, Record, Translation, Value};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::ops::ControlFlow;

/// Whether to go on through a list (`Continue`) or stop early (`Break`).
pub(crate) type Flow = ControlFlow<()>;

/// A compiled expression. Scope levels count from the root (0); the levels
/// above the caller's scopes are filter elements.
#[derive(Clone, Debug)]
pub(crate) enum Op {
    Const(Value),
    /// A field of the record at a scope level.
    Field {
        level: usize,
        slot: usize,
    },
    /// The record at a scope level (`item`, `parent`).
    Scope(usize),
    Param(usize),
    Neg(Box<Op>),
    Not(Box<Op>),
    Binary(BinaryOp, Box<Op>, Box<Op>),
    /// A field of a record value.
    Member {
        base: Box<Op>,
        slot: usize,
    },
    /// A field of every record of a list; with `flatten`, the field is
    /// itself a list and its items are spliced in.
    Map {
        base: Box<Op>,
        slot: usize,
        flatten: bool,
    },
    /// The records of a list for which `cond` is true, evaluated with the
    /// record at scope `level`.
    Filter {
        base: Box<Op>,
        cond: Box<Op>,
        level: usize,
    },
    /// The value of `expr` for each record of a list, evaluated with the
    /// record at scope `level` (a list function's per-item argument:
    /// `sum(partners, budget.total * 2)`).
    Each {
        base: Box<Op>,
        expr: Box<Op>,
        level: usize,
    },
    Call {
        f: &'static Function,
        args: Box<[Op]>,
        level: usize,
    },
}

/// A value during evaluation, borrowed from the data, the parameters or the
/// expression's constants where possible.
#[derive(Debug)]
pub(crate) enum V<'a> {
    Null,
    Number(Decimal),
    Bool(bool),
    Date(Date),
    Text(&'a str),
    Multilingual(&'a [Translation]),
    List(&'a [Value]),
    Record(&'a Record),
    /// A list built by mapping or filtering (only when one is returned).
    Items(Vec<V<'a>>),
}

impl<'a> V<'a> {
    /// Reads a stored value; [`Value::Invalid`] reads as null.
    pub(crate) fn of(value: &'a Value) -> V<'a> {
        match value {
            Value::Null | Value::Invalid(_) => V::Null,
            Value::Number(d) => V::Number(*d),
            Value::Bool(b) => V::Bool(*b),
            Value::Date(d) => V::Date(*d),
            Value::Text(s) => V::Text(s),
            Value::Multilingual(t) => V::Multilingual(t),
            Value::List(items) => V::List(items),
            Value::Record(r) => V::Record(r),
        }
    }

    /// The value without its borrow: numbers, yes/no and dates as they are,
    /// anything else (a text, a list, a group) as null.
    pub(crate) fn detach(self) -> V<'static> {
        match self {
            V::Number(d) => V::Number(d),
            V::Bool(b) => V::Bool(b),
            V::Date(d) => V::Date(d),
            _ => V::Null,
        }
    }

    /// `Some` for a yes/no value, `None` for null (or anything else).
    pub(crate) fn truth(&self) -> Option<bool> {
        match self {
            V::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// How two numbers, dates, texts or yes/no values order; `None` for null
    /// or values of different kinds.
    pub(crate) fn order(&self, other: &V<'_>) -> Option<Ordering> {
        Some(match (self, other) {
            (V::Number(a), V::Number(b)) => a.cmp(b),
            (V::Date(a), V::Date(b)) => a.cmp(b),
            (V::Text(a), V::Text(b)) => a.cmp(b),
            (V::Bool(a), V::Bool(b)) => a.cmp(b),
            _ => return None,
        })
    }

    pub(crate) fn into_value(self) -> Value {
        match self {
            V::Null => Value::Null,
            V::Number(d) => Value::Number(d),
            V::Bool(b) => Value::Bool(b),
            V::Date(d) => Value::Date(d),
            V::Text(s) => Value::Text(s.to_owned()),
            V::Multilingual(t) => Value::Multilingual(t.to_vec()),
            V::List(items) => Value::List(items.to_vec()),
            V::Record(r) => Value::Record(r.clone()),
            V::Items(items) => Value::List(items.into_iter().map(V::into_value).collect()),
        }
    }
}

/// Three-valued `and` / `or`, also used by `all` / `any`: the first operand
/// equal to `decisive` (false for `and`, true for `or`) decides; otherwise the
/// result is null if an operand was null.
pub(crate) struct Logic {
    decisive: bool,
    decided: bool,
    unknown: bool,
}

impl Logic {
    pub(crate) fn new(decisive: bool) -> Self {
        Logic { decisive, decided: false, unknown: false }
    }

    /// Takes one operand; returns whether the result is now decided.
    pub(crate) fn feed(&mut self, operand: Option<bool>) -> bool {
        match operand {
            Some(b) if b == self.decisive => self.decided = true,
            None => self.unknown = true,
            Some(_) => {}
        }
        self.decided
    }

    pub(crate) fn result(&self) -> V<'static> {
        match (self.decided, self.unknown) {
            (true, _) => V::Bool(self.decisive),
            (false, true) => V::Null,
            (false, false) => V::Bool(!self.decisive),
        }
    }
}

/// A filter element pushed as the innermost scope while its condition runs.
pub(crate) struct Frame<'a> {
    level: usize,
    record: &'a Record,
    position: usize,
    up: Option<&'a Frame<'a>>,
}

/// Where an evaluation reads names from.
pub(crate) struct Cx<'a> {
    pub env: &'a Env<'a>,
    frame: Option<&'a Frame<'a>>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(env: &'a Env<'a>) -> Self {
        Cx { env, frame: None }
    }

    fn frame(&self, level: usize) -> Option<&'a Frame<'a>> {
        let mut frame = self.frame;
        while let Some(f) = frame {
            if f.level == level {
                return Some(f);
            }
            frame = f.up;
        }
        None
    }

    fn record(&self, level: usize) -> Option<&'a Record> {
        match self.frame(level) {
            Some(f) => Some(f.record),
            None => self.env.records.get(level).copied(),
        }
    }

    /// The 1-based position of the item at `level` (a filter element's
    /// position in the list being filtered).
    pub(crate) fn position(&self, level: usize) -> Option<usize> {
        match self.frame(level) {
            Some(f) => Some(f.position),
            None => level.checked_sub(1).and_then(|i| self.env.positions.get(i)).copied(),
        }
    }
}

fn field(record: Option<&Record>, slot: usize) -> V<'_> {
    record.and_then(|r| r.slots.get(slot)).map_or(V::Null, V::of)
}

/// Evaluates `op`.
pub(crate) fn eval<'a>(op: &'a Op, cx: &Cx<'a>) -> V<'a> {
    match op {
        Op::Const(v) => V::of(v),
        Op::Field { level, slot } => field(cx.record(*level), *slot),
        Op::Scope(level) => cx.record(*level).map_or(V::Null, V::Record),
        Op::Param(i) => cx.env.params.get(*i).map_or(V::Null, V::of),
        Op::Neg(x) => match eval(x, cx) {
            V::Number(d) => V::Number(-d),
            _ => V::Null,
        },
        Op::Not(x) => eval(x, cx).truth().map_or(V::Null, |b| V::Bool(!b)),
        Op::Binary(op, l, r) => binary(*op, l, r, cx),
        Op::Member { base, slot } => match eval(base, cx) {
            V::Record(r) => field(Some(r), *slot),
            _ => V::Null,
        },
        Op::Map { .. } | Op::Filter { .. } | Op::Each { .. } => {
            let mut items = Vec::new();
            let _ = each(op, cx, &mut |v| {
                items.push(v);
                Flow::Continue(())
            });
            V::Items(items)
        }
        Op::Call { f, args, level } => (f.eval)(&Args { ops: args, cx, level: *level }),
    }
}

fn binary<'a>(op: BinaryOp, l: &'a Op, r: &'a Op, cx: &Cx<'a>) -> V<'a> {
    use BinaryOp::*;
    match op {
        And | Or => {
            let mut logic = Logic::new(op == Or);
            if !logic.feed(eval(l, cx).truth()) {
                logic.feed(eval(r, cx).truth());
            }
            logic.result()
        }
        Add | Sub | Mul | Div => {
            let (V::Number(a), V::Number(b)) = (eval(l, cx), eval(r, cx)) else {
                return V::Null;
            };
            let result = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                _ => a.checked_div(b),
            };
            result.map_or(V::Null, V::Number)
        }
        Eq | Ne | Lt | Le | Gt | Ge => {
            let Some(order) = eval(l, cx).order(&eval(r, cx)) else {
                return V::Null;
            };
            V::Bool(match op {
                Eq => order.is_eq(),
                Ne => order.is_ne(),
                Lt => order.is_lt(),
                Le => order.is_le(),
                Gt => order.is_gt(),
                _ => order.is_ge(),
            })
        }
    }
}

/// Evaluates `op` with `record`, the `position`-th item of a list, as the
/// innermost scope `level`; the result is [detached](V::detach).
fn in_item<'a>(
    op: &'a Op,
    cx: &Cx<'a>,
    level: usize,
    record: &'a Record,
    position: usize,
) -> V<'static> {
    let frame = Frame { level, record, position, up: cx.frame };
    eval(op, &Cx { env: cx.env, frame: Some(&frame) }).detach()
}

/// Calls `f` with each item of the list `op` evaluates to (nothing for null),
/// without collecting mapped or filtered lists. Items borrow from the data
/// as long as the data lives (`first(partners[…]).name` is the partner's).
pub(crate) fn each<'a>(op: &'a Op, cx: &Cx<'a>, f: &mut dyn FnMut(V<'a>) -> Flow) -> Flow {
    match op {
        Op::Map { base, slot, flatten } => each(base, cx, &mut |item| {
            let V::Record(record) = item else { return Flow::Continue(()) };
            match (record.slots.get(*slot), flatten) {
                (Some(Value::List(items)), true) => items.iter().try_for_each(|v| f(V::of(v))),
                (_, true) => Flow::Continue(()),
                (value, false) => f(value.map_or(V::Null, V::of)),
            }
        }),
        Op::Filter { base, cond: inner, level } | Op::Each { base, expr: inner, level } => {
            let filter = matches!(op, Op::Filter { .. });
            let mut position = 0;
            each(base, cx, &mut |item| {
                position += 1;
                let V::Record(record) = item else { return Flow::Continue(()) };
                let v = in_item(inner, cx, *level, record, position);
                match (filter, v.truth()) {
                    (false, _) => f(v),
                    (true, Some(true)) => f(V::Record(record)),
                    (true, _) => Flow::Continue(()),
                }
            })
        }
        _ => match eval(op, cx) {
            V::List(items) => items.iter().try_for_each(|v| f(V::of(v))),
            V::Items(items) => items.into_iter().try_for_each(f),
            _ => Flow::Continue(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{data, num, params, run, run_in, shapes, text};
    use super::super::{Env, Scope, compile};
    use crate::value::{Record, Value};

    #[test]
    fn arithmetic_is_exact_and_null_when_it_cannot_be() {
        assert_eq!(run("0.1 + 0.2"), num("0.3"));
        assert_eq!(run("total * 2 - 0.12"), num("2469.00"));
        assert_eq!(run("1 / 3"), num("0.3333333333333333333333333333"));
        assert_eq!(run("-total"), num("-1234.56"));
        for null in [
            "total + missing",
            "-missing",
            "total / 0",
            "total / (1 - 1)",
            "79228162514264337593543950335 * 2",
            "79228162514264337593543950335 + 1",
            "0 - 79228162514264337593543950335 - 1",
        ] {
            assert_eq!(run(null), Value::Null, "{null}");
        }
        // Text typed into a number field reads as null.
        assert_eq!(run_in("total", &[2]), Value::Null);
        assert_eq!(run_in("total + 1", &[2]), Value::Null);
    }

    #[test]
    fn comparisons_with_null_are_null() {
        assert_eq!(run("total > missing"), Value::Null);
        assert_eq!(run("missing == null"), Value::Null);
        assert_eq!(run("not (total > missing)"), Value::Null);
        assert_eq!(run("total >= 1234.560"), Value::Bool(true));
        assert_eq!(run("acronym == 'Ab😀' and acronym != 'ab😀'"), Value::Bool(true));
        assert_eq!(run("confirmed == true"), Value::Bool(true));
        assert_eq!(run("start < '2026-06-30' and $deadline > start"), Value::Bool(true));
        assert_eq!(run("max(partners.joined) > $deadline"), Value::Bool(false));
    }

    #[test]
    fn and_or_are_three_valued() {
        let cases = [
            ("false and null", Value::Bool(false)),
            ("null and false", Value::Bool(false)),
            ("true and null", Value::Null),
            ("null and null", Value::Null),
            ("true and true", Value::Bool(true)),
            ("true or null", Value::Bool(true)),
            ("null or true", Value::Bool(true)),
            ("false or null", Value::Null),
            ("false or false", Value::Bool(false)),
            ("not null", Value::Null),
            ("not false", Value::Bool(true)),
        ];
        for (src, expected) in cases {
            assert_eq!(run(src), expected, "{src}");
        }
    }

    #[test]
    fn lists_map_flatten_and_filter() {
        assert_eq!(
            run("partners.name"),
            Value::List(vec![text("Alpha"), text("Beta"), Value::Null])
        );
        assert_eq!(
            run("partners.staff.rowSum"),
            Value::List(vec![num("21.00"), num("150.00"), num("99.99")])
        );
        assert_eq!(run("partners[active].name"), Value::List(vec![text("Alpha")]));
        assert_eq!(run("partners[false]"), Value::List(vec![]));
        assert_eq!(run("count(partners[role == 'PARTNER'][filled(name)])"), num("1"));
        assert_eq!(run("count(partners[count(staff[rowSum > 100]) > 0])"), num("1"));
        assert_eq!(run("tags"), Value::List(vec![text("a"), text("b")]));
        assert_eq!(run("count(partners[null])"), num("0"));
    }

    #[test]
    fn names_item_and_parent() {
        let in_row = |src| run_in(src, &[0, 1]);
        assert_eq!(in_row("item.rowSum"), num("150.00"));
        assert_eq!(in_row("rowSum == numberOfUnits * pricePerUnit"), Value::Bool(true));
        assert_eq!(in_row("parent.name"), text("Alpha"));
        assert_eq!(in_row("parent.parent.acronym"), text("Ab😀"));
        assert_eq!(in_row("acronym"), text("Ab😀"));
        // The innermost record with a field of that name: the partner's total.
        assert_eq!(in_row("total"), num("1000.00"));
        assert_eq!(in_row("parent.parent.total"), num("1234.56"));
        let Value::Record(partner) = in_row("parent") else { panic!() };
        assert_eq!(partner.slots[1], text("Alpha"));
        // In a filter, `parent` is the record the filter is written in.
        assert_eq!(run_in("count(staff[rowSum > parent.total / 10])", &[0]), num("1"));
        assert_eq!(run("count(partners[total > parent.total / 2])",), num("1"));
    }

    #[test]
    fn a_mismatched_environment_reads_null_and_never_panics() {
        let (shapes, params) = (shapes(), params());
        let scope = Scope { records: &shapes, params: &params };
        let sources = [
            "rowSum * 2",
            "parent.parent.total",
            "position()",
            "$flatRate",
            "sum(parent.staff.rowSum)",
        ];
        let root = data();
        let short = Record { slots: vec![], ..Default::default() };
        for src in sources {
            let expr = compile(src, &scope, None).unwrap();
            // Fewer records than the scope had: what is there is read.
            expr.eval(&Env { records: &[&root], positions: &[], params: &[], languages: &[] });
            for records in [&[][..], &[&short, &short, &short][..]] {
                let env = Env { records, positions: &[], params: &[], languages: &[] };
                let value = expr.eval(&env);
                assert!(matches!(value, Value::Null) || value == num("0"), "{src}: {value:?}");
                assert!(!expr.is_true(&env));
            }
        }
    }
}
