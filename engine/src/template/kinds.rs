//! Field kinds and their rules.

use super::{Group, Text};
use crate::shape::Type;
use rust_decimal::Decimal;

/// The kinds of field, each with its own rules.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum FieldKind {
    /// A single-language string (`text`, or `multilineText` when `multiline`).
    Text(TextRules),
    /// `[{language, translation}]`; the limit applies per language.
    Multilingual {
        /// Length rules per language.
        rules: TextRules,
        /// Languages of this field when fixed by the template (e.g. `["EN"]`
        /// for Jems' English-only fields); else the input languages.
        languages: Option<Vec<String>>,
    },
    /// An exact number: `integer`, `decimal`, `money` or `percentage`.
    Number(NumberRules),
    /// A calendar date, optionally within bounds.
    Date {
        /// Earliest allowed date.
        min: Option<crate::value::Date>,
        /// Latest allowed date.
        max: Option<crate::value::Date>,
    },
    /// Yes/no (unanswered is null).
    Bool,
    /// One code out of a list.
    Select(Choices),
    /// Several codes out of a list.
    MultiSelect {
        /// The allowed codes.
        choices: Choices,
        /// Fewest codes when answered.
        min_items: Option<u32>,
        /// Most codes.
        max_items: Option<u32>,
    },
    /// A nested record (`group`).
    Group(Box<Group>),
    /// A list of records: `repeat` (a repeatable group) or `table`.
    Repeat(Box<Repeat>),
    /// A value the engine computes from an expression; read-only.
    Computed {
        /// The expression.
        expression: super::ExprSource,
        /// Declared result type.
        ty: Type,
        /// Decimals shown for a number (the value itself is exact).
        scale: Option<u32>,
    },
}

/// Length rules of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextRules {
    /// Maximum length in UTF-16 code units.
    pub max_length: Option<u32>,
    /// Rendered on several lines.
    pub multiline: bool,
}

/// Rules of a number field.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberRules {
    /// Template kind name: `integer`, `decimal`, `money` or `percentage`.
    pub kind: &'static str,
    /// Smallest allowed value.
    pub min: Option<Decimal>,
    /// Largest allowed value.
    pub max: Option<Decimal>,
    /// Maximum decimals; more is an error, never rounded.
    pub scale: u32,
}

/// The options of a select: listed in the template or named code list.
#[derive(Clone, Debug, PartialEq)]
pub enum Choices {
    /// `(code, label)` pairs from the template.
    Static(Vec<(String, Text)>),
    /// A code list supplied with the data at run time (NUTS regions,
    /// countries, partner types…), by name.
    Named(String),
}

/// A repeatable group or table.
#[derive(Clone, Debug)]
pub struct Repeat {
    /// The fields of one item (a table's columns).
    pub item: Group,
    /// Fewest items.
    pub min_items: u32,
    /// Most items (Jems' repetition caps: 50 partners, 20 work packages…).
    pub max_items: u32,
    /// How items are numbered, e.g. `WP{n}` or `A{wp}.{n}`.
    pub numbering: Option<String>,
    /// The name enclosing numberings use for this repeat's number (`wp`).
    pub number_as: Option<String>,
    /// Numberings for items where a condition holds, tried in order before
    /// `numbering` (Jems numbers the lead partner `LP1`, the others `PP2`…).
    pub numbering_when: Vec<NumberingCase>,
    /// Rendered as a table (rows × columns) rather than a list of cards.
    pub table: bool,
    /// `rowsFrom`: the items follow from the data, one per key this
    /// expression gives (in the scope of the record holding the list), the
    /// key in the item's first field; computing keeps the list so (see
    /// `form/rows.rs`), and users neither add nor remove such items.
    pub rows_from: Option<super::ExprSource>,
    /// The slots of the columns a table totals (`totals`; by default its
    /// `money` columns): the engine sums them for the footer row.
    pub totals: Vec<usize>,
    /// Whether each row also shows the sum of its totalled cells (`rowTotals`).
    pub row_totals: bool,
}

/// A numbering that applies to the items of a list where `when` holds.
#[derive(Clone, Debug)]
pub struct NumberingCase {
    /// The condition, in the scope of the item.
    pub when: super::ExprSource,
    /// The numbering, e.g. `LP{n}`.
    pub numbering: String,
}

impl FieldKind {
    /// The template name of this kind.
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text(TextRules { multiline: false, .. }) => "text",
            FieldKind::Text(_) => "multilineText",
            FieldKind::Multilingual { .. } => "multilingualText",
            FieldKind::Number(r) => r.kind,
            FieldKind::Date { .. } => "date",
            FieldKind::Bool => "boolean",
            FieldKind::Select(_) => "select",
            FieldKind::MultiSelect { .. } => "multiSelect",
            FieldKind::Group(_) => "group",
            FieldKind::Repeat(r) if r.table => "table",
            FieldKind::Repeat(_) => "repeat",
            FieldKind::Computed { .. } => "computed",
        }
    }

    /// The type of the field's value as expressions see it.
    pub fn value_type(&self) -> Type {
        match self {
            FieldKind::Text(_) | FieldKind::Select(_) => Type::Text,
            FieldKind::Multilingual { .. } => Type::Multilingual,
            FieldKind::Number(_) => Type::Number,
            FieldKind::Date { .. } => Type::Date,
            FieldKind::Bool => Type::Bool,
            FieldKind::MultiSelect { .. } => Type::List(Box::new(Type::Text)),
            FieldKind::Group(g) => Type::Record(g.shape.clone()),
            FieldKind::Repeat(r) => Type::List(Box::new(Type::Record(r.item.shape.clone()))),
            FieldKind::Computed { ty, .. } => ty.clone(),
        }
    }
}
