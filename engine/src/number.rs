//! Exact decimal numbers read from JSON values and from what a user typed.
//!
//! The workspace enables serde_json's `arbitrary_precision`, so a JSON number
//! keeps its literal text and is converted to [`Decimal`] without passing
//! through `f64`: `0.1` is exactly one tenth and `1.005` keeps its three
//! decimals (and is then rejected, not rounded, by a two-decimal field).

use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// Parses decimal text (`12`, `-3.50`, `1e3`) exactly. Returns `None` for
/// anything else, including numbers beyond `Decimal`'s 28 significant digits.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let plain = t
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    if plain {
        // `from_str_exact` refuses to round away digits it cannot hold.
        Decimal::from_str_exact(t).ok()
    } else if t.bytes().any(|b| b == b'e' || b == b'E') && !t.contains(['_', ' ']) {
        Decimal::from_scientific(t).ok()
    } else {
        None
    }
}

/// The exact decimal value of a JSON number, or of a string holding one.
pub fn decimal_of(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => parse_decimal(&n.to_string()),
        Value::String(s) => parse_decimal(s),
        _ => None,
    }
}

/// A JSON number holding exactly `d` (its literal text is kept).
pub fn json_number(d: Decimal) -> Value {
    // With `arbitrary_precision` a Number parsed from text keeps that text.
    serde_json::Number::from_str(&d.to_string()).map(Value::Number).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_numbers_keep_their_exact_decimals() {
        let v: Value = serde_json::from_str("1.005").unwrap();
        assert_eq!(decimal_of(&v).unwrap().scale(), 3);
        assert_eq!(decimal_of(&json!("12.50")).unwrap().to_string(), "12.50");
        let tiny: Value = serde_json::from_str("0.1").unwrap();
        assert_eq!(decimal_of(&tiny).unwrap() * Decimal::TEN, Decimal::ONE);
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for bad in ["", " ", "abc", "1,5", "1.2.3", "--1", "NaN", "1e999", "1_000"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
        let huge = "9".repeat(40);
        assert_eq!(parse_decimal(&huge), None);
        assert_eq!(parse_decimal("1e3"), Some(Decimal::from(1000)));
        assert_eq!(parse_decimal(" -7 "), Some(Decimal::from(-7)));
    }

    #[test]
    fn json_number_round_trips() {
        let d = Decimal::from_str("999999999.99").unwrap();
        assert_eq!(decimal_of(&json_number(d)), Some(d));
    }
}
