//! Compiles template JSON into a checked [`Template`], collecting every problem:
//! the root, sections, groups and the layout. Field kinds are read in `fields.rs`.

use super::read::{Obj, object, wrong_type};
use super::{Cond, ExprSource, Field, Group, Item, Rule, Section, StrMap, Template, Text};
use crate::config::{ParamDecls, VisibilityCatalog};
use crate::issue::{Code, Issue, pointer_push};
use crate::shape::RecordShape;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Input-language codes Jems accepts (`SystemLanguage`, hit-domain.md §5).
pub const INPUT_LANGUAGES: &[&str] = &[
    "BE", "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "GA", "HR", "HU", "IT", "JA",
    "LB", "LT", "LV", "MT", "MK", "NL", "NO", "PL", "PT", "RO", "RU", "SK", "SL", "SQ", "SR", "SV",
    "TR", "UK",
];

pub(crate) const ROOT_KEYS: &[&str] = &[
    "$schema",
    "id",
    "version",
    "title",
    "inputLanguages",
    "sections",
    "codeLists",
    "rules",
    "parameters",
    "visibility",
];
pub(crate) const SECTION_KEYS: &[&str] = &["id", "title", "fields", "visible", "visibilityId"];
pub(crate) const RULE_KEYS: &[&str] =
    &["id", "when", "assert", "field", "code", "message", "severity"];
/// How deep groups and repeats may nest (a guard against absurd templates).
const MAX_DEPTH: usize = 16;

/// State shared while compiling.
pub(super) struct Loader {
    pub problems: Vec<Issue>,
    pub code_lists: BTreeMap<String, Option<Vec<(String, Text)>>>,
    pub depth: usize,
}

pub(super) fn load(json: &str) -> (Option<Template>, Vec<Issue>) {
    let value = match super::read::parse(json, Code::TemplateJson) {
        Ok(v) => v,
        Err(issue) => return (None, vec![issue]),
    };
    let mut l = Loader { problems: Vec::new(), code_lists: BTreeMap::new(), depth: 0 };
    let template = l.template(&value);
    (template, l.problems)
}

/// Collects fields and layout of one record, checking id uniqueness in it.
pub(super) struct RecordBuilder {
    pub fields: Vec<Field>,
    pub layout: Vec<Item>,
    ids: StrMap,
}

impl RecordBuilder {
    pub fn new() -> Self {
        RecordBuilder { fields: Vec::new(), layout: Vec::new(), ids: StrMap::default() }
    }

    /// Claims an id in this record; reports it (and returns false) when taken.
    /// Ids are claimed before a field is read, so a duplicate is reported
    /// even when the first field had problems of its own.
    fn claim(&mut self, id: &str, at: String, problems: &mut Vec<Issue>) -> bool {
        if let Some(first) = self.ids.get(id) {
            problems.push(
                Issue::error(at, Code::TemplateDuplicateId)
                    .with("id", id)
                    .with("first", first.as_str()),
            );
            return false;
        }
        self.ids.insert(id.to_owned(), at);
        true
    }

    pub fn finish(self, rules: Vec<Rule>) -> Group {
        let shape = RecordShape {
            fields: self.fields.iter().map(|f| (f.id.clone(), f.kind.value_type())).collect(),
        };
        let plan = self.fields.iter().map(crate::validate::plan::Check::of).collect();
        Group { shape: Arc::new(shape), fields: self.fields, layout: self.layout, rules, plan }
    }
}

impl Loader {
    fn template(&mut self, value: &Value) -> Option<Template> {
        let root = object(value, "", ROOT_KEYS, &mut self.problems)?;
        let id = root.req_str("id", &mut self.problems).unwrap_or_default().to_owned();
        let version = root.req_str("version", &mut self.problems).unwrap_or_default().to_owned();
        let title = self.text(&root, "title", true);
        let input_languages = self.input_languages(&root);
        self.code_lists(&root);
        let mut record = RecordBuilder::new();
        let mut sections = Vec::new();
        if let Some(list) = root.req_array("sections", &mut self.problems) {
            for (i, s) in list.iter().enumerate() {
                let path = pointer_push("/sections", &i.to_string());
                if let Some(section) = self.section(s, &path, &mut record) {
                    sections.push(section);
                }
            }
        }
        let rules = self.rules(&root);
        let root_group = record.finish(rules);
        let code_lists = std::mem::take(&mut self.code_lists);
        let visibility = match root.map.get("visibility") {
            Some(v) => VisibilityCatalog::read(v, &root.at("visibility"), &mut self.problems),
            None => VisibilityCatalog::default(),
        };
        let parameters = match root.map.get("parameters") {
            Some(v) => ParamDecls::read(v, &root.at("parameters"), &mut self.problems),
            None => ParamDecls::default(),
        };
        let mut template = Template {
            id,
            version,
            title,
            input_languages,
            root: root_group,
            sections,
            code_lists,
            visibility,
            parameters,
        };
        self.check_visibility_ids(&template);
        super::compile::compile_expressions(&mut template, &mut self.problems);
        super::cycles::check_cycles(&template, &mut self.problems);
        super::numbering::check(&template.root, &mut self.problems);
        Some(template)
    }

    /// Every `visibilityId` a section or field names must be in the catalog.
    fn check_visibility_ids(&mut self, t: &Template) {
        fn walk(g: &Group, f: &mut dyn FnMut(&Option<String>, &str)) {
            for field in &g.fields {
                f(&field.visibility_id, &field.source);
                match &field.kind {
                    crate::template::FieldKind::Group(inner) => walk(inner, f),
                    crate::template::FieldKind::Repeat(r) => walk(&r.item, f),
                    _ => {}
                }
            }
        }
        let problems = &mut self.problems;
        let mut unknown = |id: &Option<String>, at: &str| {
            if let Some(id) = id
                && t.visibility.get(id).is_none()
            {
                problems.push(
                    Issue::error(pointer_push(at, "visibilityId"), Code::TemplateInvalidValue)
                        .with("value", id.as_str())
                        .with("expected", "an id of the template's visibility catalog"),
                );
            }
        };
        for (i, s) in t.sections.iter().enumerate() {
            unknown(&s.visibility_id, &pointer_push("/sections", &i.to_string()));
        }
        walk(&t.root, &mut unknown);
    }

    fn section(
        &mut self,
        value: &Value,
        path: &str,
        record: &mut RecordBuilder,
    ) -> Option<Section> {
        let obj = object(value, path, SECTION_KEYS, &mut self.problems)?;
        let id = self.id(&obj)?;
        let title = self.text(&obj, "title", true);
        let visible = self.cond(&obj, "visible", true);
        let visibility_id = self.opt_string(&obj, "visibilityId");
        let before = record.layout.len();
        self.items(&obj, "fields", record);
        let items = record.layout.split_off(before);
        Some(Section { id, title, items, visible, visibility_id })
    }

    /// Reads the array `key` of nodes (fields and static texts) into `record`.
    pub fn items(&mut self, obj: &Obj, key: &str, record: &mut RecordBuilder) {
        let Some(list) = obj.req_array(key, &mut self.problems) else { return };
        for (i, node) in list.iter().enumerate() {
            let path = pointer_push(&obj.at(key), &i.to_string());
            if node.get("kind").and_then(Value::as_str) == Some("static") {
                if let Some(o) = object(node, &path, &["kind", "text", "id"], &mut self.problems) {
                    let text = self.text(&o, "text", true);
                    record.layout.push(Item::Static(text));
                }
                continue;
            }
            let id = node.get("id").and_then(Value::as_str);
            let claimed =
                id.is_none_or(|id| record.claim(id, pointer_push(&path, "id"), &mut self.problems));
            if let Some(field) = self.field(node, &path)
                && claimed
            {
                record.fields.push(field);
                record.layout.push(Item::Field(record.fields.len() - 1));
            }
        }
    }

    /// A group's record: its fields and rules, one level deeper.
    pub fn group(&mut self, obj: &Obj, key: &str) -> Option<Group> {
        if self.depth >= MAX_DEPTH {
            self.problems.push(
                Issue::error(obj.at(key), Code::TemplateInvalidValue)
                    .with("expected", format!("at most {MAX_DEPTH} nested groups")),
            );
            return None;
        }
        self.depth += 1;
        let mut record = RecordBuilder::new();
        self.items(obj, key, &mut record);
        let rules = self.rules(obj);
        self.depth -= 1;
        Some(record.finish(rules))
    }

    fn input_languages(&mut self, root: &Obj) -> Vec<String> {
        let Some(v) = root.map.get("inputLanguages") else { return vec!["EN".to_owned()] };
        let langs = self.languages(v, &root.at("inputLanguages"));
        if langs.is_empty() { vec!["EN".to_owned()] } else { langs }
    }

    /// A list of 1 to 4 distinct Jems language codes.
    pub fn languages(&mut self, v: &Value, path: &str) -> Vec<String> {
        let Some(list) = v.as_array() else {
            self.problems.push(wrong_type(path, "array"));
            return Vec::new();
        };
        let mut langs: Vec<String> = Vec::new();
        for (i, l) in list.iter().enumerate() {
            let p = pointer_push(path, &i.to_string());
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
        langs
    }

    fn code_lists(&mut self, root: &Obj) {
        let Some(v) = root.map.get("codeLists") else { return };
        let path = root.at("codeLists");
        let Some(map) = v.as_object() else {
            return self.problems.push(wrong_type(&path, "object"));
        };
        for (name, list) in map {
            let p = pointer_push(&path, name);
            let options = match list {
                Value::String(s) if s == "external" => None,
                Value::Array(_) => Some(self.options(list, &p)),
                _ => {
                    self.problems.push(wrong_type(&p, "an array of options or \"external\""));
                    continue;
                }
            };
            self.code_lists.insert(name.clone(), options);
        }
    }

    /// `[{value, label}]` options, with distinct values.
    pub fn options(&mut self, v: &Value, path: &str) -> Vec<(String, Text)> {
        let mut out: Vec<(String, Text)> = Vec::new();
        for (i, o) in v.as_array().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            let p = pointer_push(path, &i.to_string());
            let Some(obj) = object(o, &p, &["value", "label"], &mut self.problems) else {
                continue;
            };
            let Some(value) = obj.req_str("value", &mut self.problems) else { continue };
            let label = self.text(&obj, "label", true);
            if out.iter().any(|(v, _)| v == value) {
                self.problems.push(
                    Issue::error(obj.at("value"), Code::TemplateDuplicateId)
                        .with("id", value)
                        .with("first", "an earlier option"),
                );
            } else {
                out.push((value.to_owned(), label));
            }
        }
        out
    }

    fn rules(&mut self, obj: &Obj) -> Vec<Rule> {
        let Some(v) = obj.map.get("rules") else { return Vec::new() };
        let path = obj.at("rules");
        let Some(list) = v.as_array() else {
            self.problems.push(wrong_type(&path, "array"));
            return Vec::new();
        };
        let mut rules = Vec::new();
        for (i, r) in list.iter().enumerate() {
            let p = pointer_push(&path, &i.to_string());
            let Some(o) = object(r, &p, RULE_KEYS, &mut self.problems) else { continue };
            let id = o.req_str("id", &mut self.problems).map(str::to_owned);
            let assert = self.expr(&o, "assert", true);
            let when = self.expr(&o, "when", false);
            let field = self.opt_string(&o, "field");
            let code = o.req_str("code", &mut self.problems).map(str::to_owned);
            let message = self.text(&o, "message", true);
            let severity = match o.map.get("severity").map(|s| s.as_str()) {
                None | Some(Some("error")) => crate::Severity::Error,
                Some(Some("warning")) => crate::Severity::Warning,
                Some(_) => {
                    self.problems.push(wrong_type(&o.at("severity"), "\"error\" or \"warning\""));
                    crate::Severity::Error
                }
            };
            if let (Some(id), Some(assert), Some(code)) = (id, assert, code) {
                rules.push(Rule { id, when, assert, field, code, message, severity });
            }
        }
        rules
    }

    /// Reads and checks an id: a letter, then letters, digits or `_`.
    pub fn id(&mut self, obj: &Obj) -> Option<String> {
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
        Some(id.to_owned())
    }

    /// An optional string property.
    pub fn opt_string(&mut self, obj: &Obj, key: &str) -> Option<String> {
        match obj.map.get(key)? {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.problems.push(wrong_type(&obj.at(key), "string"));
                None
            }
        }
    }

    /// An expression property (a string).
    pub fn expr(&mut self, obj: &Obj, key: &str, required: bool) -> Option<ExprSource> {
        let v = if required { obj.req(key, &mut self.problems)? } else { obj.map.get(key)? };
        match v.as_str() {
            Some(src) => Some(ExprSource { src: src.to_owned(), at: obj.at(key), compiled: None }),
            None => {
                self.problems.push(wrong_type(&obj.at(key), "an expression (string)"));
                None
            }
        }
    }

    /// A yes/no property: `true`/`false` or an expression; `default` when absent.
    pub fn cond(&mut self, obj: &Obj, key: &str, default: bool) -> Cond {
        match obj.map.get(key) {
            None => Cond::Fixed(default),
            Some(Value::Bool(b)) => Cond::Fixed(*b),
            Some(Value::String(src)) => {
                Cond::Expr(ExprSource { src: src.clone(), at: obj.at(key), compiled: None })
            }
            Some(_) => {
                self.problems.push(wrong_type(&obj.at(key), "true, false or an expression"));
                Cond::Fixed(default)
            }
        }
    }

    /// A translatable text: an object of language code → string.
    pub fn text(&mut self, obj: &Obj, key: &str, required: bool) -> Text {
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
                    text.insert(lang.clone(), s.to_owned());
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
