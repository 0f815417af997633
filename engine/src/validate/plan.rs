//! Validation plans: for each field of a group, what its checks come down to
//! when nothing about them can change at run time (no `visible` or
//! `required` expression, no visibility id, no limit a call may change).
//!
//! The plan is made once per group when a template loads. A full validation
//! then checks a well-typed value of such a field with one match instead of
//! the general walk (conditions, call settings, limits, kind dispatch); any
//! other value, and every other field, takes the general path
//! (`check_slot`), so both always agree.

use super::Context;
use super::field::{multilingual, number, too_long};
use crate::issue::Issue;
use crate::template::{Cond, Field, FieldKind, NumberRules, TextRules};
use crate::value::Value;

/// The fixed checks of one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// Checked by the general path.
    General,
    /// A computed value that is not required: nothing to check.
    Nothing,
    /// A single-language text.
    Text(TextRules),
    /// A number of any number kind.
    Number {
        /// Its rules.
        rules: NumberRules,
        /// Its `min` and `max` written at its scale where that is exact
        /// (`0` as `0.00` for money), so that values of that scale compare
        /// without rescaling.
        bounds: (Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>),
    },
    /// A multilingual text (in its own languages, when it has them).
    Multilingual {
        /// Its limits.
        rules: TextRules,
        /// Whether every input language must be filled.
        required: bool,
    },
}

impl Check {
    /// The plan of `field`.
    pub fn of(field: &Field) -> Check {
        let fixed = matches!(field.visible, Cond::Fixed(true))
            && field.visibility_id.is_none()
            && field.configurable.is_empty();
        let Cond::Fixed(required) = field.required else { return Check::General };
        if !fixed {
            return Check::General;
        }
        match &field.kind {
            FieldKind::Computed { .. } if !required => Check::Nothing,
            FieldKind::Text(rules) => Check::Text(rules.clone()),
            FieldKind::Number(rules) => Check::Number {
                rules: rules.clone(),
                bounds: (at_scale(rules.min, rules.scale), at_scale(rules.max, rules.scale)),
            },
            FieldKind::Multilingual { rules, languages: None } => {
                Check::Multilingual { rules: rules.clone(), required }
            }
            _ => Check::General,
        }
    }

    /// Checks `value` by the plan; `false` when the general path must
    /// check it instead (a value of another type, or blank, or a field the
    /// plan does not cover).
    #[inline]
    pub fn run(
        &self,
        ctx: &Context,
        value: &Value,
        at: &dyn Fn() -> String,
        out: &mut Vec<Issue>,
    ) -> bool {
        match (self, value) {
            (Check::Nothing, v) => !matches!(v, Value::Invalid(_)),
            (Check::Number { rules, bounds }, Value::Number(d)) => {
                number(rules, *bounds, *d, at, out);
                true
            }
            (Check::Text(rules), Value::Text(s)) if !crate::text::is_blank(s) => {
                out.extend(too_long(rules, s, at));
                true
            }
            (Check::Multilingual { rules, required }, Value::Multilingual(t)) => {
                multilingual(rules, ctx.languages, t, None, *required, at, out);
                true
            }
            _ => false,
        }
    }
}

/// `limit` written with at least `scale` decimals (the same value).
fn at_scale(limit: Option<rust_decimal::Decimal>, scale: u32) -> Option<rust_decimal::Decimal> {
    limit.map(|d| {
        let mut at = d;
        at.rescale(scale);
        // Rescaling may not keep the value (beyond 28 digits): then as is.
        if at == d { at } else { d }
    })
}
