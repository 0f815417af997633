//! Form state: a template, the data document being filled, and the current
//! findings per field. Every change returns the ids of the fields whose view
//! changed, so a renderer updates only those.

use crate::issue::{Code, Issue};
use crate::number::{json_number, parse_decimal};
use crate::template::{Field, FieldKind, Template};
use crate::text::utf16_len;
use crate::validate::{is_valid, validate_field};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// A form being filled.
#[derive(Clone, Debug)]
pub struct FormState {
    template: Template,
    data: Map<String, Value>,
    issues: BTreeMap<String, Vec<Issue>>,
}

/// Everything a renderer needs to show one field; computed by the engine so
/// that widgets hold no form logic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldView {
    /// Field id (also its key in the data).
    pub id: String,
    /// Template kind name (`text`, `multilingualText`, `integer`, …).
    pub kind: &'static str,
    /// Label in the requested UI language.
    pub label: String,
    /// Help text in the requested UI language.
    pub help: Option<String>,
    /// Whether the field must be filled.
    pub required: bool,
    /// Whether the field is shown.
    pub visible: bool,
    /// Whether to render multi-line inputs.
    pub multiline: bool,
    /// One input per language for multilingual text, else exactly one.
    pub parts: Vec<InputPart>,
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
    /// A form over `data`, which must be a JSON object (else a
    /// [`Code::DataNotObject`] issue is returned).
    pub fn new(template: Template, data: Value) -> Result<FormState, Issue> {
        let Value::Object(data) = data else { return Err(Issue::error("", Code::DataNotObject)) };
        let mut state = FormState { template, data, issues: BTreeMap::new() };
        let ids: Vec<String> = state.template.fields().map(|f| f.id.clone()).collect();
        for id in ids {
            state.revalidate(&id);
        }
        Ok(state)
    }

    /// The template.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// The data document.
    pub fn data(&self) -> Value {
        Value::Object(self.data.clone())
    }

    /// All current findings, in form order.
    pub fn issues(&self) -> Vec<Issue> {
        self.template.fields().flat_map(|f| self.issues[&f.id].iter().cloned()).collect()
    }

    /// Whether the form has no error.
    pub fn is_valid(&self) -> bool {
        self.issues.values().all(|i| is_valid(i))
    }

    /// Sets a field's value as JSON (`null` removes it). Returns the ids of
    /// fields whose view changed; an unknown id changes nothing.
    pub fn set_value(&mut self, id: &str, value: Value) -> Vec<String> {
        if self.template.field(id).is_none() {
            return Vec::new();
        }
        if value.is_null() {
            self.data.remove(id);
        } else {
            self.data.insert(id.to_owned(), value);
        }
        self.changed(id)
    }

    /// Sets a field from what the user typed: text is kept as typed, a number
    /// is stored as a JSON number when it reads as one and as the typed text
    /// otherwise (so nothing typed is lost, and validation says what is wrong).
    pub fn set_input(&mut self, id: &str, typed: &str) -> Vec<String> {
        let Some(field) = self.template.field(id) else { return Vec::new() };
        let value = match &field.kind {
            _ if typed.is_empty() => Value::Null,
            FieldKind::Number(_) => {
                parse_decimal(typed).map(json_number).unwrap_or_else(|| json!(typed))
            }
            _ => json!(typed),
        };
        self.set_value(id, value)
    }

    /// Sets one language of a multilingual field; an empty text removes that
    /// language's entry, as Jems drops empty translations.
    pub fn set_translation(&mut self, id: &str, language: &str, typed: &str) -> Vec<String> {
        let mut entries = match self.data.get(id) {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let pos = entries
            .iter()
            .position(|e| e.get("language").and_then(Value::as_str) == Some(language));
        match (pos, typed.is_empty()) {
            (Some(i), true) => {
                entries.remove(i);
            }
            (Some(i), false) => entries[i]["translation"] = json!(typed),
            (None, false) => entries.push(json!({"language": language, "translation": typed})),
            (None, true) => {}
        }
        let value = if entries.is_empty() { Value::Null } else { Value::Array(entries) };
        self.set_value(id, value)
    }

    /// The view of one field in UI language `lang`.
    pub fn view(&self, id: &str, lang: &str) -> Option<FieldView> {
        let field = self.template.field(id)?;
        let issues = &self.issues[id];
        let value = self.data.get(id);
        let (parts, whole) = match &field.kind {
            FieldKind::MultilingualText { max_length, .. } => {
                self.multilingual_parts(field, *max_length, value, issues)
            }
            kind => {
                let max =
                    if let FieldKind::Text { max_length, .. } = kind { *max_length } else { None };
                let text = match value {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(v) => v.to_string(),
                };
                let part = InputPart {
                    language: None,
                    length: utf16_len(&text),
                    text,
                    max_length: max,
                    issues: Vec::new(),
                };
                (vec![part], issues.clone())
            }
        };
        Some(FieldView {
            id: field.id.clone(),
            kind: field.kind.name(),
            label: field.label.get(lang).to_owned(),
            help: field.help.as_ref().map(|h| h.get(lang).to_owned()),
            required: field.required,
            visible: true,
            multiline: matches!(
                field.kind,
                FieldKind::Text { multiline: true, .. }
                    | FieldKind::MultilingualText { multiline: true, .. }
            ),
            parts,
            issues: whole,
        })
    }

    fn multilingual_parts(
        &self,
        field: &Field,
        max: u32,
        value: Option<&Value>,
        issues: &[Issue],
    ) -> (Vec<InputPart>, Vec<Issue>) {
        let entries = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
        let mut rest: Vec<Issue> = issues.to_vec();
        let parts = self
            .template
            .input_languages
            .iter()
            .map(|lang| {
                let text = entries
                    .iter()
                    .find(|e| e.get("language").and_then(Value::as_str) == Some(lang))
                    .and_then(|e| e.get("translation").and_then(Value::as_str))
                    .unwrap_or("")
                    .to_owned();
                let mine =
                    |i: &Issue| i.params.get("language").and_then(Value::as_str) == Some(lang);
                let (own, others): (Vec<Issue>, Vec<Issue>) = rest.drain(..).partition(mine);
                rest = others;
                InputPart {
                    language: Some(lang.clone()),
                    length: utf16_len(&text),
                    text,
                    max_length: Some(max),
                    issues: own,
                }
            })
            .collect();
        let _ = field;
        (parts, rest)
    }

    /// Re-validates one field; returns whether its findings changed.
    fn revalidate(&mut self, id: &str) -> bool {
        let Some(field) = self.template.field(id) else { return false };
        let fresh = validate_field(&self.template, field, self.data.get(id));
        let old = self.issues.insert(id.to_owned(), fresh);
        old.as_ref() != self.issues.get(id)
    }

    fn changed(&mut self, id: &str) -> Vec<String> {
        // The value itself changed; its findings may have too. Fields do not
        // depend on each other yet, so only this field's view is affected.
        self.revalidate(id);
        vec![id.to_owned()]
    }
}
