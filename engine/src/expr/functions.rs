//! The function registry: one flat table, one entry per function with its
//! name, arity, type rule and implementation. Adding a function is adding an
//! entry (and a line in `docs/expressions.md`, which a test checks).
//!
//! Implementations receive their arguments unevaluated ([`Args`]), so `if`
//! and `coalesce` evaluate only what they return, and list functions stream
//! their list ([`Args::each`]) without collecting it.

use super::check::{fits, unify};
use super::eval::{Cx, Flow, Logic, Op, V, each, eval};
use crate::money;
use crate::shape::Type;
use crate::text::{is_blank, utf16_len};
use crate::value::Translation;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::cmp::Ordering;

/// A function's type rule: the result type for these argument types, or
/// which argument is wrong.
type CheckFn = fn(&[Type]) -> Result<Type, Mismatch>;
/// A function's implementation.
type EvalFn = for<'a, 'c> fn(&Args<'a, 'c>) -> V<'a>;

/// One entry of the registry.
pub(crate) struct Function {
    pub name: &'static str,
    pub min: usize,
    /// [`MANY`]: no limit.
    pub max: usize,
    /// Only meaningful inside a repeatable item (`position()`).
    pub needs_item: bool,
    /// Takes a list of groups and a second argument evaluated for each of
    /// them (`sum(partners, budget.total * 2)`), compiled into the list of
    /// those values; the function itself sees one argument.
    pub per_item: bool,
    pub check: CheckFn,
    pub eval: EvalFn,
}

impl std::fmt::Debug for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}()", self.name)
    }
}

/// Argument `arg` should have been `expected`.
pub(crate) struct Mismatch {
    pub arg: usize,
    pub expected: String,
}

/// As a maximum number of arguments: no limit.
pub(crate) const MANY: usize = usize::MAX;

const fn func(
    name: &'static str,
    min: usize,
    max: usize,
    check: CheckFn,
    eval: EvalFn,
) -> Function {
    Function { name, min, max, needs_item: false, per_item: false, check, eval }
}

/// A list function that also takes a per-item expression.
const fn per_item(name: &'static str, check: CheckFn, eval: EvalFn) -> Function {
    Function { per_item: true, ..func(name, 1, 2, check, eval) }
}

/// Every function, alphabetically.
pub(crate) static FUNCTIONS: &[Function] = &[
    func("abs", 1, 1, numbers, |a| unary(a, |x| x.abs())),
    per_item("all", list_of_bools, |a| logic_over(a, false)),
    per_item("any", list_of_bools, |a| logic_over(a, true)),
    func("ceil", 1, 1, numbers, |a| unary(a, money::ceil)),
    func("coalesce", 2, MANY, same_types, coalesce),
    func("concat", 1, MANY, lists, concat),
    func("contains", 2, 2, list_and_item, contains),
    func("count", 1, 1, any_list, count),
    func("distinct", 1, 1, list_of_scalars, distinct),
    func("equal_ignore_case", 2, 2, two_texts, equal_ignore_case),
    func("filled", 1, 1, |_| Ok(Type::Bool), filled),
    func("first", 1, 1, item_type, first),
    func("floor", 1, 1, numbers, |a| unary(a, money::floor)),
    func("if", 3, 3, if_types, if_),
    func("len", 1, 1, text, len),
    per_item("max", list_of_ordered, |a| extreme(a, Ordering::Greater)),
    per_item("min", list_of_ordered, |a| extreme(a, Ordering::Less)),
    func("only_chars", 2, 2, two_texts, only_chars),
    Function { needs_item: true, ..func("position", 0, 0, |_| Ok(Type::Number), position) },
    func("range", 2, 2, |a| numbers(a).map(|t| Type::List(Box::new(t))), range),
    func("round_down", 2, 2, numbers, |a| rounding(a, money::round_down)),
    func("round_half_down", 2, 2, numbers, |a| rounding(a, money::round_half_down)),
    func("round_half_up", 2, 2, numbers, |a| rounding(a, money::round_half_up)),
    func("starts_with", 2, 2, two_texts, starts_with),
    per_item("sum", list_of_numbers, sum),
];

/// The function called `name`.
pub(crate) fn lookup(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// A call's arguments, evaluated on demand.
pub(crate) struct Args<'a, 'c> {
    pub ops: &'a [Op],
    pub cx: &'c Cx<'a>,
    /// The innermost scope level at the call.
    pub level: usize,
}

impl<'a> Args<'a, '_> {
    fn value(&self, i: usize) -> V<'a> {
        self.ops.get(i).map_or(V::Null, |op| eval(op, self.cx))
    }

    fn number(&self, i: usize) -> Option<Decimal> {
        match self.value(i) {
            V::Number(d) => Some(d),
            _ => None,
        }
    }

    /// Calls `f` with each item of list argument `i`.
    fn each(&self, i: usize, f: &mut dyn FnMut(V<'a>) -> Flow) {
        if let Some(op) = self.ops.get(i) {
            let _ = each(op, self.cx, f);
        }
    }
}

// Type rules.

fn mismatch(arg: usize, expected: impl Into<String>) -> Mismatch {
    Mismatch { arg, expected: expected.into() }
}

fn numbers(args: &[Type]) -> Result<Type, Mismatch> {
    match args.iter().position(|t| !fits(t, &Type::Number)) {
        Some(i) => Err(mismatch(i, "number")),
        None => Ok(Type::Number),
    }
}

/// The item type of a list argument (null for the `null` literal).
fn items_of(args: &[Type]) -> Option<&Type> {
    match &args[0] {
        Type::List(item) => Some(item),
        Type::Null => Some(&Type::Null),
        _ => None,
    }
}

/// A list → its item type.
fn item_type(args: &[Type]) -> Result<Type, Mismatch> {
    items_of(args).cloned().ok_or_else(|| mismatch(0, "a list"))
}

fn any_list(args: &[Type]) -> Result<Type, Mismatch> {
    items_of(args).map(|_| Type::Number).ok_or_else(|| mismatch(0, "a list"))
}

/// A list and a value of its item type (numbers, texts, yes/no or dates).
fn list_and_item(args: &[Type]) -> Result<Type, Mismatch> {
    match items_of(args) {
        Some(t @ (Type::Number | Type::Text | Type::Bool | Type::Date | Type::Null)) => {
            if fits(&args[1], t) || matches!(t, Type::Null) {
                Ok(Type::Bool)
            } else {
                Err(mismatch(1, t.describe()))
            }
        }
        _ => Err(mismatch(0, "a list of numbers, texts, yes/no values or dates")),
    }
}

/// Lists of one item type → a list of that type.
fn lists(args: &[Type]) -> Result<Type, Mismatch> {
    let mut ty = Type::Null;
    for (i, t) in args.iter().enumerate() {
        let item = items_of(std::slice::from_ref(t)).ok_or_else(|| mismatch(i, "a list"))?;
        ty = unify(&ty, item).ok_or_else(|| mismatch(i, format!("a list of {}", ty.describe())))?;
    }
    Ok(Type::List(Box::new(ty)))
}

/// A list of numbers, texts, yes/no values or dates → the same list type.
fn list_of_scalars(args: &[Type]) -> Result<Type, Mismatch> {
    match items_of(args) {
        Some(Type::Number | Type::Text | Type::Bool | Type::Date | Type::Null) => {
            Ok(args[0].clone())
        }
        _ => Err(mismatch(0, "a list of numbers, texts, yes/no values or dates")),
    }
}

fn list_of_numbers(args: &[Type]) -> Result<Type, Mismatch> {
    match items_of(args) {
        Some(t) if fits(t, &Type::Number) => Ok(Type::Number),
        _ => Err(mismatch(0, "a list of numbers")),
    }
}

fn list_of_bools(args: &[Type]) -> Result<Type, Mismatch> {
    match items_of(args) {
        Some(t) if fits(t, &Type::Bool) => Ok(Type::Bool),
        _ => Err(mismatch(0, "a list of yes/no values")),
    }
}

fn list_of_ordered(args: &[Type]) -> Result<Type, Mismatch> {
    match items_of(args) {
        Some(t @ (Type::Number | Type::Date | Type::Null)) => Ok(t.clone()),
        _ => Err(mismatch(0, "a list of numbers or dates")),
    }
}

fn text(args: &[Type]) -> Result<Type, Mismatch> {
    match args[0] {
        Type::Text | Type::Multilingual | Type::Null => Ok(Type::Number),
        _ => Err(mismatch(0, "text")),
    }
}

/// Two single-language texts → yes/no.
fn two_texts(args: &[Type]) -> Result<Type, Mismatch> {
    match args.iter().position(|t| !fits(t, &Type::Text)) {
        Some(i) => Err(mismatch(i, "text")),
        None => Ok(Type::Bool),
    }
}

/// The common type of `args[from..]`.
fn common(args: &[Type], from: usize) -> Result<Type, Mismatch> {
    let mut ty = Type::Null;
    for (i, t) in args.iter().enumerate().skip(from) {
        ty = unify(&ty, t).ok_or_else(|| mismatch(i, ty.describe()))?;
    }
    Ok(ty)
}

fn same_types(args: &[Type]) -> Result<Type, Mismatch> {
    common(args, 0)
}

fn if_types(args: &[Type]) -> Result<Type, Mismatch> {
    if !fits(&args[0], &Type::Bool) {
        return Err(mismatch(0, "yes/no"));
    }
    common(args, 1)
}

// Implementations.

fn unary<'a>(a: &Args<'a, '_>, f: fn(Decimal) -> Decimal) -> V<'a> {
    a.number(0).map_or(V::Null, |x| V::Number(f(x)))
}

/// `n` decimals must be a whole number from 0 to 10, or the result is null.
fn rounding<'a>(a: &Args<'a, '_>, f: fn(Decimal, u32) -> Decimal) -> V<'a> {
    let (Some(x), Some(n)) = (a.number(0), a.number(1)) else { return V::Null };
    let n = n.fract().is_zero().then(|| n.to_u32()).flatten().filter(|n| *n <= 10);
    n.map_or(V::Null, |n| V::Number(f(x, n)))
}

fn sum<'a>(a: &Args<'a, '_>) -> V<'a> {
    let mut total = Some(Decimal::ZERO);
    a.each(0, &mut |v| {
        if let (V::Number(d), Some(t)) = (v, total) {
            total = t.checked_add(d);
        }
        if total.is_some() { Flow::Continue(()) } else { Flow::Break(()) }
    });
    total.map_or(V::Null, V::Number)
}

/// Whether some item of the list equals the value (null for a null value).
fn contains<'a>(a: &Args<'a, '_>) -> V<'a> {
    let wanted = a.value(1);
    if matches!(wanted, V::Null) {
        return V::Null;
    }
    let mut found = false;
    a.each(0, &mut |v| {
        found = v.order(&wanted) == Some(Ordering::Equal);
        if found { Flow::Break(()) } else { Flow::Continue(()) }
    });
    V::Bool(found)
}

fn count<'a>(a: &Args<'a, '_>) -> V<'a> {
    let mut n = 0u64;
    a.each(0, &mut |_| {
        n += 1;
        Flow::Continue(())
    });
    V::Number(n.into())
}

/// The smallest (`Less`) or largest (`Greater`) number or date, skipping nulls.
fn extreme<'a>(a: &Args<'a, '_>, want: Ordering) -> V<'a> {
    let mut best: V<'static> = V::Null;
    a.each(0, &mut |v| {
        let v = v.detach();
        if matches!(best, V::Null) || v.order(&best) == Some(want) {
            best = v;
        }
        Flow::Continue(())
    });
    best
}

/// The most items `range` gives; a longer range is null.
const MAX_RANGE: u64 = 10_000;

/// The whole numbers from `a` to `b` (none when `a > b`); null unless both
/// are whole numbers giving at most [`MAX_RANGE`] items.
fn range<'a>(a: &Args<'a, '_>) -> V<'a> {
    let whole = |i| a.number(i).filter(|d| d.fract().is_zero()).and_then(|d| d.to_i64());
    let (Some(from), Some(to)) = (whole(0), whole(1)) else { return V::Null };
    if to.checked_sub(from).is_some_and(|n| n >= MAX_RANGE as i64) {
        return V::Null;
    }
    V::Items((from..=to).map(|n| V::Number(n.into())).collect())
}

/// The items of every list argument, in order.
fn concat<'a>(a: &Args<'a, '_>) -> V<'a> {
    let mut items = Vec::new();
    for i in 0..a.ops.len() {
        a.each(i, &mut |v| {
            items.push(v);
            Flow::Continue(())
        });
    }
    V::Items(items)
}

/// The items of a list without repeats and nulls, first occurrence first.
fn distinct<'a>(a: &Args<'a, '_>) -> V<'a> {
    let mut items: Vec<V<'a>> = Vec::new();
    a.each(0, &mut |v| {
        if !matches!(v, V::Null) && !items.iter().any(|w| w.order(&v) == Some(Ordering::Equal)) {
            items.push(v);
        }
        Flow::Continue(())
    });
    V::Items(items)
}

/// The first item of a list (null for an empty list), borrowed from the
/// data: `first(partners[role == 'LEAD_PARTNER']).nameInEnglish`.
fn first<'a>(a: &Args<'a, '_>) -> V<'a> {
    let mut found = V::Null;
    a.each(0, &mut |v| {
        found = v;
        Flow::Break(())
    });
    found
}

fn logic_over<'a>(a: &Args<'a, '_>, decisive: bool) -> V<'a> {
    let mut logic = Logic::new(decisive);
    a.each(0, &mut |v| if logic.feed(v.truth()) { Flow::Break(()) } else { Flow::Continue(()) });
    logic.result()
}

/// `if(c, a, b)`: `a` when `c` is true, else `b` (also when `c` is null).
fn if_<'a>(a: &Args<'a, '_>) -> V<'a> {
    if a.value(0).truth() == Some(true) { a.value(1) } else { a.value(2) }
}

fn coalesce<'a>(a: &Args<'a, '_>) -> V<'a> {
    (0..a.ops.len()).map(|i| a.value(i)).find(|v| !matches!(v, V::Null)).unwrap_or(V::Null)
}

/// UTF-16 length; of a multilingual text, its longest translation.
fn len<'a>(a: &Args<'a, '_>) -> V<'a> {
    let n = match a.value(0) {
        V::Text(s) => utf16_len(s),
        V::Multilingual(t) => t.iter().map(|t| utf16_len(&t.translation)).max().unwrap_or(0),
        _ => return V::Null,
    };
    V::Number(n.into())
}

/// Whether every character of a text is one of `allowed`'s characters.
fn only_chars<'a>(a: &Args<'a, '_>) -> V<'a> {
    match (a.value(0), a.value(1)) {
        (V::Text(s), V::Text(allowed)) => V::Bool(s.chars().all(|c| allowed.contains(c))),
        _ => V::Null,
    }
}

/// Whether two texts are equal when case is ignored (Unicode lower case,
/// character by character, as Java's `equalsIgnoreCase` for most texts).
fn equal_ignore_case<'a>(a: &Args<'a, '_>) -> V<'a> {
    match (a.value(0), a.value(1)) {
        (V::Text(x), V::Text(y)) => V::Bool(
            x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase)),
        ),
        _ => V::Null,
    }
}

/// Whether a text begins with `prefix` (exactly: case counts).
fn starts_with<'a>(a: &Args<'a, '_>) -> V<'a> {
    match (a.value(0), a.value(1)) {
        (V::Text(s), V::Text(prefix)) => V::Bool(s.starts_with(prefix)),
        _ => V::Null,
    }
}

fn filled<'a>(a: &Args<'a, '_>) -> V<'a> {
    V::Bool(match a.value(0) {
        V::Null => false,
        V::Text(s) => !is_blank(s),
        V::Multilingual(t) => fully_translated(t, a.cx.env.languages),
        V::List(items) => !items.is_empty(),
        V::Items(items) => !items.is_empty(),
        V::Number(_) | V::Bool(_) | V::Date(_) | V::Record(_) => true,
    })
}

/// Non-blank in every input language (with none given: in at least one).
fn fully_translated(t: &[Translation], languages: &[String]) -> bool {
    let given = |language: Option<&str>| {
        t.iter().any(|t| language.is_none_or(|l| t.language == l) && !is_blank(&t.translation))
    };
    if languages.is_empty() { given(None) } else { languages.iter().all(|l| given(Some(l))) }
}

fn position<'a>(a: &Args<'a, '_>) -> V<'a> {
    a.cx.position(a.level).map_or(V::Null, |p| V::Number(p.into()))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{errors_of, num as n, run, run_in, text, type_errors};
    use super::*;
    use crate::value::Value;

    #[test]
    fn registry_is_sorted_and_documented() {
        let names: Vec<&str> = FUNCTIONS.iter().map(|f| f.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        let docs = include_str!("../../../docs/expressions.md");
        for name in names {
            assert!(docs.contains(&format!("`{name}(")), "docs/expressions.md lacks {name}");
        }
    }

    #[test]
    fn sum_skips_nulls_and_is_zero_when_empty() {
        assert_eq!(run("sum(partners.staff.rowSum)"), n("270.99"));
        assert_eq!(run("sum(partners.total)"), n("1250.50"));
        assert_eq!(run("sum(partners[name == \"none\"].total)"), n("0"));
        assert_eq!(run("sum(null)"), n("0"));
        assert_eq!(run("sum(partners.staff[rowSum > 100].rowSum)"), n("150.00"));
    }

    #[test]
    fn contains_compares_items_with_the_value() {
        assert_eq!(run("contains(tags, 'b')"), Value::Bool(true));
        assert_eq!(run("contains(tags, 'B')"), Value::Bool(false));
        assert_eq!(run("contains(partners.total, 1250.5)"), Value::Bool(false));
        // Numbers compare by value: 250.5 equals the stored 250.50.
        assert_eq!(run("contains(partners.total, 250.5)"), Value::Bool(true));
        assert_eq!(run("contains(tags, null)"), Value::Null);
        assert_eq!(run("contains(partners[false].name, 'x')"), Value::Bool(false));
        assert!(!type_errors("contains(tags, 1)").is_empty());
        assert!(!type_errors("contains(partners, 'x')").is_empty());
    }

    #[test]
    fn only_chars_checks_every_character() {
        assert_eq!(run("only_chars('123456789', '0123456789')"), Value::Bool(true));
        assert_eq!(run("only_chars('12345678x', '0123456789')"), Value::Bool(false));
        assert_eq!(run("only_chars('', '0123456789')"), Value::Bool(true));
        assert_eq!(run("only_chars('+43 (0) 1/234-5', '0123456789+()/- ')"), Value::Bool(true));
        assert_eq!(run("only_chars('Ab😀', 'Ab😀')"), Value::Bool(true));
        assert_eq!(run("only_chars(null, '0')"), Value::Null);
        assert!(!type_errors("only_chars(1, '0')").is_empty());
        assert!(!type_errors("only_chars(title, '0')").is_empty());
    }

    #[test]
    fn equal_ignore_case_folds_letters() {
        assert_eq!(run("equal_ignore_case('JKU', 'jku')"), Value::Bool(true));
        assert_eq!(run("equal_ignore_case('Österreich', 'ÖSTERREICH')"), Value::Bool(true));
        assert_eq!(run("equal_ignore_case('JKU', 'JKU ')"), Value::Bool(false));
        assert_eq!(run("equal_ignore_case(null, 'x')"), Value::Null);
        assert!(!type_errors("equal_ignore_case(1, 'x')").is_empty());
    }

    #[test]
    fn starts_with_compares_the_beginning_exactly() {
        assert_eq!(run("starts_with('AT130', 'AT13')"), Value::Bool(true));
        assert_eq!(run("starts_with('AT130', 'at')"), Value::Bool(false));
        assert_eq!(run("starts_with('AT', 'AT13')"), Value::Bool(false));
        assert_eq!(run("starts_with('AT130', '')"), Value::Bool(true));
        assert_eq!(run("starts_with(null, 'AT')"), Value::Null);
        assert!(!type_errors("starts_with(title, 'AT')").is_empty());
    }

    #[test]
    fn count_counts_items_including_nulls() {
        assert_eq!(run("count(partners)"), n("3"));
        assert_eq!(run("count(partners.name)"), n("3"));
        assert_eq!(run("count(partners.staff)"), n("3"));
        assert_eq!(run("count(tags)"), n("2"));
        assert_eq!(run("count(partners[role == 'LEAD_PARTNER'])"), n("1"));
    }

    #[test]
    fn min_and_max_skip_nulls_and_are_null_when_empty() {
        assert_eq!(run("min(partners.total)"), n("250.50"));
        assert_eq!(run("max(partners.staff.rowSum)"), n("150.00"));
        assert_eq!(run("max(partners[false].total)"), Value::Null);
        let date = |s| Value::Date(crate::value::Date::parse(s).unwrap());
        assert_eq!(run("max(partners.joined)"), date("2026-03-01"));
        assert_eq!(run("min(partners.joined)"), date("2026-01-15"));
    }

    #[test]
    fn any_and_all_are_three_valued() {
        // active: true, false, null
        assert_eq!(run("any(partners.active)"), Value::Bool(true));
        assert_eq!(run("all(partners.active)"), Value::Bool(false));
        assert_eq!(run("all(partners[active].active)"), Value::Bool(true));
        assert_eq!(run("any(partners[role == 'PARTNER'].active)"), Value::Null);
        assert_eq!(run("any(partners[false].active)"), Value::Bool(false));
        assert_eq!(run("all(partners[false].active)"), Value::Bool(true));
    }

    #[test]
    fn rounding_functions() {
        assert_eq!(run("round_down(total * 15 / 100, 2)"), n("185.18"));
        assert_eq!(run("round_half_up(12.345, 2)"), n("12.35"));
        assert_eq!(run("round_half_down(12.345, 2)"), n("12.34"));
        assert_eq!(run("round_half_down(12.3451, 2)"), n("12.35"));
        assert_eq!(run("round_down(-2.349, 2)"), n("-2.34"));
        for bad in [
            "round_down(1.5, 11)",
            "round_down(1.5, -1)",
            "round_down(1.5, 1.5)",
            "round_down(null, 2)",
        ] {
            assert_eq!(run(bad), Value::Null, "{bad}");
        }
        assert_eq!(run("ceil(2.1)"), n("3"));
        assert_eq!(run("floor(-2.1)"), n("-3"));
        assert_eq!(run("abs(-2.5)"), n("2.5"));
        assert_eq!(run("abs(null)"), Value::Null);
    }

    #[test]
    fn if_and_coalesce_choose() {
        assert_eq!(run("if(total > 1000, 'big', 'small')"), Value::Text("big".into()));
        assert_eq!(run("if(null, 1, 2)"), n("2"));
        assert_eq!(run("if(true, null, 2)"), Value::Null);
        assert_eq!(run("coalesce(missing, 0)"), n("0"));
        assert_eq!(run("coalesce(null, missing, total)"), n("1234.56"));
        assert_eq!(run("coalesce(null, null)"), Value::Null);
    }

    #[test]
    fn len_counts_utf16_and_takes_the_longest_translation() {
        assert_eq!(run("len(acronym)"), n("4"));
        assert_eq!(run("len(summary)"), n("7"));
        assert_eq!(run("len(null)"), Value::Null);
        assert_eq!(run_in("len(name)", &[2]), Value::Null);
        assert_eq!(run_in("len(name)", &[1]), n("4"));
    }

    #[test]
    fn filled_needs_every_input_language() {
        assert_eq!(run("filled(acronym)"), Value::Bool(true));
        assert_eq!(run("filled(summary)"), Value::Bool(false)); // DE is blank
        assert_eq!(run("filled(title)"), Value::Bool(true)); // EN and DE
        assert_eq!(run("filled(missing)"), Value::Bool(false));
        assert_eq!(run("filled(total)"), Value::Bool(true));
        assert_eq!(run("filled(partners[false])"), Value::Bool(false));
        assert_eq!(run("filled(tags)"), Value::Bool(true));
        assert!(fully_translated(
            &[Translation { language: "EN".into(), translation: "x".into() }],
            &[]
        ));
    }

    #[test]
    fn first_borrows_the_first_item() {
        assert_eq!(run("first(partners[role == 'LEAD_PARTNER']).name"), text("Alpha"));
        assert_eq!(run("first(partners[role == 'PARTNER']).name"), text("Beta"));
        // No match, an empty list, null: null, and so is a field of it.
        assert_eq!(run("first(partners[role == 'NONE']).name"), Value::Null);
        assert_eq!(run("first(partners[false])"), Value::Null);
        assert_eq!(run("first(null)"), Value::Null);
        assert_eq!(run("first(tags)"), text("a"));
        assert_eq!(run("first(partners.staff).rowSum"), n("21.00"));
        assert_eq!(run("first(partners[position() == 3]).name"), Value::Null);
        // A multilingual field comes whole; `len` and `filled` read it.
        let Value::Multilingual(t) = run("first(partners).department") else { panic!() };
        assert_eq!(t[1].translation, "Forschung");
        assert_eq!(run("len(first(partners[active]).department)"), n("9"));
        assert_eq!(run("filled(first(partners[not active]).department)"), Value::Bool(false));
        assert_eq!(run("first(partners).name == 'Alpha'"), Value::Bool(true));
        assert!(!type_errors("first(total)").is_empty());
        assert!(!type_errors("first(partners) + 1").is_empty());
        assert!(!type_errors("first(tags).name").is_empty());
    }

    #[test]
    fn range_concat_and_distinct_make_lists() {
        let nums = |ns: &[&str]| Value::List(ns.iter().map(|s| n(s)).collect());
        assert_eq!(run("range(1, 3)"), nums(&["1", "2", "3"]));
        assert_eq!(run("range(3, 1)"), nums(&[]));
        assert_eq!(
            run("concat(range(0, 0), range(1, 2), range(255, 255))"),
            nums(&["0", "1", "2", "255"])
        );
        // A missing end, a fraction, a range too long: null, so no items.
        assert_eq!(run("range(1, missing)"), Value::Null);
        assert_eq!(run("concat(range(0, 0), range(1, missing))"), nums(&["0"]));
        assert_eq!(run("range(1, 1.5)"), Value::Null);
        assert_eq!(run("range(1, 10001)"), Value::Null);
        assert_eq!(run("count(range(1, 10000))"), n("10000"));
        assert_eq!(
            run("concat(tags, partners.name)"),
            Value::List(vec![text("a"), text("b"), text("Alpha"), text("Beta"), Value::Null])
        );
        assert_eq!(
            run("distinct(concat(tags, tags, partners.name))"),
            Value::List(vec![text("a"), text("b"), text("Alpha"), text("Beta")])
        );
        assert_eq!(
            run("distinct(concat(partners.total, range(1000, 1000)))"),
            nums(&["1000.00", "250.50"])
        );
        assert!(!type_errors("concat(tags, range(1, 2))").is_empty());
        assert!(!type_errors("concat(tags, 'x')").is_empty());
        assert!(!type_errors("distinct(partners)").is_empty());
        assert!(!type_errors("range('1', 2)").is_empty());
    }

    #[test]
    fn list_functions_take_a_per_item_expression() {
        // 1000.00 × 2 + 250.50 × 2, the invalid total is null and skipped.
        assert_eq!(run("sum(partners, total * 2)"), n("2501.00"));
        // (21.00 + 150.00) × 2 + 0 + 99.99 × 2
        assert_eq!(run("sum(partners, sum(staff.rowSum) * 2)"), n("541.98"));
        // Rounded per item, then summed: 150.00 and 37.57 (37.575 down).
        assert_eq!(run("sum(partners, round_down(total * $flatRate / 100, 2))"), n("187.57"));
        // `parent` is the record the call is written in; bare names read the item first.
        assert_eq!(run("sum(partners, if(total > parent.total / 2, 1, 0))"), n("1"));
        assert_eq!(run("sum(partners, position())"), n("6"));
        assert_eq!(run("sum(partners[false], 1)"), n("0"));
        assert_eq!(run("max(partners, total)"), n("1000.00"));
        assert_eq!(run("min(partners, sum(staff.rowSum))"), n("0"));
        let date = |s| Value::Date(crate::value::Date::parse(s).unwrap());
        assert_eq!(run("min(partners, joined)"), date("2026-01-15"));
        assert_eq!(run("any(partners, total > 500)"), Value::Bool(true));
        assert_eq!(run("all(partners, filled(role))"), Value::Bool(true));
        assert_eq!(run("all(partners, total > 0)"), Value::Null);
        assert_eq!(run_in("sum(staff, numberOfUnits * pricePerUnit)", &[0]), n("171.000"));
        for (src, expected) in [
            ("sum(partners, name)", "a list of numbers"),
            ("sum(tags, 1)", "a list of groups"),
            ("any(partners, total)", "a list of yes/no values"),
        ] {
            assert_eq!(type_errors(src), [expected], "{src}");
        }
        assert!(!errors_of("count(partners, 1)").is_empty());
    }

    #[test]
    fn position_is_the_items_number() {
        assert_eq!(run_in("position()", &[1]), n("2"));
        assert_eq!(run_in("position()", &[0, 1]), n("2"));
        // Inside a filter: the element's number in the list filtered.
        assert_eq!(run("count(partners[position() > 1])"), n("2"));
        assert_eq!(run("sum(partners[position() == 2].total)"), n("250.50"));
    }

    #[test]
    fn type_rules() {
        for (src, expected) in [
            ("sum(acronym)", "a list of numbers"),
            ("sum(tags)", "a list of numbers"),
            ("count(total)", "a list"),
            ("min(tags)", "a list of numbers or dates"),
            ("any(partners.total)", "a list of yes/no values"),
            ("round_down('1', 2)", "number"),
            ("if(1, 2, 3)", "yes/no"),
            ("if(true, 2, 'x')", "number"),
            ("coalesce(total, acronym)", "number"),
            ("len(total)", "text"),
        ] {
            assert_eq!(type_errors(src), [expected], "{src}");
        }
    }
}
