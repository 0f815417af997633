//! The static shape of a form's data: which fields a record has, in which
//! order (a field's position is its *slot*), and the type of each. The
//! template compiler builds it; the expression checker resolves names
//! against it; [`crate::value::Record`]s store values by the same slots.

use std::sync::Arc;

/// The type of a value, as expressions see it.
#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    /// An exact decimal number (integer, decimal, money and percentage fields).
    Number,
    /// A single-language text (also the value of a single-select).
    Text,
    /// `[{language, translation}]`.
    Multilingual,
    /// Yes/no.
    Bool,
    /// A calendar date (`YYYY-MM-DD`).
    Date,
    /// A list of values of one type (multi-select: `List(Text)`; a repeatable
    /// group or table: `List(Record(..))`).
    List(Box<Type>),
    /// A record (a group, or one item of a repeatable group or table).
    Record(Arc<RecordShape>),
    /// The type of the `null` literal; compatible with every type.
    Null,
}

/// The fields of a record, in slot order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordShape {
    /// `(field id, type)` by slot.
    pub fields: Vec<(String, Type)>,
}

impl RecordShape {
    /// The slot and type of the field called `name`.
    pub fn lookup(&self, name: &str) -> Option<(usize, &Type)> {
        self.fields.iter().enumerate().find(|(_, (n, _))| n == name).map(|(i, (_, t))| (i, t))
    }
}

impl Type {
    /// A short name for messages (`number`, `list of text`, …).
    pub fn describe(&self) -> String {
        match self {
            Type::Number => "number".into(),
            Type::Text => "text".into(),
            Type::Multilingual => "multilingual text".into(),
            Type::Bool => "yes/no".into(),
            Type::Date => "date".into(),
            Type::List(t) => format!("list of {}", t.describe()),
            Type::Record(_) => "group".into(),
            Type::Null => "null".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_gives_slot_and_type() {
        let shape =
            RecordShape { fields: vec![("a".into(), Type::Text), ("b".into(), Type::Number)] };
        assert_eq!(shape.lookup("b"), Some((1, &Type::Number)));
        assert_eq!(shape.lookup("c"), None);
        assert_eq!(Type::List(Box::new(Type::Text)).describe(), "list of text");
    }
}
