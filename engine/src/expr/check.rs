//! Name resolution and type checking: syntax tree → [`Op`] tree, result
//! type, and what the expression reads ([`Ref`]s, parameters).
//!
//! Every problem is reported; a subexpression with an error gets the type of
//! `null`, which fits everywhere, so one mistake is not reported again by
//! every operator above it.

use super::ast::{BinaryOp, Kind, Node, UnaryOp};
use super::error::{ExprError, ExprErrorKind, Span};
use super::eval::Op;
use super::functions;
use super::{Expr, Ref, Scope};
use crate::shape::{RecordShape, Type};
use crate::value::{Date, Value};
use std::sync::Arc;

/// Whether a value of type `t` can stand where `want` is expected.
pub(crate) fn fits(t: &Type, want: &Type) -> bool {
    match (t, want) {
        (Type::Null, _) => true,
        (Type::List(a), Type::List(b)) => fits(a, b),
        _ => t == want,
    }
}

/// The type both `a` and `b` fit, if any.
pub(crate) fn unify(a: &Type, b: &Type) -> Option<Type> {
    if fits(a, b) {
        Some(b.clone())
    } else if fits(b, a) {
        Some(a.clone())
    } else {
        None
    }
}

/// Checks `ast` in `scope` and compiles it; errors are appended to `errors`
/// (the result is meaningful only if there are none). With `partial` (the
/// parser stopped early), missing call arguments are not reported.
pub(crate) fn check(
    ast: &Node,
    scope: &Scope<'_>,
    expected: Option<&Type>,
    partial: bool,
    errors: &mut Vec<ExprError>,
) -> Expr {
    let levels = (scope.records.iter().enumerate())
        .map(|(anchor, shape)| Level {
            shape: shape.clone(),
            place: Some(Ref { anchor, steps: vec![] }),
        })
        .collect();
    let mut c = Checker {
        levels,
        outer: scope.records.len(),
        params: scope.params,
        partial,
        errors,
        refs: Vec::new(),
        params_read: Vec::new(),
        uses_position: false,
    };
    let top = c.value(ast);
    // A tree cut short by a syntax error may well have another type.
    if let Some(want) = expected.filter(|_| !partial) {
        c.expect(&top.ty, ast.span, want);
    }
    c.params_read.sort_unstable();
    c.params_read.dedup();
    Expr {
        op: top.op,
        ty: top.ty,
        refs: c.refs,
        params: c.params_read,
        uses_position: c.uses_position,
    }
}

/// A record names resolve in, and where it is in the data (in terms of the
/// caller's scopes; `None` for the elements of a computed list).
struct Level {
    shape: Arc<RecordShape>,
    place: Option<Ref>,
}

struct Checker<'s, 'e> {
    levels: Vec<Level>,
    /// How many levels the caller gave (the rest are filter elements).
    outer: usize,
    params: &'s [(String, Type)],
    partial: bool,
    errors: &'e mut Vec<ExprError>,
    refs: Vec<Ref>,
    params_read: Vec<usize>,
    uses_position: bool,
}

/// How a scope reference is written: `item`, `parent`, `parent.parent`…
/// (as `Node`'s `Display` prints it; written here so that the widget does
/// not link the whole printer for one error message).
fn scope_name(up: usize) -> String {
    match up {
        0 => "item".to_owned(),
        _ => "parent".to_owned() + &".parent".repeat(up - 1),
    }
}

/// A checked subexpression, and the data location it denotes, if it is one.
struct Typed {
    op: Op,
    ty: Type,
    place: Option<Ref>,
}

impl Typed {
    fn new(op: Op, ty: Type) -> Self {
        Typed { op, ty, place: None }
    }

    fn constant(value: Value, ty: Type) -> Self {
        Typed::new(Op::Const(value), ty)
    }

    /// `null`, also what an erroneous subexpression becomes.
    fn null() -> Self {
        Typed::constant(Value::Null, Type::Null)
    }
}

fn child(place: &Option<Ref>, slot: usize) -> Option<Ref> {
    place.as_ref().map(|p| Ref { anchor: p.anchor, steps: [&p.steps[..], &[slot]].concat() })
}

impl Checker<'_, '_> {
    fn error(&mut self, span: Span, kind: ExprErrorKind) -> Typed {
        self.errors.push(ExprError::new(span, kind));
        Typed::null()
    }

    fn mismatch(&mut self, span: Span, expected: impl Into<String>, found: &Type) -> Typed {
        let kind = ExprErrorKind::TypeMismatch { expected: expected.into(), found: found.clone() };
        self.error(span, kind)
    }

    /// Reports unless `ty` fits `want`.
    fn expect(&mut self, ty: &Type, span: Span, want: &Type) {
        if !fits(ty, want) {
            self.mismatch(span, want.describe(), ty);
        }
    }

    /// Records that the expression reads `place`.
    fn read(&mut self, place: &Option<Ref>) {
        if let Some(place) = place
            && !self.refs.contains(place)
        {
            self.refs.push(place.clone());
        }
    }

    /// A subexpression whose value is used (not just a base of `.` or `[]`).
    fn value(&mut self, node: &Node) -> Typed {
        let typed = self.node(node);
        self.read(&typed.place);
        typed
    }

    fn node(&mut self, node: &Node) -> Typed {
        match &node.kind {
            Kind::Number(d) => Typed::constant(Value::Number(*d), Type::Number),
            Kind::Text(s) => Typed::constant(Value::Text(s.clone()), Type::Text),
            Kind::Bool(b) => Typed::constant(Value::Bool(*b), Type::Bool),
            Kind::Null | Kind::Error => Typed::null(),
            Kind::Name(name) => self.name(name, node.span),
            Kind::Param(name) => match self.params.iter().position(|(n, _)| n == name) {
                Some(i) => {
                    self.params_read.push(i);
                    Typed::new(Op::Param(i), self.params[i].1.clone())
                }
                None => self.error(node.span, ExprErrorKind::UnknownName(format!("${name}"))),
            },
            Kind::Scope(up) => match self.levels.len().checked_sub(1 + up) {
                Some(level) => {
                    let Level { shape, place } = &self.levels[level];
                    let ty = Type::Record(shape.clone());
                    Typed { op: Op::Scope(level), ty, place: place.clone() }
                }
                None => self.error(node.span, ExprErrorKind::OutsideItem(scope_name(*up))),
            },
            Kind::Unary(op, x) => {
                let (want, wrap): (_, fn(Box<Op>) -> Op) = match op {
                    UnaryOp::Neg => (Type::Number, Op::Neg),
                    UnaryOp::Not => (Type::Bool, Op::Not),
                };
                let x_typed = self.value(x);
                self.expect(&x_typed.ty, x.span, &want);
                Typed::new(wrap(Box::new(x_typed.op)), want)
            }
            Kind::Binary(op, l, r) => self.binary(*op, l, r, node.span),
            Kind::Member(base, name) => self.member(base, name, node.span),
            Kind::Filter(base, cond) => self.filter(base, cond),
            Kind::Call(name, args) => self.call(name, args, node.span),
        }
    }

    /// A bare name: a field of the innermost record that has one.
    fn name(&mut self, name: &str, span: Span) -> Typed {
        for (level, l) in self.levels.iter().enumerate().rev() {
            if let Some((slot, ty)) = l.shape.lookup(name) {
                let place = child(&l.place, slot);
                return Typed { op: Op::Field { level, slot }, ty: ty.clone(), place };
            }
        }
        self.error(span, ExprErrorKind::UnknownName(name.to_owned()))
    }

    fn binary(&mut self, op: BinaryOp, l: &Node, r: &Node, span: Span) -> Typed {
        let (mut lt, mut rt) = (self.value(l), self.value(r));
        let ty = match op {
            BinaryOp::And | BinaryOp::Or => Type::Bool,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => Type::Number,
            _ => {
                self.date_literal(&mut rt, r, &lt.ty);
                self.date_literal(&mut lt, l, &rt.ty);
                self.comparable(op, (&lt.ty, l.span), (&rt.ty, r.span), span);
                return Typed::new(Op::Binary(op, Box::new(lt.op), Box::new(rt.op)), Type::Bool);
            }
        };
        for (t, s) in [(&lt.ty, l.span), (&rt.ty, r.span)] {
            self.expect(t, s, &ty);
        }
        Typed::new(Op::Binary(op, Box::new(lt.op), Box::new(rt.op)), ty)
    }

    /// A text literal compared with a date is read as a date (`YYYY-MM-DD`).
    fn date_literal(&mut self, typed: &mut Typed, node: &Node, other: &Type) {
        if let (Kind::Text(s), Type::Date) = (&node.kind, other) {
            *typed = match Date::parse(s) {
                Some(d) => Typed::constant(Value::Date(d), Type::Date),
                None => self.mismatch(node.span, "a date written YYYY-MM-DD", &Type::Text),
            };
        }
    }

    /// Numbers and dates compare with every operator; texts and yes/no only
    /// with `==` and `!=`; `null` with anything.
    fn comparable(&mut self, op: BinaryOp, l: (&Type, Span), r: (&Type, Span), span: Span) {
        let scalar = |t: &Type| {
            matches!(t, Type::Number | Type::Text | Type::Date | Type::Bool | Type::Null)
        };
        const SCALARS: &str = "a number, text, date or yes/no";
        let ty = if *l.0 == Type::Null { r.0 } else { l.0 };
        if !scalar(l.0) {
            self.mismatch(l.1, SCALARS, l.0);
        } else if !scalar(r.0) {
            self.mismatch(r.1, SCALARS, r.0);
        } else if !fits(r.0, l.0) && !fits(l.0, r.0) {
            self.mismatch(r.1, l.0.describe(), r.0);
        } else if matches!(ty, Type::Text | Type::Bool)
            && !matches!(op, BinaryOp::Eq | BinaryOp::Ne)
        {
            self.mismatch(
                span,
                "numbers or dates (texts and yes/no compare with == and != only)",
                ty,
            );
        }
    }

    /// The record (or list of records) a `.` or `[]` applies to.
    fn records_of(
        &mut self,
        base: &Typed,
        span: Span,
        lists_only: bool,
    ) -> Option<(Arc<RecordShape>, bool)> {
        match &base.ty {
            Type::Record(shape) if !lists_only => return Some((shape.clone(), false)),
            Type::List(item) => {
                if let Type::Record(shape) = &**item {
                    return Some((shape.clone(), true));
                }
            }
            Type::Null => {
                self.read(&base.place);
                return None;
            }
            _ => {}
        }
        let expected = if lists_only { "a list of groups" } else { "a group or a list of groups" };
        self.mismatch(span, expected, &base.ty);
        None
    }

    /// `base.name`: a field of a record, or of every record of a list.
    fn member(&mut self, base: &Node, name: &str, span: Span) -> Typed {
        let b = self.node(base);
        let Some((shape, over_list)) = self.records_of(&b, base.span, false) else {
            return Typed::null();
        };
        let Some((slot, ty)) = shape.lookup(name) else {
            let name_span = (span.1.saturating_sub(name.len()), span.1);
            return self.error(name_span, ExprErrorKind::UnknownName(name.to_owned()));
        };
        let place = child(&b.place, slot);
        let (op, ty) = match (over_list, ty) {
            (false, ty) => match b.op {
                Op::Scope(level) => (Op::Field { level, slot }, ty.clone()),
                base => (Op::Member { base: Box::new(base), slot }, ty.clone()),
            },
            (true, Type::List(item)) => {
                (Op::Map { base: Box::new(b.op), slot, flatten: true }, Type::List(item.clone()))
            }
            (true, ty) => (
                Op::Map { base: Box::new(b.op), slot, flatten: false },
                Type::List(Box::new(ty.clone())),
            ),
        };
        Typed { op, ty, place }
    }

    /// `inner` checked with each record of the list `base` as the innermost
    /// scope, and that scope's level; `None` (reported) if `base` is not a
    /// list of groups.
    fn per_record(&mut self, base: &Typed, span: Span, inner: &Node) -> Option<(Typed, usize)> {
        let (shape, _) = self.records_of(base, span, true)?;
        self.levels.push(Level { shape, place: base.place.clone() });
        let typed = self.value(inner);
        let level = self.levels.len() - 1;
        self.levels.pop();
        Some((typed, level))
    }

    /// `base[cond]`, with each record of `base` as the innermost scope.
    fn filter(&mut self, base: &Node, cond: &Node) -> Typed {
        let b = self.node(base);
        let Some((c, level)) = self.per_record(&b, base.span, cond) else {
            return Typed::null();
        };
        self.expect(&c.ty, cond.span, &Type::Bool);
        let op = Op::Filter { base: Box::new(b.op), cond: Box::new(c.op), level };
        Typed { op, ty: b.ty, place: b.place }
    }

    fn call(&mut self, name: &str, args: &[Node], span: Span) -> Typed {
        if let (Some(f), [list, per_item]) = (functions::lookup(name), args)
            && f.per_item
        {
            return self.per_item_call(f, list, per_item);
        }
        let typed: Vec<Typed> = args.iter().map(|a| self.value(a)).collect();
        let Some(f) = functions::lookup(name) else {
            let name_span = (span.0, span.0 + name.len());
            return self.error(name_span, ExprErrorKind::UnknownFunction(name.to_owned()));
        };
        let found = args.len();
        if !(f.min..=f.max).contains(&found) {
            if self.partial {
                return Typed::null();
            }
            let max = (f.max != functions::MANY).then_some(f.max);
            let (function, min) = (name.to_owned(), f.min);
            return self.error(span, ExprErrorKind::WrongArity { function, min, max, found });
        }
        if f.needs_item {
            if self.levels.len() < 2 {
                return self.error(span, ExprErrorKind::OutsideItem(format!("{name}()")));
            }
            // Inside a filter it is the element's number, not the item's.
            self.uses_position |= self.levels.len() == self.outer;
        }
        let types: Vec<Type> = typed.iter().map(|t| t.ty.clone()).collect();
        let ty = match (f.check)(&types) {
            Ok(ty) => ty,
            Err(m) => return self.mismatch(args[m.arg].span, m.expected, &types[m.arg]),
        };
        let ops = typed.into_iter().map(|t| t.op).collect();
        Typed::new(Op::Call { f, args: ops, level: self.levels.len().saturating_sub(1) }, ty)
    }

    /// `f(list, expr)`: `expr` for each record of `list` (the record as the
    /// innermost scope, as in a filter), given to `f` as one list.
    fn per_item_call(
        &mut self,
        f: &'static functions::Function,
        list: &Node,
        expr: &Node,
    ) -> Typed {
        let b = self.value(list);
        let Some((e, level)) = self.per_record(&b, list.span, expr) else {
            return Typed::null();
        };
        let values = Type::List(Box::new(e.ty));
        let ty = match (f.check)(std::slice::from_ref(&values)) {
            Ok(ty) => ty,
            Err(m) => return self.mismatch(expr.span, m.expected, &values),
        };
        let each = Op::Each { base: Box::new(b.op), expr: Box::new(e.op), level };
        Typed::new(Op::Call { f, args: Box::new([each]), level: level - 1 }, ty)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{errors_of, refs_in};
    use super::super::{ExprErrorKind as K, Ref};
    use super::*;

    fn r(anchor: usize, steps: &[usize]) -> Ref {
        Ref { anchor, steps: steps.to_vec() }
    }

    #[test]
    fn every_error_is_reported_with_its_span() {
        let errors = errors_of("totl + sum(partners.nme) > 0 and summ(1) and $nope");
        let found: Vec<(Span, K)> = errors.into_iter().map(|e| (e.span, e.kind)).collect();
        assert_eq!(
            found,
            [
                ((0, 4), K::UnknownName("totl".into())),
                ((20, 23), K::UnknownName("nme".into())),
                ((33, 37), K::UnknownFunction("summ".into())),
                ((45, 50), K::UnknownName("$nope".into())),
            ]
        );
        let found: Vec<Span> =
            errors_of("acronym + 1 > 'x' or not total").iter().map(|e| e.span).collect();
        assert_eq!(found, [(0, 7), (14, 17), (25, 30)]);
    }

    #[test]
    fn comparisons() {
        assert!(errors_of("start < '2026-01-31' and '2026-01-01' <= end").is_empty());
        assert!(errors_of("acronym == 'x' and confirmed != true and total >= null").is_empty());
        let kinds = |src| errors_of(src).into_iter().map(|e| e.kind).collect::<Vec<_>>();
        let mismatch =
            |expected: &str, found: Type| K::TypeMismatch { expected: expected.into(), found };
        assert_eq!(
            kinds("start < '2026-02-30'"),
            [mismatch("a date written YYYY-MM-DD", Type::Text)]
        );
        assert_eq!(kinds("total == 'x'"), [mismatch("number", Type::Text)]);
        // No text concatenation.
        assert_eq!(
            kinds("acronym + 'b'"),
            [mismatch("number", Type::Text), mismatch("number", Type::Text)]
        );
        assert_eq!(
            kinds("acronym < 'x'"),
            [mismatch(
                "numbers or dates (texts and yes/no compare with == and != only)",
                Type::Text
            )]
        );
        assert_eq!(
            kinds("summary == 'x'"),
            [mismatch("a number, text, date or yes/no", Type::Multilingual)]
        );
    }

    #[test]
    fn scopes_parent_and_position() {
        let kinds = |src| errors_of(src).into_iter().map(|e| e.kind).collect::<Vec<_>>();
        assert_eq!(kinds("parent.total"), [K::OutsideItem("parent".into())]);
        assert_eq!(kinds("position()"), [K::OutsideItem("position()".into())]);
        for up in 0..4 {
            let node = super::super::ast::Node { kind: Kind::Scope(up), span: (0, 0) };
            assert_eq!(scope_name(up), node.to_string());
        }
        assert_eq!(
            kinds("round_down(1)"),
            [K::WrongArity { function: "round_down".into(), min: 2, max: Some(2), found: 1 }]
        );
        assert!(errors_of("item.total + count(partners[parent.total > total])").is_empty());
    }

    #[test]
    fn a_syntax_error_does_not_hide_name_errors() {
        let kinds: Vec<K> = errors_of("totl + round_down(x").into_iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                K::Syntax(
                    "expected `,` or `)` in the call of round_down, found end of expression".into()
                ),
                K::UnknownName("totl".into()),
                K::UnknownName("x".into()),
            ]
        );
    }

    #[test]
    fn refs_name_every_location_read() {
        // Root slots: see testkit (partners = 9, total = 3); partner: role 0,
        // name 1, total 2, active 3, joined 4, staff 5; row: units 0, price 1, sum 2.
        let (refs, params) = refs_in("count(partners[role == 'LEAD_PARTNER'])", 0);
        assert_eq!(refs, [r(0, &[9, 0]), r(0, &[9])]);
        assert!(params.is_empty());
        let (refs, _) = refs_in("sum(partners.staff.rowSum)", 0);
        assert_eq!(refs, [r(0, &[9, 5, 2])]);
        let (refs, _) = refs_in("numberOfUnits * pricePerUnit", 2);
        assert_eq!(refs, [r(2, &[0]), r(2, &[1])]);
        let (refs, params) =
            refs_in("round_down(parent.total * $flatRate / 100, 2) + parent.parent.total", 2);
        assert_eq!(refs, [r(1, &[2]), r(0, &[3])]);
        assert_eq!(params, [0]);
        // A bare name is the innermost record's field of that name.
        assert_eq!(refs_in("total", 2).0, [r(1, &[2])]);
        assert_eq!(refs_in("total", 0).0, [r(0, &[3])]);
        let (refs, _) = refs_in("sum(staff[rowSum > parent.parent.total].pricePerUnit)", 1);
        assert_eq!(refs, [r(1, &[5, 2]), r(0, &[3]), r(1, &[5, 1])]);
        // A per-item expression: the list and what the expression reads in each item.
        let (refs, _) = refs_in("sum(partners, total * $flatRate)", 0);
        assert_eq!(refs, [r(0, &[9]), r(0, &[9, 2])]);
        let (refs, _) = refs_in("item", 1);
        assert_eq!(refs, [r(1, &[])]);
        // A list computed by a function: its arguments are read whole.
        let (refs, _) = refs_in("count(if(total > 0, partners, partners)[active])", 0);
        assert_eq!(refs, [r(0, &[3]), r(0, &[9])]);
    }
}
