//! The syntax tree the parser builds, and its printer. Printing puts
//! parentheses exactly where precedence needs them, so printing and parsing
//! again gives the same tree (spans aside).

use super::error::Span;
use rust_decimal::Decimal;
use std::fmt;

/// A node and the source range it covers.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub span: Span,
}

/// Trees are equal when their kinds are: spans are where a node stood, not
/// what it is.
impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    Number(Decimal),
    Text(String),
    Bool(bool),
    Null,
    /// A bare field name, resolved innermost scope first.
    Name(String),
    /// `$name`.
    Param(String),
    /// `item` (0), `parent` (1), `parent.parent` (2), …
    Scope(usize),
    Unary(UnaryOp, Box<Node>),
    Binary(BinaryOp, Box<Node>, Box<Node>),
    /// `base.name`; the name is the node's last token, so its span is the end
    /// of the node's span.
    Member(Box<Node>, String),
    /// `list[condition]`.
    Filter(Box<Node>, Box<Node>),
    /// `name(args)`.
    Call(String, Vec<Node>),
    /// Where the parser stopped at a syntax error (already reported).
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

/// Precedence levels, lowest first (the parser's binding powers).
pub(crate) mod prec {
    pub const OR: u8 = 1;
    pub const AND: u8 = 2;
    pub const NOT: u8 = 3;
    pub const COMPARE: u8 = 4;
    pub const ADD: u8 = 5;
    pub const MUL: u8 = 6;
    pub const NEG: u8 = 7;
    pub const POSTFIX: u8 = 8;
    pub const ATOM: u8 = 9;
}

impl BinaryOp {
    pub(crate) fn prec(self) -> u8 {
        use BinaryOp::*;
        match self {
            Or => prec::OR,
            And => prec::AND,
            Eq | Ne | Lt | Le | Gt | Ge => prec::COMPARE,
            Add | Sub => prec::ADD,
            Mul | Div => prec::MUL,
        }
    }

    pub(crate) fn is_comparison(self) -> bool {
        self.prec() == prec::COMPARE
    }

    pub(crate) fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Or => "or",
            And => "and",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
        }
    }
}

impl Node {
    fn prec(&self) -> u8 {
        match &self.kind {
            Kind::Unary(UnaryOp::Not, _) => prec::NOT,
            Kind::Unary(UnaryOp::Neg, _) => prec::NEG,
            Kind::Binary(op, ..) => op.prec(),
            Kind::Member(..) | Kind::Filter(..) => prec::POSTFIX,
            _ => prec::ATOM,
        }
    }

    /// Prints the node, in parentheses if it binds less tightly than `min`.
    fn write(&self, f: &mut fmt::Formatter<'_>, min: u8) -> fmt::Result {
        let parens = self.prec() < min;
        if parens {
            f.write_str("(")?;
        }
        match &self.kind {
            Kind::Number(d) => write!(f, "{d}")?,
            Kind::Text(s) => write_text(f, s)?,
            Kind::Bool(b) => write!(f, "{b}")?,
            Kind::Null => f.write_str("null")?,
            Kind::Name(n) => f.write_str(n)?,
            Kind::Param(n) => write!(f, "${n}")?,
            Kind::Scope(0) => f.write_str("item")?,
            Kind::Scope(k) => {
                f.write_str("parent")?;
                for _ in 1..*k {
                    f.write_str(".parent")?;
                }
            }
            Kind::Unary(UnaryOp::Neg, x) => {
                f.write_str("-")?;
                x.write(f, prec::NEG)?;
            }
            Kind::Unary(UnaryOp::Not, x) => {
                f.write_str("not ")?;
                x.write(f, prec::NOT)?;
            }
            Kind::Binary(op, l, r) => {
                // Left-associative: the right operand binds tighter. Comparisons
                // do not chain, so both of their operands do.
                let p = op.prec();
                l.write(f, if op.is_comparison() { p + 1 } else { p })?;
                write!(f, " {} ", op.symbol())?;
                r.write(f, p + 1)?;
            }
            Kind::Member(base, name) => {
                base.write(f, prec::POSTFIX)?;
                write!(f, ".{name}")?;
            }
            Kind::Filter(base, cond) => {
                base.write(f, prec::POSTFIX)?;
                write!(f, "[{cond}]")?;
            }
            Kind::Call(name, args) => {
                write!(f, "{name}(")?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")?;
            }
            Kind::Error => f.write_str("?")?,
        }
        if parens {
            f.write_str(")")?;
        }
        Ok(())
    }
}

fn write_text(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Prints the expression with the fewest parentheses that keep its meaning.
impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parser::parse;
    use super::*;
    use proptest::prelude::*;

    fn node(kind: Kind) -> Node {
        Node { kind, span: (0, 0) }
    }

    fn reprint(src: &str) -> String {
        let parsed = parse(src);
        assert!(parsed.errors.is_empty(), "{src}: {:?}", parsed.errors);
        parsed.ast.to_string()
    }

    #[test]
    fn prints_with_only_the_needed_parentheses() {
        for (src, printed) in [
            ("a+b*c", "a + b * c"),
            ("(a+b)*c", "(a + b) * c"),
            ("a-(b-c)", "a - (b - c)"),
            ("(a-b)-c", "a - b - c"),
            ("not (a and b) or c", "not (a and b) or c"),
            ("(not a) == b", "(not a) == b"),
            ("not a == b", "not a == b"),
            ("-(a.b)", "-a.b"),
            ("(-a).b", "(-a).b"),
            ("(a == b) == c", "(a == b) == c"),
            ("rows[x>1 and (y<2)].z", "rows[x > 1 and y < 2].z"),
            ("parent . parent.x", "parent.parent.x"),
            ("if(a,'it\\'s',\"q\\\"\")", "if(a, \"it's\", \"q\\\"\")"),
            ("f()", "f()"),
            ("$rate * 0.150", "$rate * 0.150"),
        ] {
            assert_eq!(reprint(src), printed, "{src}");
        }
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![Just("a"), Just("total"), Just("rows"), Just("x_1")].prop_map(String::from)
    }

    fn leaf() -> impl Strategy<Value = Node> {
        prop_oneof![
            (0u64..1000, 0u32..4).prop_map(|(m, s)| node(Kind::Number(Decimal::new(m as i64, s)))),
            "[a-z'\"\\\\\n é]{0,6}".prop_map(|s| node(Kind::Text(s))),
            any::<bool>().prop_map(|b| node(Kind::Bool(b))),
            Just(node(Kind::Null)),
            name().prop_map(|n| node(Kind::Name(n))),
            name().prop_map(|n| node(Kind::Param(n))),
            (0usize..3).prop_map(|k| node(Kind::Scope(k))),
        ]
    }

    fn tree() -> impl Strategy<Value = Node> {
        use BinaryOp::*;
        let ops = [Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div];
        leaf().prop_recursive(5, 40, 3, move |inner| {
            let b = |n: Node| Box::new(n);
            prop_oneof![
                (inner.clone(), any::<bool>()).prop_map(move |(x, neg)| {
                    node(Kind::Unary(if neg { UnaryOp::Neg } else { UnaryOp::Not }, b(x)))
                }),
                (inner.clone(), inner.clone(), 0..ops.len())
                    .prop_map(move |(l, r, i)| node(Kind::Binary(ops[i], b(l), b(r)))),
                (inner.clone(), name())
                    // `parent.parent` is read as one scope, never as a member.
                    .prop_filter("scope", |(x, n)| {
                        !matches!(x.kind, Kind::Scope(1..)) || n != "parent"
                    })
                    .prop_map(move |(x, n)| node(Kind::Member(b(x), n))),
                (inner.clone(), inner.clone())
                    .prop_map(move |(l, c)| node(Kind::Filter(b(l), b(c)))),
                (name(), prop::collection::vec(inner, 0..3))
                    .prop_map(|(n, args)| node(Kind::Call(n, args))),
            ]
        })
    }

    proptest! {
        #[test]
        fn printing_then_parsing_gives_the_same_tree(ast in tree()) {
            let printed = ast.to_string();
            let parsed = parse(&printed);
            prop_assert!(parsed.errors.is_empty(), "{}: {:?}", printed, parsed.errors);
            prop_assert_eq!(parsed.ast, ast, "{}", printed);
        }
    }
}
