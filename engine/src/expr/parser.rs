//! Tokens → syntax tree, by precedence climbing (a Pratt parser).
//!
//! The parser stops at its first syntax error (marking the rest of the tree
//! [`Kind::Error`]), because what follows a syntax error rarely means what
//! its author intended; lexical errors are all reported, and the checker
//! still reports name and type errors in the part that did parse. Nesting is
//! limited to [`MAX_DEPTH`] levels so no input can exhaust the stack of the
//! parser, the checker or the evaluator.

use super::ast::{BinaryOp, Kind, Node, UnaryOp, prec};
use super::error::{ExprError, Span};
use super::lexer::{Tok, Token, lex};

/// The deepest nesting accepted: each operator, parenthesis, call argument
/// and filter condition is a level.
pub const MAX_DEPTH: usize = 64;

/// The parser's result: a tree (with [`Kind::Error`] where it stopped) and the
/// lexical and syntax errors.
pub(crate) struct Parsed {
    pub ast: Node,
    pub errors: Vec<ExprError>,
    /// Whether the tree is cut short by a syntax error, so that the checker
    /// should not report, say, a call's missing arguments.
    pub partial: bool,
}

pub(crate) fn parse(src: &str) -> Parsed {
    let (tokens, errors) = lex(src);
    let mut p = Parser { tokens, pos: 0, depth: 0, halted: false, errors };
    let ast = if p.peek() == &Tok::Eof {
        p.fail("the expression is empty")
    } else {
        let ast = p.expr(0);
        if p.peek() != &Tok::Eof {
            let found = p.peek().describe();
            p.fail(&format!("unexpected {found}"));
        }
        ast
    };
    Parsed { ast, partial: p.halted, errors: p.errors }
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    halted: bool,
    errors: Vec<ExprError>,
}

fn binary(tok: &Tok) -> Option<BinaryOp> {
    Some(match tok {
        Tok::Or => BinaryOp::Or,
        Tok::And => BinaryOp::And,
        Tok::EqEq => BinaryOp::Eq,
        Tok::NotEq => BinaryOp::Ne,
        Tok::Lt => BinaryOp::Lt,
        Tok::Le => BinaryOp::Le,
        Tok::Gt => BinaryOp::Gt,
        Tok::Ge => BinaryOp::Ge,
        Tok::Plus => BinaryOp::Add,
        Tok::Minus => BinaryOp::Sub,
        Tok::Star => BinaryOp::Mul,
        Tok::Slash => BinaryOp::Div,
        _ => return None,
    })
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].tok
    }

    fn peek_at(&self, ahead: usize) -> &Tok {
        let last = self.tokens.len() - 1;
        &self.tokens[(self.pos + ahead).min(last)].tok
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    /// Takes the next token (the final `Eof` stays in place).
    fn bump(&mut self) -> Token {
        let token = self.tokens[self.pos].clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        token
    }

    /// Reports a syntax error at the next token (unless one was reported,
    /// or it is a lexical error already reported) and stops parsing.
    fn fail(&mut self, detail: &str) -> Node {
        let span = self.span();
        if !self.halted && self.peek() != &Tok::Bad {
            self.errors.push(ExprError::syntax(span, detail));
        }
        self.halted = true;
        self.pos = self.tokens.len() - 1;
        Node { kind: Kind::Error, span }
    }

    /// One more level of nesting; `false` (and a reported error) past the limit.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.fail(&format!("the expression is nested more than {MAX_DEPTH} levels deep"));
        }
        !self.halted
    }

    fn expect(&mut self, tok: Tok) -> usize {
        if self.peek() == &tok {
            return self.bump().span.1;
        }
        let detail = format!("expected {}, found {}", tok.describe(), self.peek().describe());
        self.fail(&detail).span.0
    }

    /// An expression whose operators all bind at least as tightly as `min`.
    fn expr(&mut self, min: u8) -> Node {
        let saved = self.depth;
        if !self.enter() {
            return Node { kind: Kind::Error, span: self.span() };
        }
        let mut lhs = self.prefix();
        let mut chained_comparison = false;
        while !self.halted {
            let start = lhs.span.0;
            let kind = match self.peek() {
                Tok::Dot => {
                    self.bump();
                    let Some(name) = self.peek().word().map(str::to_owned) else {
                        let found = self.peek().describe();
                        self.fail(&format!("expected a field name after `.`, found {found}"));
                        break;
                    };
                    self.bump();
                    Kind::Member(Box::new(lhs), name)
                }
                Tok::LBracket => {
                    self.bump();
                    let cond = self.expr(0);
                    self.expect(Tok::RBracket);
                    Kind::Filter(Box::new(lhs), Box::new(cond))
                }
                tok => match binary(tok) {
                    Some(op) if op.prec() >= min => {
                        if op.is_comparison() && chained_comparison {
                            self.fail("comparisons do not chain: join them with `and`");
                            break;
                        }
                        chained_comparison = op.is_comparison();
                        self.bump();
                        let rhs = self.expr(op.prec() + 1);
                        Kind::Binary(op, Box::new(lhs), Box::new(rhs))
                    }
                    _ => break,
                },
            };
            let end = self.tokens[self.pos.saturating_sub(1)].span.1;
            lhs = Node { kind, span: (start, end) };
            if !self.enter() {
                break;
            }
        }
        self.depth = saved;
        lhs
    }

    /// A value, possibly behind prefix operators.
    fn prefix(&mut self) -> Node {
        let Token { tok, span } = self.bump();
        let kind = match tok {
            Tok::Number(d) => Kind::Number(d),
            Tok::Str(s) => Kind::Text(s),
            Tok::True => Kind::Bool(true),
            Tok::False => Kind::Bool(false),
            Tok::Null => Kind::Null,
            Tok::Param(name) => Kind::Param(name),
            Tok::Item => Kind::Scope(0),
            Tok::Parent => {
                let mut levels = 1;
                let mut end = span.1;
                while self.peek() == &Tok::Dot && self.peek_at(1) == &Tok::Parent {
                    self.bump();
                    end = self.bump().span.1;
                    levels += 1;
                }
                return Node { kind: Kind::Scope(levels), span: (span.0, end) };
            }
            Tok::Ident(name) if self.peek() == &Tok::LParen => return self.call(name, span.0),
            Tok::Ident(name) => Kind::Name(name),
            Tok::LParen => {
                let inner = self.expr(0);
                let end = self.expect(Tok::RParen);
                return Node { span: (span.0, end), ..inner };
            }
            Tok::Minus | Tok::Not => {
                let (op, min) = if tok == Tok::Minus {
                    (UnaryOp::Neg, prec::NEG)
                } else {
                    (UnaryOp::Not, prec::NOT)
                };
                let operand = self.expr(min);
                let end = operand.span.1;
                return Node { kind: Kind::Unary(op, Box::new(operand)), span: (span.0, end) };
            }
            other => {
                self.pos -= usize::from(other != Tok::Eof);
                return self.fail(&format!("expected a value, found {}", other.describe()));
            }
        };
        Node { kind, span }
    }

    /// `name(arg, …)`, after the name.
    fn call(&mut self, name: String, start: usize) -> Node {
        self.bump();
        let mut args = Vec::new();
        if self.peek() != &Tok::RParen {
            while !self.halted {
                args.push(self.expr(0));
                match self.peek() {
                    Tok::Comma => {
                        self.bump();
                    }
                    Tok::RParen => break,
                    other => {
                        let found = other.describe();
                        self.fail(&format!(
                            "expected `,` or `)` in the call of {name}, found {found}"
                        ));
                    }
                }
            }
        }
        let end = self.expect(Tok::RParen);
        Node { kind: Kind::Call(name, args), span: (start, end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn errors(src: &str) -> Vec<(Span, String)> {
        parse(src)
            .errors
            .into_iter()
            .map(|e| match e.kind {
                super::super::ExprErrorKind::Syntax(s) => (e.span, s),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn precedence_and_spans() {
        let p = parse("a + b * -c.d >= 2 and not x or y");
        assert!(p.errors.is_empty());
        assert_eq!(p.ast.to_string(), "a + b * -c.d >= 2 and not x or y");
        let Kind::Binary(BinaryOp::Or, lhs, _) = &p.ast.kind else { panic!("{:?}", p.ast) };
        assert_eq!(lhs.span, (0, 27));
        let p = parse("sum( rows[x > 1] . y )");
        assert_eq!(p.ast.span, (0, 22));
        let Kind::Call(_, args) = &p.ast.kind else { panic!() };
        assert_eq!(args[0].span, (5, 20));
        assert_eq!(parse("(a + b)").ast.span, (0, 7));
        assert_eq!(parse("parent.parent.x").ast.to_string(), "parent.parent.x");
        assert_eq!(
            parse("item.parent").ast.kind,
            Kind::Member(Box::new(Node { kind: Kind::Scope(0), span: (0, 0) }), "parent".into())
        );
    }

    #[test]
    fn syntax_errors_name_what_was_expected() {
        let cases: &[(&str, Span, &str)] = &[
            ("", (0, 0), "the expression is empty"),
            ("a +", (3, 3), "expected a value, found end of expression"),
            ("f(a b)", (4, 5), "expected `,` or `)` in the call of f, found `b`"),
            ("(a", (2, 2), "expected `)`, found end of expression"),
            ("a < b < c", (6, 7), "comparisons do not chain: join them with `and`"),
            ("a b", (2, 3), "unexpected `b`"),
            ("x.(", (2, 3), "expected a field name after `.`, found `(`"),
            ("rows[a", (6, 6), "expected `]`, found end of expression"),
            ("f(,)", (2, 3), "expected a value, found `,`"),
        ];
        for (src, span, detail) in cases {
            assert_eq!(errors(src), [(*span, detail.to_string())], "{src}");
        }
        // A lexical error is reported once; the parser stops there silently.
        assert_eq!(errors("a + # + b").len(), 1);
        assert!(parse("f(a").partial);
        assert!(!parse("f(a)").partial);
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}1{}", "(".repeat(30), ")".repeat(30));
        assert!(parse(&ok).errors.is_empty());
        for deep in [
            format!("{}1{}", "(".repeat(4000), ")".repeat(4000)),
            "-".repeat(9000) + "1",
            "not ".repeat(2000) + "x",
            "1".to_owned() + &"+1".repeat(4000),
            "f(".repeat(3000),
            "a".to_owned() + &"[b".repeat(3000),
        ] {
            let e = errors(&deep);
            assert_eq!(e.len(), 1, "{e:?}");
            assert!(e[0].1.contains("nested more than 64"), "{e:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_parses_or_fails_without_panicking(src in "\\PC{0,60}") {
            let _ = parse(&src);
        }

        #[test]
        fn token_soup_parses_or_fails_without_panicking(
            parts in prop::collection::vec(prop_oneof![
                Just("("), Just(")"), Just("["), Just("]"), Just(","), Just("."), Just("-"),
                Just("not "), Just(" and "), Just(" or "), Just("=="), Just("<"), Just("+"),
                Just("*"), Just("/"), Just("x"), Just("12.5"), Just("'t'"), Just("$p"),
                Just("item"), Just("parent"), Just("sum"), Just("null"), Just("\""),
            ], 0..40)
        ) {
            let src = parts.concat();
            let p = parse(&src);
            // Errors and the tree's spans stay inside the source.
            for e in &p.errors {
                prop_assert!(e.span.0 <= e.span.1 && e.span.1 <= src.len());
            }
            prop_assert!(p.ast.span.1 <= src.len());
            prop_assert_eq!(p.partial, !p.errors.is_empty());
        }
    }
}
