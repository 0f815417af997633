//! Exact money arithmetic and Jems' rounding rules (hit-domain.md §3.1–§3.4).
//!
//! Everything is [`Decimal`]: never `f64`. Jems computes in Java/Kotlin
//! `BigDecimal` with three rounding modes, which map to `rust_decimal` like
//! this:
//!
//! | Jems (`RoundingMode`) | here | rust_decimal strategy | 2.345 → 2 dp | −2.345 → 2 dp |
//! |---|---|---|---|---|
//! | `DOWN` ("round down", truncate) | [`round_down`] | `ToZero` | 2.34 | −2.34 |
//! | `HALF_UP` | [`round_half_up`] | `MidpointAwayFromZero` | 2.35 | −2.35 |
//! | `HALF_DOWN` | [`round_half_down`] | `MidpointTowardZero` | 2.34 | −2.34 |
//!
//! [`ceil`] and [`floor`] round to whole numbers toward +∞ and −∞.
//!
//! The functions are total: any value and any number of decimals give a
//! result and never panic. Rounding to at least as many decimals as the value
//! has returns it unchanged (`1.5` to 4 decimals stays `1.5`, not `1.5000`),
//! so a result never has more than `n` decimals. A zero result is never
//! negative (`-0.001` rounded down to 2 decimals is `0.00`, not `-0.00`).
//!
//! ```
//! use hitforms_engine::money::{percent_round_down, round_half_down};
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! let d = |s| Decimal::from_str(s).unwrap();
//! // A fund at 80 % of a partner total of 100.01: the fund gets 80.00 and
//! // the rounding remainder goes to the partner contribution.
//! let fund = percent_round_down(d("100.01"), d("80")).unwrap();
//! assert_eq!(fund.to_string(), "80.00");
//! assert_eq!((d("100.01") - fund).to_string(), "20.01");
//! assert_eq!(round_half_down(d("12.345"), 2).to_string(), "12.34");
//! ```

use rust_decimal::{Decimal, RoundingStrategy};

/// The number of decimals of a money amount (EUR cents).
pub const MONEY_DECIMALS: u32 = 2;

/// Rounds toward zero to `n` decimals: Java's `RoundingMode.DOWN`, which Jems
/// calls "round down" or truncation (budget row sums, flat rates, fund
/// amounts). `2.349 → 2.34`, `-2.349 → -2.34`.
pub fn round_down(x: Decimal, n: u32) -> Decimal {
    round(x, n, RoundingStrategy::ToZero)
}

/// Rounds to the nearest value with `n` decimals, an exact half away from
/// zero: Java's `HALF_UP` (report percentages, currency conversion).
/// `2.345 → 2.35`, `-2.345 → -2.35`.
pub fn round_half_up(x: Decimal, n: u32) -> Decimal {
    round(x, n, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to the nearest value with `n` decimals, an exact half toward zero:
/// Java's `HALF_DOWN` (co-financing rates in the A.3 overview).
/// `12.345 → 12.34`, `12.3451 → 12.35`.
pub fn round_half_down(x: Decimal, n: u32) -> Decimal {
    round(x, n, RoundingStrategy::MidpointTowardZero)
}

/// The smallest whole number not below `x`: `2.1 → 3`, `-2.1 → -2`.
pub fn ceil(x: Decimal) -> Decimal {
    positive_zero(x.ceil())
}

/// The largest whole number not above `x`: `2.9 → 2`, `-2.1 → -3`.
pub fn floor(x: Decimal) -> Decimal {
    positive_zero(x.floor())
}

/// `base × percent / 100` rounded down to 2 decimals: how Jems computes
/// flat-rate amounts and fund amounts (hit-domain.md §3.2, §3.4). `None` when
/// the product does not fit in a `Decimal`.
pub fn percent_round_down(base: Decimal, percent: Decimal) -> Option<Decimal> {
    let product = base.checked_mul(percent)?.checked_div(Decimal::ONE_HUNDRED)?;
    Some(round_down(product, MONEY_DECIMALS))
}

fn round(x: Decimal, n: u32, strategy: RoundingStrategy) -> Decimal {
    // `round_dp_with_strategy` returns the value unchanged when it has at most
    // `n` decimals, so any `n` (even beyond 28) is safe.
    positive_zero(x.round_dp_with_strategy(n, strategy))
}

/// `-0.00` → `0.00` (same scale), anything else unchanged.
fn positive_zero(mut x: Decimal) -> Decimal {
    if x.is_zero() {
        x.set_sign_positive(true);
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn examples_from_the_domain_rules() {
        // Flat rate 15 % of 1234.56 = 185.184 → 185.18.
        assert_eq!(percent_round_down(d("1234.56"), d("15")), Some(d("185.18")));
        // Fund 80 % of 100.01 = 80.008 → 80.00; the partner gets the rest.
        let fund = percent_round_down(d("100.01"), d("80")).unwrap();
        assert_eq!(fund.to_string(), "80.00");
        assert_eq!(d("100.01") - fund, d("20.01"));
        // Row sum: units × price truncated to 2 decimals.
        assert_eq!(round_down(d("2.5") * d("33.33"), 2).to_string(), "83.32");
        // HALF_DOWN rates, HALF_UP percentages.
        assert_eq!(round_half_down(d("12.345"), 2).to_string(), "12.34");
        assert_eq!(round_half_down(d("12.3451"), 2).to_string(), "12.35");
        assert_eq!(round_half_up(d("12.345"), 2).to_string(), "12.35");
        assert_eq!(round_half_up(d("12.3449"), 2).to_string(), "12.34");
        // Report percentage 1 × 100 / 3, HALF_UP to 2 decimals.
        assert_eq!(round_half_up(d("100") / d("3"), 2).to_string(), "33.33");
        assert_eq!(round_half_up(d("200") / d("3"), 2).to_string(), "66.67");
    }

    #[test]
    fn negative_values_round_toward_or_away_from_zero() {
        assert_eq!(round_down(d("-2.349"), 2), d("-2.34"));
        assert_eq!(round_half_up(d("-2.345"), 2), d("-2.35"));
        assert_eq!(round_half_down(d("-2.345"), 2), d("-2.34"));
        assert_eq!(ceil(d("-2.1")), d("-2"));
        assert_eq!(floor(d("-2.1")), d("-3"));
        assert_eq!(ceil(d("2.1")), d("3"));
        assert_eq!(floor(d("2.9")), d("2"));
    }

    #[test]
    fn zero_results_are_not_negative() {
        for z in [round_down(d("-0.001"), 2), ceil(d("-0.5")), round_half_down(d("-0.005"), 2)] {
            assert!(z.is_zero() && z.is_sign_positive(), "{z}");
            assert!(!z.to_string().starts_with('-'), "{z}");
        }
        assert_eq!(round_down(d("-0.001"), 2).to_string(), "0.00");
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        for x in [Decimal::MAX, Decimal::MIN, d("0.0000000000000000000000000001"), Decimal::ZERO] {
            for n in [0, 1, 2, 10, 27, 28, 29, 1000, u32::MAX] {
                round_down(x, n);
                round_half_up(x, n);
                round_half_down(x, n);
            }
            ceil(x);
            floor(x);
        }
        let near_max = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 1);
        assert_eq!(ceil(near_max), d("7922816251426433759354395034"));
        assert_eq!(round_half_up(near_max, 0), d("7922816251426433759354395034"));
        assert_eq!(percent_round_down(Decimal::MAX, d("200")), None);
    }

    #[test]
    fn results_keep_at_most_n_decimals_and_do_not_pad() {
        assert_eq!(round_down(d("1.5"), 4).to_string(), "1.5");
        assert_eq!(round_down(d("1.23456"), 2).scale(), 2);
        assert_eq!(floor(d("7.50")).to_string(), "7");
        assert_eq!(ceil(d("7")).to_string(), "7");
    }

    #[derive(Clone, Copy, Debug)]
    enum Mode {
        Down,
        HalfUp,
        HalfDown,
        Floor,
        Ceil,
    }

    /// Rounding done independently, with integer arithmetic on the scaled
    /// mantissa (at most 96 bits, so `i128` cannot overflow).
    fn reference(x: Decimal, n: u32, mode: Mode) -> Decimal {
        let (m, s) = (x.mantissa(), x.scale());
        if s <= n {
            return x;
        }
        let unit = 10i128.pow(s - n);
        let (q, r) = (m / unit, m % unit);
        let step = match mode {
            Mode::Down => false,
            Mode::HalfUp => 2 * r.abs() >= unit,
            Mode::HalfDown => 2 * r.abs() > unit,
            Mode::Floor => r < 0,
            Mode::Ceil => r > 0,
        };
        let q = match (step, mode) {
            (false, _) => q,
            (true, Mode::Floor) => q - 1,
            (true, Mode::Ceil) => q + 1,
            (true, _) => q + m.signum(),
        };
        Decimal::from_i128_with_scale(q, n)
    }

    fn apply(x: Decimal, n: u32, mode: Mode) -> Decimal {
        match mode {
            Mode::Down => round_down(x, n),
            Mode::HalfUp => round_half_up(x, n),
            Mode::HalfDown => round_half_down(x, n),
            Mode::Floor => floor(x),
            Mode::Ceil => ceil(x),
        }
    }

    /// Any `Decimal`: a 96-bit mantissa of either sign, scale 0 to 28.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        let max = Decimal::MAX.mantissa();
        (-max..=max, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
    }

    /// Money-like amounts with a few more decimals than cents, where the
    /// interesting midpoints are frequent.
    fn amount() -> impl Strategy<Value = Decimal> {
        (-10_000_000i128..=10_000_000, 0u32..=6)
            .prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
    }

    fn modes() -> impl Strategy<Value = Mode> {
        prop_oneof![
            Just(Mode::Down),
            Just(Mode::HalfUp),
            Just(Mode::HalfDown),
            Just(Mode::Floor),
            Just(Mode::Ceil)
        ]
    }

    fn unit(n: u32) -> Decimal {
        Decimal::from_i128_with_scale(1, n)
    }

    proptest! {
        #[test]
        fn matches_the_integer_reference(
            x in prop_oneof![any_decimal(), amount()], n in 0u32..=10, mode in modes()
        ) {
            let n = if matches!(mode, Mode::Floor | Mode::Ceil) { 0 } else { n };
            let got = apply(x, n, mode);
            prop_assert_eq!(got, reference(x, n, mode));
            prop_assert!(got.scale() <= n);
        }

        #[test]
        fn idempotent(x in prop_oneof![any_decimal(), amount()], n in 0u32..=10, mode in modes()) {
            let once = apply(x, n, mode);
            prop_assert_eq!(apply(once, n, mode), once);
        }

        #[test]
        fn round_down_truncates(x in amount(), n in 0u32..=10) {
            let x = x.abs();
            let r = round_down(x, n);
            prop_assert!(r <= x);
            prop_assert!(x - r < unit(n));
        }

        #[test]
        fn half_modes_are_nearest(x in prop_oneof![any_decimal(), amount()], n in 0u32..=10) {
            let half = unit(n) / Decimal::TWO;
            for r in [round_half_up(x, n), round_half_down(x, n)] {
                prop_assert!((r - x).abs() <= half);
            }
        }

        #[test]
        fn half_modes_differ_only_at_midpoints(x in amount(), n in 0u32..=4) {
            let (up, down) = (round_half_up(x, n), round_half_down(x, n));
            let midpoint = (x - round_down(x, n)).abs() * Decimal::TWO == unit(n);
            prop_assert_eq!(up != down, midpoint);
            // And an exact midpoint built from x: they always differ there.
            let mid = round_down(x.abs(), n) + unit(n) / Decimal::TWO;
            prop_assert_eq!(round_half_up(mid, n) - round_half_down(mid, n), unit(n));
        }

        #[test]
        fn floor_and_ceil_bracket(x in any_decimal()) {
            let (f, c) = (floor(x), ceil(x));
            prop_assert!(f <= x && x <= c);
            prop_assert!(c - f <= Decimal::ONE);
            prop_assert_eq!(f.fract(), Decimal::ZERO);
        }
    }
}
