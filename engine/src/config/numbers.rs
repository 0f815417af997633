//! Checked numbers in a configuration: JSON numbers only (no strings), read
//! exactly, within a range and with at most a number of decimals.

use crate::issue::Issue;
use crate::number::decimal_of;
use crate::template::read::Doc;
use rust_decimal::Decimal;
use serde_json::Value;

/// An inclusive range `min..=max` of numbers with at most `scale` decimals;
/// the bounds are written in units of the last decimal (`min: 1, scale: 2`
/// is 0.01).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range {
    pub min: i64,
    pub max: i64,
    pub scale: u32,
}

impl Range {
    fn bounds(self) -> (Decimal, Decimal) {
        (Decimal::new(self.min, self.scale), Decimal::new(self.max, self.scale))
    }

    fn expected(self) -> String {
        let (min, max) = self.bounds();
        match self.scale {
            0 => format!("a whole number from {min} to {max}"),
            s => format!("a number from {min} to {max} with at most {s} decimals"),
        }
    }
}

/// Reads `v` (at pointer `at`) as a number in `range`; reports a wrong type
/// or a value out of range (too many decimals count as out of range).
pub(crate) fn number(v: &Value, at: &str, range: Range, p: &mut Vec<Issue>) -> Option<Decimal> {
    let d = exact(v, at, p)?;
    let (min, max) = range.bounds();
    if d < min || d > max || d.normalize().scale() > range.scale {
        p.push(Doc::Config.out_of_range(at, &range.expected()).with("value", d.to_string()));
        return None;
    }
    Some(d)
}

/// Reads `v` (at pointer `at`) as an exact JSON number; reports any other type.
pub(crate) fn exact(v: &Value, at: &str, p: &mut Vec<Issue>) -> Option<Decimal> {
    let d = match v {
        Value::Number(_) => decimal_of(v),
        _ => None,
    };
    if d.is_none() {
        p.push(Doc::Config.wrong_type(at, "number"));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, range: Range) -> (Option<String>, Vec<String>) {
        let v: Value = serde_json::from_str(json).unwrap();
        let mut p = Vec::new();
        let d = number(&v, "/x", range, &mut p);
        (d.map(|d| d.to_string()), p.iter().map(|i| i.message()).collect())
    }

    #[test]
    fn exact_range_and_scale() {
        let percent = Range { min: 100, max: 10_000, scale: 2 };
        assert_eq!(check("80.50", percent).0.as_deref(), Some("80.50"));
        assert_eq!(check("100", percent).0.as_deref(), Some("100"));
        assert_eq!(check("80.500", percent).0.as_deref(), Some("80.500"));
        for bad in ["0.99", "100.01", "80.125", "-5"] {
            let (d, p) = check(bad, percent);
            assert_eq!(d, None, "{bad}");
            assert_eq!(
                p,
                ["Out of range: expected a number from 1.00 to 100.00 with at most 2 decimals."]
            );
        }
        let whole = Range { min: 1, max: 100, scale: 0 };
        assert_eq!(check("20.0", whole).0.as_deref(), Some("20.0"));
        assert_eq!(
            check("20.5", whole).1,
            ["Out of range: expected a whole number from 1 to 100."]
        );
        assert_eq!(check("\"20\"", whole).1, ["Expected number here."]);
    }
}
