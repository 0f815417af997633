//! Reading one field definition: the common properties, then the rules of
//! its kind. Each kind lists the properties it accepts, so a misspelt or
//! misplaced property is reported rather than ignored.

use super::Field;
use super::kinds::{Choices, FieldKind, NumberRules, NumberingCase, Repeat, TextRules};
use super::load::Loader;
use super::read::{Obj, object, wrong_type};
use crate::issue::{Code, Issue};
use crate::shape::Type;
use rust_decimal::Decimal;
use serde_json::Value;

pub(crate) const COMMON: &[&str] = &[
    "id",
    "kind",
    "label",
    "help",
    "required",
    "visible",
    "readonly",
    "visibilityId",
    "configurable",
];
/// The largest text limit a template may declare.
const MAX_TEXT_LIMIT: u32 = 1_000_000;
/// Jems' default limit of a multilingual field without an explicit one (§3.6).
const DEFAULT_MULTILINGUAL_LIMIT: u32 = 255;
/// The most items any repeat may declare.
const MAX_ITEMS_LIMIT: u32 = 100_000;

/// Every field kind a template may use (plus `static` for static text).
pub(crate) const KINDS: &[&str] = &[
    "text",
    "multilineText",
    "multilingualText",
    "integer",
    "decimal",
    "money",
    "percentage",
    "date",
    "boolean",
    "select",
    "multiSelect",
    "group",
    "repeat",
    "table",
    "computed",
];

/// The properties each kind accepts besides the common ones.
pub(crate) fn kind_keys(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "text" | "multilineText" => &["maxLength"],
        "multilingualText" => &["maxLength", "multiline", "languages"],
        "integer" | "money" => &["min", "max"],
        "decimal" | "percentage" => &["min", "max", "scale"],
        "date" => &["min", "max"],
        "boolean" => &[],
        "select" => &["options", "codeList"],
        "multiSelect" => &["options", "codeList", "minItems", "maxItems"],
        "group" => &["fields", "rules"],
        "repeat" => &[
            "fields",
            "rules",
            "minItems",
            "maxItems",
            "numbering",
            "numberAs",
            "numberingWhen",
            "rowsFrom",
        ],
        "table" => &[
            "columns",
            "rules",
            "minRows",
            "maxRows",
            "numbering",
            "numberAs",
            "numberingWhen",
            "rowsFrom",
            "totals",
            "rowTotals",
        ],
        "computed" => &["expression", "type", "scale"],
        _ => return None,
    })
}

impl Loader {
    /// Reads one field; `None` (with problems reported) when unusable.
    pub fn field(&mut self, value: &Value, path: &str) -> Option<Field> {
        let kind_name = value.get("kind").and_then(Value::as_str);
        let extra = kind_name.and_then(kind_keys).unwrap_or(&[]);
        let allowed: Vec<&str> = COMMON.iter().chain(extra).copied().collect();
        let obj = object(value, path, &allowed, &mut self.problems)?;
        let id = self.id(&obj);
        let label = self.text(&obj, "label", kind_name != Some("computed"));
        let help = obj.map.contains_key("help").then(|| self.text(&obj, "help", false));
        let required = self.cond(&obj, "required", false);
        let visible = self.cond(&obj, "visible", true);
        let readonly = self.cond(&obj, "readonly", kind_name == Some("computed"));
        let visibility_id = self.opt_string(&obj, "visibilityId");
        let configurable = self.configurable(&obj);
        let kind = match kind_name {
            Some(k) if kind_keys(k).is_some() => self.kind(&obj, k),
            Some(other) => {
                let at = obj.at("kind");
                self.problems.push(Issue::error(at, Code::TemplateUnknownKind).with("kind", other));
                None
            }
            None => {
                let _ = obj.req_str("kind", &mut self.problems);
                None
            }
        };
        Some(Field {
            configurable,
            id: id?,
            label,
            help,
            required,
            visible,
            readonly,
            visibility_id,
            kind: kind?,
            source: path.to_owned(),
        })
    }

    /// `configurable`: the limit names a call may override for this field.
    fn configurable(&mut self, obj: &Obj) -> Vec<&'static str> {
        let Some(v) = obj.map.get("configurable") else { return Vec::new() };
        let names = crate::config::LIMIT_NAMES;
        let mut out = Vec::new();
        for (i, item) in v.as_array().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            match names.iter().find(|n| item.as_str() == Some(n)) {
                Some(name) => out.push(*name),
                None => self.problems.push(
                    Issue::error(
                        crate::issue::pointer_push(&obj.at("configurable"), &i.to_string()),
                        Code::TemplateInvalidValue,
                    )
                    .with("expected", "maxLength, min, max or maxItems"),
                ),
            }
        }
        if !v.is_array() {
            self.problems.push(wrong_type(&obj.at("configurable"), "array of limit names"));
        }
        out
    }

    fn kind(&mut self, obj: &Obj, name: &str) -> Option<FieldKind> {
        let p = &mut self.problems;
        Some(match name {
            "text" | "multilineText" => FieldKind::Text(TextRules {
                max_length: obj.opt_u32("maxLength", 1, MAX_TEXT_LIMIT, p),
                multiline: name == "multilineText",
            }),
            "multilingualText" => {
                let rules = TextRules {
                    max_length: Some(
                        obj.opt_u32("maxLength", 1, MAX_TEXT_LIMIT, p)
                            .unwrap_or(DEFAULT_MULTILINGUAL_LIMIT),
                    ),
                    multiline: obj.flag("multiline", p),
                };
                let languages =
                    obj.map.get("languages").map(|v| self.languages(v, &obj.at("languages")));
                FieldKind::Multilingual { rules, languages }
            }
            "integer" | "decimal" | "money" | "percentage" => {
                FieldKind::Number(self.number(obj, name))
            }
            "date" => {
                let mut date = |key: &str| {
                    let v = obj.map.get(key)?;
                    let d = v.as_str().and_then(crate::value::Date::parse);
                    if d.is_none() {
                        self.problems.push(wrong_type(&obj.at(key), "a date YYYY-MM-DD"));
                    }
                    d
                };
                let (min, max) = (date("min"), date("max"));
                FieldKind::Date { min, max }
            }
            "boolean" => FieldKind::Bool,
            "select" => FieldKind::Select(self.choices(obj)?),
            "multiSelect" => {
                let choices = self.choices(obj)?;
                let p = &mut self.problems;
                let (min_items, max_items) = (
                    obj.opt_u32("minItems", 0, MAX_ITEMS_LIMIT, p),
                    obj.opt_u32("maxItems", 1, MAX_ITEMS_LIMIT, p),
                );
                FieldKind::MultiSelect { choices, min_items, max_items }
            }
            "group" => FieldKind::Group(Box::new(self.group(obj, "fields")?)),
            "repeat" | "table" => FieldKind::Repeat(Box::new(self.repeat(obj, name == "table")?)),
            "computed" => {
                let expression = self.expr(obj, "expression", true)?;
                let ty = match obj.req_str("type", &mut self.problems)? {
                    "number" => Type::Number,
                    "text" => Type::Text,
                    "boolean" => Type::Bool,
                    "date" => Type::Date,
                    other => {
                        self.problems.push(
                            Issue::error(obj.at("type"), Code::TemplateInvalidValue)
                                .with("value", other)
                                .with("expected", "number, text, boolean or date"),
                        );
                        return None;
                    }
                };
                let scale = obj.opt_u32("scale", 0, 10, &mut self.problems);
                FieldKind::Computed { expression, ty, scale }
            }
            _ => return None,
        })
    }

    fn number(&mut self, obj: &Obj, kind: &str) -> NumberRules {
        let p = &mut self.problems;
        let (kind, default_min, default_max, default_scale): (&'static str, _, _, u32) = match kind
        {
            "integer" => ("integer", None, None, 0),
            "money" => ("money", Some(Decimal::ZERO), Some(Decimal::new(99_999_999_999, 2)), 2),
            "percentage" => ("percentage", Some(Decimal::ZERO), Some(Decimal::ONE_HUNDRED), 2),
            _ => ("decimal", None, None, 2),
        };
        let scale = if kind == "integer" || kind == "money" {
            default_scale
        } else {
            obj.opt_u32("scale", 0, 10, p).unwrap_or(default_scale)
        };
        let rules = NumberRules {
            kind,
            min: obj.opt_decimal("min", p).or(default_min),
            max: obj.opt_decimal("max", p).or(default_max),
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
        rules
    }

    fn choices(&mut self, obj: &Obj) -> Option<Choices> {
        match (obj.map.get("options"), obj.map.get("codeList")) {
            (Some(options), None) if options.is_array() => {
                Some(Choices::Static(self.options(options, &obj.at("options"))))
            }
            (None, Some(Value::String(name))) if self.code_lists.contains_key(name) => {
                Some(Choices::Named(name.clone()))
            }
            (None, Some(Value::String(name))) => {
                self.problems.push(
                    Issue::error(obj.at("codeList"), Code::TemplateInvalidValue)
                        .with("value", name.as_str())
                        .with("expected", "a code list declared in the template's codeLists"),
                );
                None
            }
            _ => {
                self.problems.push(
                    Issue::error(obj.path.clone(), Code::TemplateMissing)
                        .with("property", "options (an array) or codeList (a name)"),
                );
                None
            }
        }
    }

    fn repeat(&mut self, obj: &Obj, table: bool) -> Option<Repeat> {
        let (key, min_key, max_key) = if table {
            ("columns", "minRows", "maxRows")
        } else {
            ("fields", "minItems", "maxItems")
        };
        let p = &mut self.problems;
        let min_items = obj.opt_u32(min_key, 0, MAX_ITEMS_LIMIT, p).unwrap_or(0);
        let max_items = obj.opt_u32(max_key, 1, MAX_ITEMS_LIMIT, p).unwrap_or(MAX_ITEMS_LIMIT);
        if min_items > max_items {
            p.push(
                Issue::error(obj.at(min_key), Code::TemplateInvalidValue)
                    .with("expected", format!("not above {max_key}")),
            );
        }
        let numbering = self.opt_string(obj, "numbering");
        let number_as = self.opt_string(obj, "numberAs");
        let numbering_when = self.numbering_cases(obj);
        let rows_from = self.expr(obj, "rowsFrom", false);
        let item = self.group(obj, key)?;
        if table {
            for field in &item.fields {
                if matches!(field.kind, FieldKind::Group(_) | FieldKind::Repeat(_)) {
                    self.problems.push(
                        Issue::error(field.source.clone(), Code::TemplateInvalidValue).with(
                            "expected",
                            "a table column holds one value, not a group or list",
                        ),
                    );
                }
            }
        }
        let (totals, row_totals) =
            if table { self.totals(obj, &item) } else { (Vec::new(), false) };
        Some(Repeat {
            item,
            min_items,
            max_items,
            numbering,
            number_as,
            numbering_when,
            table,
            rows_from,
            totals,
            row_totals,
        })
    }

    /// A table's `totals` (column ids, each a number column) and
    /// `rowTotals`; without `totals`, the `money` columns are totalled.
    fn totals(&mut self, obj: &Obj, item: &super::Group) -> (Vec<usize>, bool) {
        let row_totals = obj.flag("rowTotals", &mut self.problems);
        let numeric = |f: &super::Field| match &f.kind {
            FieldKind::Number(_) => true,
            FieldKind::Computed { ty, .. } => *ty == Type::Number,
            _ => false,
        };
        let Some(listed) = obj.map.get("totals") else {
            let money = item.fields.iter().enumerate();
            let money =
                money.filter(|(_, f)| matches!(&f.kind, FieldKind::Number(r) if r.kind == "money"));
            return (money.map(|(slot, _)| slot).collect(), row_totals);
        };
        let Some(ids) = listed.as_array() else {
            self.problems.push(wrong_type(&obj.at("totals"), "an array of column ids"));
            return (Vec::new(), row_totals);
        };
        let mut slots = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match id.as_str().and_then(|id| item.field(id)) {
                Some((slot, field)) if numeric(field) => slots.push(slot),
                _ => self.problems.push(
                    Issue::error(format!("{}/{i}", obj.at("totals")), Code::TemplateInvalidValue)
                        .with("expected", "the id of a number column"),
                ),
            }
        }
        (slots, row_totals)
    }

    /// `numberingWhen`: `[{"when": expression, "numbering": "LP{n}"}, …]`.
    fn numbering_cases(&mut self, obj: &Obj) -> Vec<NumberingCase> {
        let Some(v) = obj.map.get("numberingWhen") else { return Vec::new() };
        let path = obj.at("numberingWhen");
        let Some(list) = v.as_array() else {
            self.problems.push(wrong_type(&path, "array"));
            return Vec::new();
        };
        let mut cases = Vec::new();
        for (i, c) in list.iter().enumerate() {
            let p = crate::issue::pointer_push(&path, &i.to_string());
            let Some(o) = object(c, &p, &["when", "numbering"], &mut self.problems) else {
                continue;
            };
            let when = self.expr(&o, "when", true);
            let numbering = o.req_str("numbering", &mut self.problems).map(str::to_owned);
            if let (Some(when), Some(numbering)) = (when, numbering) {
                cases.push(NumberingCase { when, numbering });
            }
        }
        cases
    }
}
