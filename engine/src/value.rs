//! Typed data values. A data document is read once against the template's
//! shape into [`Record`]s whose slots follow [`crate::shape::RecordShape`],
//! so validation and expressions work on parsed decimals and slot indices,
//! never on JSON text. Whatever does not fit its field's type is kept as
//! [`Value::Invalid`] (nothing a user entered is dropped) and reported.

use rust_decimal::Decimal;

/// One value in a data document.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Absent or `null`.
    Null,
    /// An exact decimal number.
    Number(Decimal),
    /// A single-language text, or a single-select code.
    Text(String),
    /// A multilingual text: one entry per language present.
    Multilingual(Vec<Translation>),
    /// Yes/no.
    Bool(bool),
    /// A calendar date.
    Date(Date),
    /// A list: items of a repeatable group or table (records), or the codes
    /// of a multi-select (texts).
    List(Vec<Value>),
    /// A group's fields.
    Record(Record),
    /// A JSON value that does not fit the field's type, kept as given.
    Invalid(serde_json::Value),
}

/// The values of a record, by slot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// Values by slot (see [`crate::shape::RecordShape`]).
    pub slots: Vec<Value>,
    /// Keys of the data document no field declares, kept as given (so that
    /// nothing is lost) and written back unchanged.
    pub extra: Vec<(String, serde_json::Value)>,
}

/// One language of a multilingual text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// Jems language code, e.g. `EN`.
    pub language: String,
    /// The text.
    pub translation: String,
}

/// A calendar date (proleptic Gregorian), compared chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day, 1 to the month's length.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` (a real date only: no 2026-02-30).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Value {
    /// Whether the value counts as not given: null, blank text, an empty list,
    /// a multilingual text with no non-blank translation.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Text(s) => crate::text::is_blank(s),
            Value::Multilingual(t) => t.iter().all(|t| crate::text::is_blank(&t.translation)),
            Value::List(l) => l.is_empty(),
            _ => false,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_when_real() {
        assert_eq!(Date::parse("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-01-01",
            "2024-1-01",
            "2024-01-01T00",
            "２０２４-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-01-31") < Date::parse("2024-02-01"));
        assert_eq!(Date::parse("2024-03-05").unwrap().to_string(), "2024-03-05");
    }

    #[test]
    fn blankness() {
        assert!(Value::Null.is_blank());
        assert!(Value::Text(" ".into()).is_blank());
        assert!(!Value::Number(Decimal::ZERO).is_blank());
        let ml = Value::Multilingual(vec![Translation {
            language: "EN".into(),
            translation: "\n".into(),
        }]);
        assert!(ml.is_blank());
    }
}
