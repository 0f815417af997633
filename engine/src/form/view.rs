//! Field views: everything a renderer shows for one field instance, computed
//! by the engine so that widgets hold no form logic.

use super::FormState;
use super::locate::{locate, record_at};
use crate::issue::Issue;
use crate::template::{FieldKind, TextRules};
use crate::text::utf16_len;
use crate::value::Value;
use serde::Serialize;

/// The view of one field instance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldView {
    /// JSON pointer of the field's value in the data document.
    pub pointer: String,
    /// Field id (its key in its record).
    pub id: String,
    /// Template kind name (`text`, `multilingualText`, `integer`, `money`, …).
    pub kind: &'static str,
    /// Label in the requested UI language.
    pub label: String,
    /// Help text in the requested UI language.
    pub help: Option<String>,
    /// Whether the field must be filled.
    pub required: bool,
    /// Whether the field is shown.
    pub visible: bool,
    /// Whether the user may not change the value.
    pub readonly: bool,
    /// Whether to render multi-line inputs.
    pub multiline: bool,
    /// One input per language for multilingual text; exactly one for other
    /// single-value fields (a multi-select's: its codes as a JSON array);
    /// none for groups and lists.
    pub parts: Vec<InputPart>,
    /// Options of a select, `(code, label)`.
    pub options: Vec<(String, String)>,
    /// The chosen codes of a select (one, or none) or multi-select (in the
    /// order stored), for a renderer to mark without reading them back
    /// from `parts`.
    pub selected: Vec<String>,
    /// Items in a list (repeat or table).
    pub items: Option<usize>,
    /// Findings about the field as a whole (a part's own findings are in the part).
    pub issues: Vec<Issue>,
}

/// One input box of a field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputPart {
    /// Input language (Jems code, e.g. `DE`) of a multilingual part.
    pub language: Option<String>,
    /// The text to show in the input.
    pub text: String,
    /// Length of `text` in UTF-16 code units.
    pub length: usize,
    /// The limit the counter shows, when there is one.
    pub max_length: Option<u32>,
    /// Findings that concern this part only.
    pub issues: Vec<Issue>,
}

impl FormState {
    /// The view of the field instance at `pointer`, labels in UI language `lang`.
    pub fn view(&self, pointer: &str, lang: &str) -> Option<FieldView> {
        let found =
            locate(&self.template.root, &self.root, pointer).filter(|f| f.rest.is_empty())?;
        let field = found.field;
        let value = record_at(&self.root, &found.route)
            .and_then(|r| r.slots.get(found.slot))
            .unwrap_or(&Value::Null);
        let mut issues: Vec<Issue> = self.by_field.get(pointer).cloned().unwrap_or_default();
        issues.extend(self.by_rule.get(pointer).into_iter().flatten().cloned());
        let text_of = |v: &Value| match v {
            Value::Null => String::new(),
            Value::Text(s) => s.clone(),
            Value::Number(d) => d.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Invalid(serde_json::Value::String(s)) => s.clone(),
            Value::Invalid(j) => crate::json::write(j),
            _ => String::new(),
        };
        let part =
            |text: String, max: Option<u32>, language: Option<String>, issues: Vec<Issue>| {
                InputPart { language, length: utf16_len(&text), text, max_length: max, issues }
            };
        let (parts, multiline) = match &field.kind {
            FieldKind::Multilingual { rules, languages } => {
                let langs = languages.as_deref().unwrap_or(&self.languages);
                let entries = if let Value::Multilingual(t) = value { t.as_slice() } else { &[] };
                let parts = langs
                    .iter()
                    .map(|lang| {
                        let text = entries
                            .iter()
                            .find(|e| &e.language == lang)
                            .map(|e| e.translation.clone())
                            .unwrap_or_default();
                        let mine = |i: &Issue| {
                            i.params.get("language").and_then(|l| l.as_str()) == Some(lang.as_str())
                        };
                        let (own, rest): (Vec<Issue>, Vec<Issue>) =
                            issues.drain(..).partition(mine);
                        issues = rest;
                        part(text, rules.max_length, Some(lang.clone()), own)
                    })
                    .collect();
                (parts, rules.multiline)
            }
            FieldKind::Text(TextRules { max_length, multiline }) => {
                (vec![part(text_of(value), *max_length, None, Vec::new())], *multiline)
            }
            FieldKind::Group(_) | FieldKind::Repeat(_) => (Vec::new(), false),
            // The chosen codes as a JSON array of strings.
            FieldKind::MultiSelect { .. } => {
                let codes: Vec<&str> = match value {
                    Value::List(items) => items
                        .iter()
                        .filter_map(
                            |v| if let Value::Text(t) = v { Some(t.as_str()) } else { None },
                        )
                        .collect(),
                    _ => Vec::new(),
                };
                let mut text = String::from("[");
                for (i, code) in codes.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    crate::json::write_str(&mut text, code);
                }
                text.push(']');
                (vec![part(text, None, None, Vec::new())], false)
            }
            FieldKind::Computed { scale: Some(scale), .. } => {
                let text = match value {
                    Value::Number(d) => {
                        let mut d = d.round_dp(*scale);
                        d.rescale(*scale);
                        d.to_string()
                    }
                    other => text_of(other),
                };
                (vec![part(text, None, None, Vec::new())], false)
            }
            _ => (vec![part(text_of(value), None, None, Vec::new())], false),
        };
        let selected = match (&field.kind, value) {
            (FieldKind::Select(_), Value::Text(code)) => vec![code.clone()],
            (FieldKind::MultiSelect { .. }, Value::List(items)) => items
                .iter()
                .filter_map(|v| if let Value::Text(t) = v { Some(t.clone()) } else { None })
                .collect(),
            _ => Vec::new(),
        };
        let options = match &field.kind {
            FieldKind::Select(c) | FieldKind::MultiSelect { choices: c, .. } => match c {
                crate::template::Choices::Static(o) => {
                    o.iter().map(|(v, l)| (v.clone(), l.get(lang).to_owned())).collect()
                }
                crate::template::Choices::Named(name) => match self.template.code_lists.get(name) {
                    Some(Some(o)) => {
                        o.iter().map(|(v, l)| (v.clone(), l.get(lang).to_owned())).collect()
                    }
                    _ => self
                        .code_lists
                        .as_deref()
                        .and_then(|l| l.get(name))
                        .map(|o| {
                            o.iter()
                                .map(|e| (e.code.clone(), e.label.get(lang).to_owned()))
                                .collect()
                        })
                        .unwrap_or_default(),
                },
            },
            _ => Vec::new(),
        };
        // Conditions are evaluated where the field is: in its record's scope.
        let ctx = self.context();
        let conds = match super::locate::frames_at(&self.root, &found.route) {
            Some(frames) => (
                ctx.holds(&field.required, false, &frames),
                ctx.holds(&field.visible, true, &frames),
                ctx.holds(&field.readonly, false, &frames),
            ),
            None => (false, true, false),
        };
        Some(FieldView {
            pointer: pointer.to_owned(),
            id: field.id.clone(),
            kind: field.kind.name(),
            label: field.label_in(lang),
            help: field.help.as_ref().map(|h| h.get(lang).to_owned()),
            required: conds.0,
            visible: conds.1 && ctx.configured_visible(&field.visibility_id),
            readonly: conds.2,
            multiline,
            parts,
            options,
            selected,
            items: if let (FieldKind::Repeat(_), Value::List(l)) = (&field.kind, value) {
                Some(l.len())
            } else {
                None
            },
            issues,
        })
    }
}
