//! Templates: the checked, compiled model of a form, built from template JSON.
//!
//! Loading is two-step (raw JSON → checked model) and reports every problem
//! at once, each with the JSON pointer of the offending template part:
//! [`Template::load`] is strict (any problem fails), [`Template::load_lenient`]
//! returns the usable part of the model together with the full problem list.
//! The format is documented in `docs/templates.md`.
//!
//! The model separates *data* from *layout*. Data: a tree of [`Group`]s, each
//! a record whose fields sit in slots (its [`RecordShape`]); a repeatable
//! group or table holds a list of such records. Layout: sections (and the
//! order of fields and static texts inside groups) only arrange fields; they
//! add no level to the data document.

pub(crate) mod compile;
mod cycles;
pub(crate) mod fields;
mod kinds;
pub(crate) mod load;
pub mod numbering;
pub(crate) mod read;
mod text;

pub use kinds::{Choices, FieldKind, NumberRules, NumberingCase, Repeat, TextRules};
pub(crate) use text::StrMap;
pub use text::Text;

use crate::issue::Issue;
use crate::shape::RecordShape;
use std::sync::Arc;

/// A checked template.
#[derive(Clone, Debug)]
pub struct Template {
    /// Stable template id, e.g. `project-idea`.
    pub id: String,
    /// Template version; drafts are keyed by id and version.
    pub version: String,
    /// Title shown above the form.
    pub title: Text,
    /// Default input languages of multilingual fields (Jems codes, e.g. `EN`);
    /// a call configuration may replace them.
    pub input_languages: Vec<String>,
    /// The data root: every field of every section.
    pub root: Group,
    /// The sections, in order; each lists root items.
    pub sections: Vec<Section>,
    /// Code lists by name: listed in the template, or `None` for a list
    /// supplied at run time (NUTS regions, countries…).
    pub code_lists: std::collections::BTreeMap<String, Option<Vec<(String, Text)>>>,
    /// The visibility ids a call configuration may set, with their allowed
    /// states and defaults (Jems' 141 AF field settings for HIT templates).
    pub visibility: crate::config::VisibilityCatalog,
    /// The named parameters expressions read as `$name`, which a call
    /// configuration fills in.
    pub parameters: crate::config::ParamDecls,
}

/// A titled part of a form (layout only).
#[derive(Clone, Debug)]
pub struct Section {
    /// Stable section id.
    pub id: String,
    /// Section title.
    pub title: Text,
    /// What the section shows, in order (slots of the root group, static texts).
    pub items: Vec<Item>,
    /// Condition for showing the section.
    pub visible: Cond,
    /// Call-configuration visibility id, if the section can be hidden per call.
    pub visibility_id: Option<String>,
}

/// One entry of a layout: a field (by slot of the enclosing group) or static text.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// The field in this slot.
    Field(usize),
    /// A text shown as is (never parsed as HTML).
    Static(Text),
}

/// A record of fields: the root, a group, or one item of a repeat or table.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Field ids and value types by slot.
    pub shape: Arc<RecordShape>,
    /// The fields by slot.
    pub fields: Vec<Field>,
    /// The order in which fields and static texts are shown (for the root,
    /// see [`Template::sections`] instead).
    pub layout: Vec<Item>,
    /// Cross-field rules checked on every record of this group.
    pub rules: Vec<Rule>,
    /// What validation checks per slot, made at load (see
    /// `validate::plan`); empty means "check every field the general way".
    pub(crate) plan: Vec<crate::validate::plan::Check>,
}

/// A cross-field rule with its own error code and message.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Stable rule id (unique in its group).
    pub id: String,
    /// When given, the rule is only checked where this holds.
    pub when: Option<ExprSource>,
    /// What must hold; a finding is reported where it is false.
    pub assert: ExprSource,
    /// The field (of the same record) the finding points at; else the record.
    pub field: Option<String>,
    /// The finding's code, e.g. `partners.one_lead`.
    pub code: String,
    /// The finding's message per UI language.
    pub message: Text,
    /// Error or warning.
    pub severity: crate::Severity,
}

/// One field of a group.
#[derive(Clone, Debug)]
pub struct Field {
    /// Stable id; the field's key in its record of the data document.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Help text shown under the label.
    pub help: Option<Text>,
    /// Whether a value must be given (every input language for multilingual text).
    pub required: Cond,
    /// Whether the field is shown (and so validated).
    pub visible: Cond,
    /// Whether the user may not change it (computed fields always are).
    pub readonly: Cond,
    /// Call-configuration visibility id (Jems' `application.config…` ids).
    pub visibility_id: Option<String>,
    /// The limits a call configuration may change for this field
    /// (`maxLength`, `min`, `max`, `maxItems`).
    pub configurable: Vec<&'static str>,
    /// What the field holds, with its kind-specific rules.
    pub kind: FieldKind,
    /// JSON pointer of the field's definition in the template (for messages).
    pub source: String,
}

/// A yes/no property of a field: fixed, or an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    /// Always this value.
    Fixed(bool),
    /// An expression (source text and the template pointer it came from).
    Expr(ExprSource),
}

/// An expression as written in the template, and compiled.
#[derive(Clone, Debug)]
pub struct ExprSource {
    /// The expression text.
    pub src: String,
    /// JSON pointer of the expression in the template.
    pub at: String,
    /// The compiled expression (`None` only in a template loaded leniently
    /// whose expression had problems).
    pub compiled: Option<std::sync::Arc<crate::expr::Expr>>,
}

impl PartialEq for ExprSource {
    fn eq(&self, other: &Self) -> bool {
        self.src == other.src && self.at == other.at
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
}

impl Template {
    /// Every field whose limits a call may change: `(schema pointer, limit
    /// names)`, the pointer without list indices (`/partners/abbreviation`).
    pub fn configurable_limits(&self) -> Vec<(String, Vec<&'static str>)> {
        fn walk(g: &Group, prefix: &str, out: &mut Vec<(String, Vec<&'static str>)>) {
            for f in &g.fields {
                let p = crate::issue::pointer_push(prefix, &f.id);
                if !f.configurable.is_empty() {
                    out.push((p.clone(), f.configurable.clone()));
                }
                match &f.kind {
                    FieldKind::Group(inner) => walk(inner, &p, out),
                    FieldKind::Repeat(r) => walk(&r.item, &p, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.root, "", &mut out);
        out
    }

    /// The message of an issue in UI language `lang`: a rule's own message
    /// from the template, else the English catalog's.
    pub fn message(&self, issue: &Issue, lang: &str) -> String {
        self.message_with(issue, lang, &|_| None)
    }

    /// As [`Template::message`], with engine messages from a catalog the
    /// caller holds (see [`crate::messages::message_with`]).
    pub fn message_with<'c>(
        &self,
        issue: &Issue,
        lang: &str,
        catalog: &dyn Fn(&str) -> Option<&'c str>,
    ) -> String {
        fn find<'g>(g: &'g Group, code: &str) -> Option<&'g Rule> {
            g.rules.iter().find(|r| r.code == code).or_else(|| {
                g.fields.iter().find_map(|f| match &f.kind {
                    FieldKind::Group(inner) => find(inner, code),
                    FieldKind::Repeat(r) => find(&r.item, code),
                    _ => None,
                })
            })
        }
        match &issue.code {
            crate::Code::Rule(code) => match find(&self.root, code) {
                Some(rule) => crate::messages::interpolate(rule.message.get(lang), issue),
                None => code.to_string(),
            },
            _ => crate::messages::message_with(catalog, issue),
        }
    }
}

impl Field {
    /// The label in UI language `lang`; the field id when the template
    /// gives none (a computed field may have no label), so that nothing a
    /// renderer labels with it is ever empty.
    pub fn label_in(&self, lang: &str) -> String {
        match self.label.get(lang) {
            "" => self.id.clone(),
            label => label.to_owned(),
        }
    }
}

impl Group {
    /// The field with this id and its slot.
    pub fn field(&self, id: &str) -> Option<(usize, &Field)> {
        self.fields.iter().enumerate().find(|(_, f)| f.id == id)
    }
}
