//! Source text → tokens with byte spans. Every lexical problem is reported
//! (a bad character does not hide a bad string later on); each leaves a
//! [`Tok::Bad`] behind so the parser stops there without a second message.

use super::error::{ExprError, Span};
use rust_decimal::Decimal;

/// The longest expression accepted, in bytes.
pub const MAX_SOURCE_LEN: usize = 10_000;

/// A token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Number(Decimal),
    Str(String),
    Ident(String),
    /// `$name` (the name without `$`).
    Param(String),
    And,
    Or,
    Not,
    True,
    False,
    Null,
    Item,
    Parent,
    EqEq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    /// A lexical error, already reported.
    Bad,
    Eof,
}

/// The reserved words, which cannot be bare field names (`item.and` still
/// reads a field called `and`).
pub(crate) const KEYWORDS: &[(&str, Tok)] = &[
    ("and", Tok::And),
    ("or", Tok::Or),
    ("not", Tok::Not),
    ("true", Tok::True),
    ("false", Tok::False),
    ("null", Tok::Null),
    ("item", Tok::Item),
    ("parent", Tok::Parent),
];

impl Tok {
    /// The word, for an identifier or a keyword (used after `.`).
    pub(crate) fn word(&self) -> Option<&str> {
        match self {
            Tok::Ident(s) => Some(s),
            _ => KEYWORDS.iter().find(|(_, t)| t == self).map(|(w, _)| *w),
        }
    }

    /// How the token is named in a syntax error.
    pub(crate) fn describe(&self) -> String {
        let fixed = match self {
            Tok::Number(d) => return format!("number `{d}`"),
            Tok::Str(_) => "a text",
            Tok::Ident(s) => return format!("`{s}`"),
            Tok::Param(s) => return format!("`${s}`"),
            Tok::EqEq => "`==`",
            Tok::NotEq => "`!=`",
            Tok::Lt => "`<`",
            Tok::Le => "`<=`",
            Tok::Gt => "`>`",
            Tok::Ge => "`>=`",
            Tok::Plus => "`+`",
            Tok::Minus => "`-`",
            Tok::Star => "`*`",
            Tok::Slash => "`/`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::LBracket => "`[`",
            Tok::RBracket => "`]`",
            Tok::Comma => "`,`",
            Tok::Dot => "`.`",
            Tok::Bad => "an invalid token",
            Tok::Eof => "end of expression",
            keyword => return format!("`{}`", keyword.word().unwrap_or_default()),
        };
        fixed.into()
    }
}

/// A token and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Splits `src` into tokens ending with [`Tok::Eof`], and reports every
/// lexical error.
pub(crate) fn lex(src: &str) -> (Vec<Token>, Vec<ExprError>) {
    let mut lexer = Lexer { src, pos: 0, tokens: Vec::new(), errors: Vec::new() };
    if src.len() > MAX_SOURCE_LEN {
        let detail = format!("the expression is longer than {MAX_SOURCE_LEN} bytes");
        lexer.errors.push(ExprError::syntax((0, src.len()), detail));
        lexer.push(Tok::Bad, 0);
    } else {
        lexer.run();
    }
    lexer.tokens.push(Token { tok: Tok::Eof, span: (src.len(), src.len()) });
    (lexer.tokens, lexer.errors)
}

struct Lexer<'s> {
    src: &'s str,
    pos: usize,
    tokens: Vec<Token>,
    errors: Vec<ExprError>,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.tokens.push(Token { tok, span: (start, self.pos) });
    }

    fn bad(&mut self, start: usize, detail: String) {
        self.errors.push(ExprError::syntax((start, self.pos), detail));
        self.push(Tok::Bad, start);
    }

    /// Consumes `c` if it comes next.
    fn eat(&mut self, c: char) -> bool {
        let next = self.peek() == Some(c);
        if next {
            self.pos += c.len_utf8();
        }
        next
    }

    fn word(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(is_word_char) {
            self.pos += 1;
        }
        &self.src[start..self.pos]
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let start = self.pos;
            if c.is_whitespace() {
                self.pos += c.len_utf8();
                continue;
            }
            if c.is_ascii_digit() {
                self.number(start);
            } else if c == '"' || c == '\'' {
                self.string(start, c);
            } else if c.is_ascii_alphabetic() || c == '_' {
                let word = self.word();
                let tok = KEYWORDS
                    .iter()
                    .find(|(w, _)| *w == word)
                    .map_or_else(|| Tok::Ident(word.to_owned()), |(_, t)| t.clone());
                self.push(tok, start);
            } else if c == '$' {
                self.pos += 1;
                let name = self.word();
                if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                    let tok = Tok::Param(name.to_owned());
                    self.push(tok, start);
                } else {
                    self.bad(start, "`$` must be followed by a parameter name".into());
                }
            } else {
                self.pos += c.len_utf8();
                self.operator(c, start);
            }
        }
    }

    fn operator(&mut self, c: char, start: usize) {
        let tok = match c {
            '=' if self.eat('=') => Tok::EqEq,
            '!' if self.eat('=') => Tok::NotEq,
            '<' if self.eat('=') => Tok::Le,
            '>' if self.eat('=') => Tok::Ge,
            '<' => Tok::Lt,
            '>' => Tok::Gt,
            '+' => Tok::Plus,
            '-' => Tok::Minus,
            '*' => Tok::Star,
            '/' => Tok::Slash,
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            '[' => Tok::LBracket,
            ']' => Tok::RBracket,
            ',' => Tok::Comma,
            '.' => Tok::Dot,
            '=' => return self.bad(start, "use `==` to compare".into()),
            '!' => return self.bad(start, "use `not` to negate".into()),
            '&' | '|' => {
                self.eat(c);
                let word = if c == '&' { "and" } else { "or" };
                return self.bad(start, format!("use `{word}`"));
            }
            other => return self.bad(start, format!("unexpected character `{other}`")),
        };
        self.push(tok, start);
    }

    /// Digits with an optional fraction (`12`, `12.50`); no sign, no exponent.
    fn number(&mut self, start: usize) {
        let digits = |l: &mut Self| {
            while l.peek().is_some_and(|c| c.is_ascii_digit()) {
                l.pos += 1;
            }
        };
        digits(self);
        let rest = &self.src.as_bytes()[self.pos..];
        if rest.len() >= 2 && rest[0] == b'.' && rest[1].is_ascii_digit() {
            self.pos += 1;
            digits(self);
        }
        let text = &self.src[start..self.pos];
        match crate::number::parse_plain(text, false) {
            Some(d) => self.push(Tok::Number(d), start),
            None => {
                let detail = format!("the number {text} has more digits than fit (28 at most)");
                self.bad(start, detail);
            }
        }
    }

    /// A quoted text with the escapes `\\`, `\"`, `\'` and `\n`.
    fn string(&mut self, start: usize, quote: char) {
        self.pos += 1;
        let mut text = String::new();
        let mut bad_escape = false;
        loop {
            let Some(c) = self.peek() else {
                return self.bad(start, "this text has no closing quote".into());
            };
            let at = self.pos;
            self.pos += c.len_utf8();
            match c {
                c if c == quote => break,
                '\\' => match self.peek() {
                    Some(e @ ('\\' | '"' | '\'' | 'n')) => {
                        self.pos += 1;
                        text.push(if e == 'n' { '\n' } else { e });
                    }
                    other => {
                        self.pos += other.map_or(0, char::len_utf8);
                        let detail = "unknown escape: use \\\\, \\\", \\' or \\n";
                        self.errors.push(ExprError::syntax((at, self.pos), detail));
                        bad_escape = true;
                    }
                },
                c => text.push(c),
            }
        }
        self.push(if bad_escape { Tok::Bad } else { Tok::Str(text) }, start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn toks(src: &str) -> Vec<Tok> {
        let (tokens, errors) = lex(src);
        assert!(errors.is_empty(), "{errors:?}");
        tokens.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn tokens_and_spans() {
        let (tokens, _) = lex("sum(rows.rowSum) >= 12.50");
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        assert_eq!(
            spans,
            [(0, 3), (3, 4), (4, 8), (8, 9), (9, 15), (15, 16), (17, 19), (20, 25), (25, 25)]
        );
        assert_eq!(tokens[7].tok, Tok::Number(Decimal::from_str("12.50").unwrap()));
        assert_eq!(
            toks("not item.x != $rate and parent or null"),
            [
                Tok::Not,
                Tok::Item,
                Tok::Dot,
                Tok::Ident("x".into()),
                Tok::NotEq,
                Tok::Param("rate".into()),
                Tok::And,
                Tok::Parent,
                Tok::Or,
                Tok::Null,
                Tok::Eof
            ]
        );
        assert_eq!(
            toks("1.x"),
            [Tok::Number(Decimal::ONE), Tok::Dot, Tok::Ident("x".into()), Tok::Eof]
        );
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            toks(r#""a\"b\\c\nd" 'it\'s'"#)[..2],
            [Tok::Str("a\"b\\c\nd".into()), Tok::Str("it's".into())]
        );
        assert_eq!(toks("'é😀'")[0], Tok::Str("é😀".into()));
    }

    #[test]
    fn every_lexical_error_is_reported() {
        let (tokens, errors) = lex("a # 'x\\q' = b && 99999999999999999999999999999 $ \"open");
        let spans: Vec<Span> = errors.iter().map(|e| e.span).collect();
        assert_eq!(spans, [(2, 3), (6, 8), (10, 11), (14, 16), (17, 46), (47, 48), (49, 54)]);
        assert_eq!(tokens.iter().filter(|t| t.tok == Tok::Bad).count(), 7);
        let (_, errors) = lex(&"1".repeat(MAX_SOURCE_LEN + 1));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].span, (0, MAX_SOURCE_LEN + 1));
    }
}
