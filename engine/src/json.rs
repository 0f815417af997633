//! JSON text → `serde_json::Value`: a small strict parser (RFC 8259).
//!
//! The engine reads templates, configurations and data documents from
//! `serde_json::Value`, but parsing text through serde's `Deserialize`
//! machinery links serde_json's deserializer, visitors and error formatting
//! (with a float formatter and `std::io` error texts) into the widget: about
//! 5 KB gzip of wasm (docs/decisions.md, "Size, measured"). This parser
//! builds the same `Value` in ~200 lines. Numbers keep their literal text
//! (serde_json's `arbitrary_precision`, through `Number`'s `FromStr`), so
//! nothing passes through `f64`; a later duplicate key replaces an earlier
//! one; nesting deeper than 128 is refused, as serde_json does. A unit test
//! compares it with serde_json on valid and invalid documents.

use serde_json::{Map, Number, Value};
use std::fmt;

mod write;
pub use write::{write, write_into, write_str};

/// A syntax error: where (1-based line and column, in bytes) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// The line of the error.
    pub line: usize,
    /// The column of the error on its line.
    pub column: usize,
    /// What is wrong, in serde_json's words where it has them.
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

/// A `Number` holding `literal`, which the caller has checked against
/// RFC 8259's number grammar. `Number::from_str` would check it again
/// through serde_json's deserializer, which links that deserializer, its
/// error texts and a float formatter into the wasm (~4 KB); with
/// `arbitrary_precision` a `Number` is its literal text, which
/// `from_string_unchecked` stores as is. That function is hidden in
/// serde_json's docs ("only tests use this"): Cargo.lock pins the version,
/// and the tests compare this parser's numbers with serde_json's.
/// The text is serde_json's: the exponent as `e` with its sign (`1E2` is
/// kept as `1e+2`).
pub(crate) fn number_from_literal(literal: &str) -> Number {
    let text = match literal.find(['e', 'E']) {
        None => literal.to_owned(),
        Some(at) => {
            let (mantissa, exponent) = (&literal[..at], &literal[at + 1..]);
            let sign = if exponent.starts_with(['+', '-']) { "" } else { "+" };
            format!("{mantissa}e{sign}{exponent}")
        }
    };
    Number::from_string_unchecked(text)
}

/// Nesting deeper than this is refused (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// Parses one JSON value; only whitespace may surround it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser { text, at: 0, depth: 0 };
    p.space();
    let value = p.value()?;
    p.space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

type Parsed<T> = Result<T, JsonError>;

impl Parser<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// An error at the current byte (the one just read, when `back`).
    fn error_at(&self, at: usize, message: &'static str) -> JsonError {
        let before = &self.text.as_bytes()[..at.min(self.text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = at - line_start + usize::from(at < self.text.len());
        JsonError { line, column, message }
    }

    fn error(&self, message: &'static str) -> JsonError {
        self.error_at(self.at, message)
    }

    /// What a missing or wrong byte means: end of text, else `message`.
    fn unexpected(&self, eof: &'static str, message: &'static str) -> JsonError {
        self.error(if self.at >= self.text.len() { eof } else { message })
    }

    fn value(&mut self) -> Parsed<Value> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Value::String)
            }
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Parsed<Value> {
        for &want in word.as_bytes() {
            match self.next() {
                Some(b) if b == want => {}
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => return Err(self.error_at(self.at - 1, "expected ident")),
            }
        }
        Ok(value)
    }

    /// Enters an array or object (past its opening byte).
    fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1;
        self.space();
        Ok(())
    }

    fn array(&mut self) -> Parsed<Value> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() != Some(b']') {
            loop {
                items.push(self.value()?);
                self.space();
                match self.peek() {
                    Some(b',') => self.after_comma(b']')?,
                    Some(b']') => break,
                    _ => {
                        return Err(
                            self.unexpected("EOF while parsing a list", "expected `,` or `]`")
                        );
                    }
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Parsed<Value> {
        self.enter()?;
        let mut map = Map::new();
        if self.peek() != Some(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(
                        self.unexpected("EOF while parsing an object", "key must be a string")
                    );
                }
                self.at += 1;
                let key = self.string()?;
                self.space();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected("EOF while parsing an object", "expected `:`"));
                }
                self.at += 1;
                self.space();
                let value = self.value()?;
                map.insert(key, value);
                self.space();
                match self.peek() {
                    Some(b',') => self.after_comma(b'}')?,
                    Some(b'}') => break,
                    _ => {
                        return Err(
                            self.unexpected("EOF while parsing an object", "expected `,` or `}`")
                        );
                    }
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(Value::Object(map))
    }

    /// Past a `,`: another element must follow, not the closing `close`.
    fn after_comma(&mut self, close: u8) -> Parsed<()> {
        self.at += 1;
        self.space();
        if self.peek() == Some(close) { Err(self.error("trailing comma")) } else { Ok(()) }
    }

    /// A string's contents, past its opening quote.
    fn string(&mut self) -> Parsed<String> {
        let mut out = String::new();
        loop {
            // The plain run up to the next quote, backslash or control
            // character: one tight scan (the run is cut only at ASCII
            // bytes, so it is whole UTF-8).
            let rest = &self.text.as_bytes()[self.at..];
            let len = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(len) = len else {
                self.at = self.text.len();
                return Err(self.error("EOF while parsing a string"));
            };
            out.push_str(&self.text[self.at..self.at + len]);
            self.at += len;
            match self.next() {
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                _ => {
                    return Err(self.error_at(
                        self.at - 1,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
            }
        }
    }

    /// One escape, past its backslash.
    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let c = match self.next() {
            None => return Err(self.error("EOF while parsing a string")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode()?,
            Some(_) => return Err(self.error_at(self.at - 1, "invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    /// A `\u` escape (past the `u`), with the second half of a surrogate pair.
    fn unicode(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = match self.next() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16),
            };
            n = n * 16 + digit.ok_or_else(|| self.error_at(self.at - 1, "invalid escape"))?;
        }
        Ok(n)
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    fn number(&mut self) -> Parsed<Value> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next() {
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error_at(self.at - 1, "invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.some_digits()?;
        }
        let literal = &self.text[start..self.at];
        // A plain integer is written back the same by `Number::from`
        // (the grammar allows no leading zeros; `-0` keeps its sign only
        // through the literal): no second parse.
        if let Ok(n) = literal.parse::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        if literal != "-0"
            && let Ok(n) = literal.parse::<i64>()
        {
            return Ok(Value::Number(n.into()));
        }
        Ok(Value::Number(number_from_literal(literal)))
    }

    #[inline(always)]
    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    /// At least one digit.
    fn some_digits(&mut self) -> Parsed<()> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error("EOF while parsing a value")),
            Some(_) => Err(self.error("invalid number")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents both parsers must accept, giving the same value.
    const VALID: &[&str] = &[
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "1.005",
        "12.50",
        "-3e+5",
        "-42",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1E-2",
        "123456789012345678901234567890.123456789",
        r#""""#,
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u00e9\u20AC \ud83d\ude00 é€😀""#,
        "[]",
        "[ 1 , [2, [3]], {} ]",
        r#"{"a": 1, "b": [true, null], "a": "again"}"#,
        "\n\t{ \"k\" : { \"x\" : -1.5e3 } }\r\n",
    ];

    /// Documents both must refuse.
    const INVALID: &[&str] = &[
        "",
        "   ",
        "nul",
        "truth",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "[1,]",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\":1",
        "[",
        "\"abc",
        "\"a\u{1}b\"",
        r#""\x""#,
        r#""\u12""#,
        r#""\ud83d""#,
        r#""\ude00""#,
        "{} {}",
        "\u{feff}{}",
        "NaN",
    ];

    #[test]
    fn agrees_with_serde_json() {
        for doc in VALID {
            let theirs: Value = serde_json::from_str(doc).unwrap();
            assert_eq!(parse(doc), Ok(theirs.clone()), "{doc}");
            // Numbers keep their literal text, as serde_json's do here.
            assert_eq!(parse(doc).unwrap().to_string(), theirs.to_string(), "{doc}");
        }
        for doc in INVALID {
            assert!(serde_json::from_str::<Value>(doc).is_err(), "serde_json accepts {doc:?}");
            assert!(parse(doc).is_err(), "accepted {doc:?}");
        }
    }

    #[test]
    fn round_trips_what_serde_json_writes() {
        let doc = serde_json::json!({
            "text": "line\nbreak \u{7f} \"quoted\" \\ é 😀 \u{1}",
            "list": [1, -2.25, "1e400", null, false, [[]], {"nested": {"deep": [0]}}],
        });
        for text in
            [serde_json::to_string(&doc).unwrap(), serde_json::to_string_pretty(&doc).unwrap()]
        {
            assert_eq!(parse(&text), Ok(doc.clone()));
        }
    }

    #[test]
    fn errors_name_line_column_and_cause() {
        let e = parse("{\n  \"id\": ").unwrap_err();
        assert_eq!((e.line, e.column, e.message), (2, 8, "EOF while parsing a value"));
        let e = parse("[1,\n 2 x]").unwrap_err();
        assert_eq!((e.line, e.column, e.message), (2, 4, "expected `,` or `]`"));
        assert_eq!(e.to_string(), "expected `,` or `]` at line 2 column 4");
        assert_eq!(parse("[1,]").unwrap_err().message, "trailing comma");
        assert_eq!(parse("{\"a\":1} x").unwrap_err().message, "trailing characters");
    }

    #[test]
    fn nesting_is_bounded_not_a_stack_overflow() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(parse(&deep(MAX_DEPTH + 1)).unwrap_err().message, "recursion limit exceeded");
        assert!(parse(&"[".repeat(100_000)).is_err());
    }
}
