//! Compiles template JSON into a checked [`Template`], collecting every problem.

use super::read::{Obj, object, wrong_type};
use super::{Field, FieldKind, NumberRules, Section, Template, Text};
use crate::issue::{Code, Issue, pointer_push};
use std::collections::BTreeMap;

/// Input-language codes Jems accepts (`SystemLanguage`, hit-domain.md §5).
pub const INPUT_LANGUAGES: &[&str] = &[
    "BE", "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "GA", "HR", "HU", "IT", "JA",
    "LB", "LT", "LV", "MT", "MK", "NL", "NO", "PL", "PT", "RO", "RU", "SK", "SL", "SQ", "SR", "SV",
    "TR", "UK",
];

/// Jems' default limit of a multilingual field without an explicit one (§3.6).
const DEFAULT_MULTILINGUAL_LIMIT: u32 = 255;
/// The largest text limit a template may declare.
const MAX_TEXT_LIMIT: u32 = 1_000_000;
/// The most decimals a number field may declare.
const MAX_SCALE: u32 = 10;

const ROOT_KEYS: &[&str] = &["$schema", "id", "version", "title", "inputLanguages", "sections"];
const SECTION_KEYS: &[&str] = &["id", "title", "fields"];
const COMMON_FIELD_KEYS: &[&str] = &["id", "kind", "label", "help", "required"];

/// Template-level state shared while compiling.
struct Loader {
    problems: Vec<Issue>,
    ids: BTreeMap<String, String>,
}

pub(super) fn load(json: &str) -> (Option<Template>, Vec<Issue>) {
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            let issue = Issue::error("", Code::TemplateJson)
                .with("line", e.line())
                .with("column", e.column())
                .with("detail", e.to_string());
            return (None, vec![issue]);
        }
    };
    let mut l = Loader { problems: Vec::new(), ids: BTreeMap::new() };
    let template = l.template(&value);
    (template, l.problems)
}

impl Loader {
    fn template(&mut self, value: &serde_json::Value) -> Option<Template> {
        let root = object(value, "", ROOT_KEYS, &mut self.problems)?;
        let id = root.req_str("id", &mut self.problems).unwrap_or_default().to_owned();
        let version = root.req_str("version", &mut self.problems).unwrap_or_default().to_owned();
        let title = self.text(&root, "title", true);
        let input_languages = self.input_languages(&root);
        let mut sections = Vec::new();
        if let Some(list) = root.req_array("sections", &mut self.problems) {
            for (i, s) in list.iter().enumerate() {
                if let Some(section) = self.section(s, &pointer_push("/sections", &i.to_string())) {
                    sections.push(section);
                }
            }
        }
        let mut index = BTreeMap::new();
        for (s, section) in sections.iter().enumerate() {
            for (f, field) in section.fields.iter().enumerate() {
                index.insert(field.id.clone(), (s, f));
            }
        }
        Some(Template { id, version, title, input_languages, sections, index })
    }

    fn input_languages(&mut self, root: &Obj) -> Vec<String> {
        let Some(v) = root.map.get("inputLanguages") else { return vec!["EN".to_owned()] };
        let path = root.at("inputLanguages");
        let Some(list) = v.as_array() else {
            self.problems.push(wrong_type(&path, "array"));
            return vec!["EN".to_owned()];
        };
        let mut langs: Vec<String> = Vec::new();
        for (i, l) in list.iter().enumerate() {
            let p = pointer_push(&path, &i.to_string());
            match l.as_str() {
                Some(code)
                    if INPUT_LANGUAGES.contains(&code) && !langs.iter().any(|x| x == code) =>
                {
                    langs.push(code.to_owned())
                }
                Some(code) => self.problems.push(
                    Issue::error(p, Code::TemplateInvalidValue)
                        .with("value", code)
                        .with("expected", "a distinct Jems language code such as EN or DE"),
                ),
                None => self.problems.push(wrong_type(&p, "string")),
            }
        }
        if !(1..=4).contains(&list.len()) {
            self.problems.push(
                Issue::error(path, Code::TemplateInvalidValue).with("expected", "1 to 4 languages"),
            );
        }
        if langs.is_empty() { vec!["EN".to_owned()] } else { langs }
    }

    fn section(&mut self, value: &serde_json::Value, path: &str) -> Option<Section> {
        let obj = object(value, path, SECTION_KEYS, &mut self.problems)?;
        let id = self.id(&obj)?;
        let title = self.text(&obj, "title", true);
        let mut fields = Vec::new();
        if let Some(list) = obj.req_array("fields", &mut self.problems) {
            for (i, f) in list.iter().enumerate() {
                if let Some(field) = self.field(f, &pointer_push(&obj.at("fields"), &i.to_string()))
                {
                    fields.push(field);
                }
            }
        }
        Some(Section { id, title, fields })
    }

    /// Reads and registers an id; reports a bad or duplicate one.
    fn id(&mut self, obj: &Obj) -> Option<String> {
        let id = obj.req_str("id", &mut self.problems)?;
        let valid = id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            self.problems.push(
                Issue::error(obj.at("id"), Code::TemplateInvalidValue)
                    .with("value", id)
                    .with("expected", "a letter, then letters, digits or _ (at most 64)"),
            );
            return None;
        }
        if let Some(first) = self.ids.get(id) {
            self.problems.push(
                Issue::error(obj.at("id"), Code::TemplateDuplicateId)
                    .with("id", id)
                    .with("first", first.as_str()),
            );
            return None;
        }
        self.ids.insert(id.to_owned(), obj.at("id"));
        Some(id.to_owned())
    }

    fn field(&mut self, value: &serde_json::Value, path: &str) -> Option<Field> {
        let kind_name = value.get("kind").and_then(|k| k.as_str());
        let extra: &[&str] = match kind_name {
            Some("text" | "multilineText") => &["maxLength"],
            Some("multilingualText") => &["maxLength", "multiline"],
            Some("integer") => &["min", "max"],
            Some("decimal") => &["min", "max", "scale"],
            _ => &[],
        };
        let allowed: Vec<&str> = COMMON_FIELD_KEYS.iter().chain(extra).copied().collect();
        let obj = object(value, path, &allowed, &mut self.problems)?;
        let id = self.id(&obj);
        let label = self.text(&obj, "label", true);
        let help = obj.map.contains_key("help").then(|| self.text(&obj, "help", false));
        let required = obj.flag("required", &mut self.problems);
        let kind = self.kind(&obj, kind_name);
        let id = id?;
        Some(Field { pointer: pointer_push("", &id), id, label, help, required, kind: kind? })
    }

    fn kind(&mut self, obj: &Obj, name: Option<&str>) -> Option<FieldKind> {
        let p = &mut self.problems;
        let limit = |p: &mut Vec<Issue>| obj.opt_u32("maxLength", 1, MAX_TEXT_LIMIT, p);
        let kind = match name {
            Some(k @ ("text" | "multilineText")) => {
                FieldKind::Text { max_length: limit(p), multiline: k == "multilineText" }
            }
            Some("multilingualText") => FieldKind::MultilingualText {
                max_length: limit(p).unwrap_or(DEFAULT_MULTILINGUAL_LIMIT),
                multiline: obj.flag("multiline", p),
            },
            Some(k @ ("integer" | "decimal")) => {
                let scale = if k == "integer" {
                    0
                } else {
                    obj.opt_u32("scale", 0, MAX_SCALE, p).unwrap_or(2)
                };
                let rules = NumberRules {
                    min: obj.opt_decimal("min", p),
                    max: obj.opt_decimal("max", p),
                    scale,
                };
                if let (Some(min), Some(max)) = (rules.min, rules.max)
                    && min > max
                {
                    p.push(
                        Issue::error(obj.at("min"), Code::TemplateInvalidValue)
                            .with("expected", "min not above max"),
                    );
                }
                FieldKind::Number(rules)
            }
            Some(other) => {
                p.push(Issue::error(obj.at("kind"), Code::TemplateUnknownKind).with("kind", other));
                return None;
            }
            None => {
                let _ = obj.req_str("kind", p);
                return None;
            }
        };
        Some(kind)
    }

    /// A translatable text: an object of language code → string.
    fn text(&mut self, obj: &Obj, key: &str, required: bool) -> Text {
        let value = if required { obj.req(key, &mut self.problems) } else { obj.map.get(key) };
        let Some(value) = value else { return Text::default() };
        let path = obj.at(key);
        let Some(map) = value.as_object() else {
            self.problems.push(wrong_type(&path, "object of language code to text"));
            return Text::default();
        };
        let mut text = Text::default();
        for (lang, s) in map {
            let p = pointer_push(&path, lang);
            let lang_ok = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
            match s.as_str() {
                Some(s) if lang_ok => {
                    text.0.insert(lang.clone(), s.to_owned());
                }
                Some(_) => self.problems.push(
                    Issue::error(p, Code::TemplateInvalidValue)
                        .with("value", lang.as_str())
                        .with("expected", "a two-letter lower-case language code"),
                ),
                None => self.problems.push(wrong_type(&p, "string")),
            }
        }
        text
    }
}
