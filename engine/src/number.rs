//! Exact decimal numbers read from JSON values and from what a user typed.
//!
//! The workspace enables serde_json's `arbitrary_precision`, so a JSON number
//! keeps its literal text and is converted to [`Decimal`] without passing
//! through `f64`: `0.1` is exactly one tenth and `1.005` keeps its three
//! decimals (and is then rejected, not rounded, by a two-decimal field).

use rust_decimal::Decimal;
use serde_json::Value;

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
        // Like `from_str_exact`: refuses to round away digits it cannot hold.
        parse_plain(t, false)
    } else if t.bytes().any(|b| b == b'e' || b == b'E') && !t.contains(['_', ' ']) {
        from_scientific(t)
    } else {
        None
    }
}

/// `Decimal::from_str_exact` (`round == false`) or `Decimal::from_str`
/// (`round == true`) for text without `_` separators, with the same results
/// (the tests compare them). Our own, because rust_decimal's parser is
/// instantiated for every combination of its const parameters: ~9 KB of wasm
/// code (docs/decisions.md, "Size, measured").
pub(crate) fn parse_plain(text: &str, round: bool) -> Option<Decimal> {
    const OVERFLOW: u128 = 1 << 96;
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (mut data, mut scale, mut point, mut has) = (0u128, 0u32, false, false);
    let mut i = 0;
    while let Some(&b) = digits.get(i) {
        i += 1;
        if b == b'.' && !point {
            point = true;
            continue;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        has = true;
        let next = data * 10 + u128::from(b - b'0');
        if next >= OVERFLOW {
            // Too many digits: an integer part cannot be rounded.
            return if point && round {
                round_at(data, b, &digits[i..], scale, negative)
            } else {
                None
            };
        }
        data = next;
        scale += u32::from(point);
        if point
            && scale >= 28
            && let Some(&after) = digits.get(i)
        {
            // More than 28 decimals: rounded by the next digit, or refused.
            return if round {
                round_at(data, after, &digits[i + 1..], scale, negative)
            } else {
                None
            };
        }
    }
    has.then(|| parts(data, negative, scale))
}

/// rust_decimal's `maybe_round`: rounds `data` half up by the one digit
/// `next` (after a decimal point); the rest must be digits.
fn round_at(
    mut data: u128,
    next: u8,
    rest: &[u8],
    mut scale: u32,
    negative: bool,
) -> Option<Decimal> {
    if !next.is_ascii_digit() || !rest.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if next >= b'5' {
        data += 1;
        if data >= 1 << 96 {
            if scale == 0 {
                return None;
            }
            data = (data + 4) / 10;
            scale -= 1;
        }
    }
    Some(parts(data, negative, scale))
}

fn parts(data: u128, negative: bool, scale: u32) -> Decimal {
    Decimal::from_parts(data as u32, (data >> 32) as u32, (data >> 64) as u32, negative, scale)
}

/// `Decimal::from_scientific` over [`parse_plain`] (its base is read as
/// `Decimal::from_str` reads it, rounding).
fn from_scientific(value: &str) -> Option<Decimal> {
    let (base, exp) = value.split_once(['e', 'E'])?;
    let mut ret = parse_plain(base, true)?;
    let current_scale = ret.scale();
    if let Some(stripped) = exp.strip_prefix('-') {
        let exp: u32 = stripped.parse().ok()?;
        if exp > Decimal::MAX_SCALE {
            return None;
        }
        ret.set_scale(current_scale + exp).ok()?;
    } else {
        let exp: u32 = exp.parse().ok()?;
        if exp <= current_scale {
            ret.set_scale(current_scale - exp).ok()?;
        } else {
            if exp > Decimal::MAX_SCALE {
                return None;
            }
            // Powers of ten up to 10^19 at a time, as rust_decimal does.
            let mut exp = exp;
            while exp > 0 {
                let step = exp.min(19);
                exp -= step;
                let pow = 10u64.pow(step);
                ret = ret.checked_mul(parts(u128::from(pow), false, 0))?;
            }
            ret.normalize_assign();
        }
    }
    Some(ret)
}

/// The exact decimal value of a JSON number, or of a string holding one.
pub fn decimal_of(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => parse_decimal(n.as_str()),
        Value::String(s) => parse_decimal(s),
        _ => None,
    }
}

/// A JSON number holding exactly `d` (its literal text is kept).
pub fn json_number(d: Decimal) -> Value {
    // With `arbitrary_precision` a Number is its literal text; a decimal's
    // text (digits, one optional `-` and `.`) is a valid JSON number.
    Value::Number(crate::json::number_from_literal(&d.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::str::FromStr;

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

    /// Our parser against rust_decimal's on generated and boundary texts:
    /// the same decimal (bits, sign and scale) or the same refusal.
    #[test]
    fn parses_as_rust_decimal_does() {
        let bits = |d: Option<Decimal>| d.map(|d| d.serialize());
        let check = |t: &str| {
            let plain =
                t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+');
            if plain && !t[1.min(t.len())..].contains(['-', '+']) {
                assert_eq!(
                    bits(parse_plain(t, false)),
                    bits(Decimal::from_str_exact(t).ok()),
                    "exact {t:?}"
                );
                assert_eq!(
                    bits(parse_plain(t, true)),
                    bits(Decimal::from_str(t).ok()),
                    "round {t:?}"
                );
            }
            if t.contains(['e', 'E']) {
                assert_eq!(
                    bits(from_scientific(t)),
                    bits(Decimal::from_scientific(t).ok()),
                    "sci {t:?}"
                );
            }
        };
        let mut cases: Vec<String> = [
            "",
            "-",
            "+",
            ".",
            "-.",
            "1.",
            ".5",
            "-.5",
            "+7",
            "-0",
            "-0.000",
            "007.50",
            "1..2",
            "1.2.3",
            "+-1",
            "--1",
            "1-",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "7922816251426433759354395033.56",
            "0.99999999999999999999999999995",
            "9.9999999999999999999999999999",
            "99999999999999999999999999999.5",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "0.00000000000000000000000000005",
            "1.0000000000000000000000000000",
            "1.00000000000000000000000000000",
            "1.000000000000000000000000000049",
            "1.00000000000000000000000000005.",
            "1.0000000000000000000000000000x",
            "1e3",
            "1E-3",
            "1.5e28",
            "1.5e29",
            "2e-29",
            "1e",
            "e5",
            "1e+5",
            "1e--5",
            "1.25e-27",
            "-0e5",
            "12345678901234567890e19",
            "0.0000000000000000000000000012345e2",
            "1.23e1",
            "1.23e2",
            "1.23e3",
            "9e28",
            "79228162514264337593543950335e0",
            "7.9228162514264337593543950335e28",
            "1.999999999999999999999999999999e-1",
            "99999999999999999999999999999.9e1",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Deterministic random texts over the characters that matter.
        let alphabet = b"0123456789999000..-+eE";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 58) as usize % 40;
            let mut t = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push(alphabet[(seed >> 33) as usize % alphabet.len()] as char);
            }
            cases.push(t);
        }
        // Long digit runs with at most one point and exponent: overflow,
        // 28 decimals and rounding.
        for _ in 0..200_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = 20 + (seed >> 59) as usize % 16;
            let point = (seed >> 20) as usize % (len + 8);
            let nines = seed & 1 == 0;
            let mut t = String::new();
            if seed & 2 == 0 {
                t.push('-');
            }
            for i in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if i == point {
                    t.push('.');
                }
                let d = (seed >> 33) % 10;
                t.push(char::from(b'0' + if nines && d < 6 { 9 } else { d as u8 }));
            }
            if seed & 4 == 0 {
                t.push_str(
                    ["e5", "e-3", "E28", "e-28", "e0", "e19", "e-1"][(seed >> 40) as usize % 7],
                );
            }
            cases.push(t);
        }
        for t in &cases {
            check(t);
        }
    }
}
