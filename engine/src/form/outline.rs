//! The outline of a long form, for navigation: per section whether it is
//! shown, how complete it is and how many findings it has; and every finding
//! with a readable place ("Partners › PP2 › Abbreviation") for an error
//! summary. Computed here so that widgets only render them.

use super::FormState;
use super::locate::segments;
use crate::issue::{Issue, Severity};
use crate::template::{FieldKind, Item};
use crate::validate::Frames;
use crate::value::Value;
use serde::Serialize;

/// How far a section is filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Completion {
    /// Nothing entered yet.
    NotStarted,
    /// Something entered, and errors remain.
    InProgress,
    /// Something entered and no error.
    Complete,
}

/// One section of the outline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionSummary {
    /// Section id.
    pub id: String,
    /// Title in the UI language.
    pub title: String,
    /// Whether the section is shown (its condition and the call configuration).
    pub visible: bool,
    /// Error findings inside the section.
    pub errors: usize,
    /// Warning findings inside the section.
    pub warnings: usize,
    /// Root fields of the section holding a value (computed fields not counted).
    pub filled: usize,
    /// Root fields of the section a user fills in.
    pub fields: usize,
    /// Completion state.
    pub completion: Completion,
}

/// The outline of the whole form.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outline {
    /// The sections, in order (hidden ones included, marked).
    pub sections: Vec<SectionSummary>,
    /// Error findings in the form, including those of no section (root rules).
    pub errors: usize,
    /// Warning findings in the form.
    pub warnings: usize,
}

/// A finding placed for an error summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The field instance (or record, or list) to move focus to.
    pub pointer: String,
    /// The input language of a multilingual part the finding is about.
    pub language: Option<String>,
    /// Index of the section holding it (`None` for a finding on the root).
    pub section: Option<usize>,
    /// Where it is, in words: labels and item numbers joined by " › ".
    pub place: String,
    /// The message in the UI language.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
    /// The finding as data (code and parameters), for a caller that
    /// translates messages from its own catalog.
    pub issue: Issue,
}

impl FormState {
    /// The outline: per section its visibility, completion and findings.
    pub fn outline(&self, lang: &str) -> Outline {
        let mut sections: Vec<SectionSummary> = self
            .template
            .sections
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let (mut filled, mut fields) = (0, 0);
                for item in &s.items {
                    let Item::Field(slot) = item else { continue };
                    let Some(field) = self.template.root.fields.get(*slot) else { continue };
                    if matches!(field.kind, FieldKind::Computed { .. }) {
                        continue;
                    }
                    fields += 1;
                    let value = self.root.slots.get(*slot).unwrap_or(&Value::Null);
                    filled += usize::from(has_value(&field.kind, value));
                }
                SectionSummary {
                    id: s.id.clone(),
                    title: s.title.get(lang).to_owned(),
                    visible: self.section_visible(index),
                    errors: 0,
                    warnings: 0,
                    filled,
                    fields,
                    completion: Completion::NotStarted,
                }
            })
            .collect();
        let (mut errors, mut warnings) = (0, 0);
        // The section of each root slot, found once (this runs on every change).
        let root = &self.template.root;
        let by_slot: Vec<Option<usize>> = (0..root.fields.len())
            .map(|slot| {
                self.template.sections.iter().position(|s| s.items.contains(&Item::Field(slot)))
            })
            .collect();
        let placed = self.by_field.iter().chain(self.by_rule.iter());
        for (pointer, issues) in placed {
            // Field ids need no escaping, so the first segment is plain text.
            let first = pointer.split('/').nth(1).unwrap_or_default();
            let at = root.field(first).and_then(|(slot, _)| by_slot[slot]);
            for issue in issues {
                let error = issue.severity == Severity::Error;
                *(if error { &mut errors } else { &mut warnings }) += 1;
                if let Some(s) = at.and_then(|i| sections.get_mut(i)) {
                    *(if error { &mut s.errors } else { &mut s.warnings }) += 1;
                }
            }
        }
        for s in &mut sections {
            s.completion = match (s.filled, s.errors) {
                (0, _) => Completion::NotStarted,
                (_, 0) => Completion::Complete,
                _ => Completion::InProgress,
            };
        }
        Outline { sections, errors, warnings }
    }

    /// Whether section `index` is shown: its condition holds and the call
    /// configuration does not hide it.
    pub fn section_visible(&self, index: usize) -> bool {
        let Some(section) = self.template.sections.get(index) else { return false };
        let ctx = self.context();
        ctx.holds(&section.visible, true, &Frames::root(&self.root))
            && ctx.configured_visible(&section.visibility_id)
    }

    /// The index of the section that shows the root field `pointer` is in.
    pub fn section_of(&self, pointer: &str) -> Option<usize> {
        let segs = segments(pointer)?;
        let (slot, _) = self.template.root.field(segs.first()?)?;
        self.template.sections.iter().position(|s| s.items.contains(&Item::Field(slot)))
    }

    /// Every finding in form order, placed for an error summary (a full
    /// validation: meant for a submit or review, not for every keystroke).
    pub fn findings(&self, lang: &str) -> Vec<Finding> {
        self.issues().iter().map(|issue| self.finding(issue, lang)).collect()
    }

    fn finding(&self, issue: &Issue, lang: &str) -> Finding {
        let pointer = match issue.code {
            crate::Code::Rule(_) => issue.path.clone(),
            _ => self.owner(&issue.path),
        };
        Finding {
            section: self.section_of(&pointer),
            place: self.place(&pointer, lang),
            language: issue.params.get("language").and_then(|l| l.as_str()).map(str::to_owned),
            message: self.template.message(issue, lang),
            severity: issue.severity,
            pointer,
            issue: issue.clone(),
        }
    }

    /// Where `pointer` is, in words: each field's label and each list
    /// item's number (or its position), joined by " › ".
    pub fn place(&self, pointer: &str, lang: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut group = &self.template.root;
        let mut at = String::new();
        let mut segs = segments(pointer).unwrap_or_default().into_iter();
        while let Some(seg) = segs.next() {
            let Some((_, field)) = group.field(&seg) else { break };
            at = crate::issue::pointer_push(&at, &seg);
            words.push(field.label_in(lang));
            match &field.kind {
                FieldKind::Group(g) => group = g,
                FieldKind::Repeat(rep) => {
                    let Some(index) = segs.next() else { break };
                    at = crate::issue::pointer_push(&at, &index);
                    let number = self.item_number(&at).unwrap_or_else(|| {
                        index.parse::<usize>().map_or(index.clone(), |i| (i + 1).to_string())
                    });
                    words.push(number);
                    group = &rep.item;
                }
                _ => break,
            }
        }
        words.join(" › ")
    }
}

/// Whether a field's value counts as filled in (computed values do not).
fn has_value(kind: &FieldKind, value: &Value) -> bool {
    match (kind, value) {
        (FieldKind::Computed { .. }, _) | (_, Value::Null) => false,
        (_, Value::Text(t)) => !t.is_empty(),
        (_, Value::List(items)) => !items.is_empty(),
        (FieldKind::Group(g), Value::Record(r)) => {
            g.fields.iter().zip(&r.slots).any(|(f, v)| has_value(&f.kind, v))
        }
        (_, Value::Multilingual(t)) => t.iter().any(|e| !e.translation.is_empty()),
        _ => true,
    }
}
