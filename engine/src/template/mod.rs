//! Templates: the checked, compiled model of a form, built from template JSON.
//!
//! Loading is two-step (raw JSON → checked model) and reports every problem
//! at once, each with the JSON pointer of the offending template part:
//! [`Template::load`] is strict (any problem fails), [`Template::load_lenient`]
//! returns the usable part of the model together with the full problem list.
//! The format is documented in `docs/templates.md`.

mod load;
pub(crate) mod read;
mod text;

pub use text::Text;

use crate::issue::Issue;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A checked template.
#[derive(Clone, Debug)]
pub struct Template {
    /// Stable template id, e.g. `project-idea`.
    pub id: String,
    /// Template version; drafts are keyed by id and version.
    pub version: String,
    /// Title shown above the form.
    pub title: Text,
    /// Languages multilingual fields are filled in (Jems codes, e.g. `EN`).
    pub input_languages: Vec<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Field id → (section index, field index).
    index: BTreeMap<String, (usize, usize)>,
}

/// A titled part of a form.
#[derive(Clone, Debug)]
pub struct Section {
    /// Stable section id.
    pub id: String,
    /// Section title.
    pub title: Text,
    /// Fields in order.
    pub fields: Vec<Field>,
}

/// One input of a form.
#[derive(Clone, Debug)]
pub struct Field {
    /// Stable id; also the field's key in the data document.
    pub id: String,
    /// JSON pointer of the field's value in the data document.
    pub pointer: String,
    /// Label.
    pub label: Text,
    /// Help text shown under the label.
    pub help: Option<Text>,
    /// Whether a value must be given (every input language, for multilingual text).
    pub required: bool,
    /// What the field holds, with its kind-specific rules.
    pub kind: FieldKind,
}

/// The kinds of field, each with its own rules.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FieldKind {
    /// A single-language string.
    Text {
        /// Maximum length in UTF-16 code units.
        max_length: Option<u32>,
        /// Rendered as a multi-line text area.
        multiline: bool,
    },
    /// `[{language, translation}]`, one entry per input language.
    MultilingualText {
        /// Maximum length per language, in UTF-16 code units (Jems' default is 255).
        max_length: u32,
        /// Rendered as multi-line text areas.
        multiline: bool,
    },
    /// An exact number: whole (`scale` 0) or with at most `scale` decimals.
    Number(NumberRules),
}

/// Rules of a number field.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberRules {
    /// Smallest allowed value.
    pub min: Option<Decimal>,
    /// Largest allowed value.
    pub max: Option<Decimal>,
    /// Maximum decimals; more is an error, never rounded.
    pub scale: u32,
}

impl FieldKind {
    /// The template name of this kind (`text`, `integer`, …).
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text { multiline: false, .. } => "text",
            FieldKind::Text { multiline: true, .. } => "multilineText",
            FieldKind::MultilingualText { .. } => "multilingualText",
            FieldKind::Number(NumberRules { scale: 0, .. }) => "integer",
            FieldKind::Number(_) => "decimal",
        }
    }
}

impl Template {
    /// Loads a template strictly: any problem fails, and all of them are returned.
    pub fn load(json: &str) -> Result<Template, Vec<Issue>> {
        match Template::load_lenient(json) {
            (Some(t), problems) if problems.is_empty() => Ok(t),
            (_, problems) => Err(problems),
        }
    }

    /// Loads a template leniently: the usable part of the model (`None` only
    /// when the text is not a JSON object) and every problem found.
    pub fn load_lenient(json: &str) -> (Option<Template>, Vec<Issue>) {
        load::load(json)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        let &(s, f) = self.index.get(id)?;
        Some(&self.sections[s].fields[f])
    }

    /// All fields, in form order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }
}
