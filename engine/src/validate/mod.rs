//! Validation of a data document against a template. Findings are data
//! ([`Issue`]s), never `Err`: a document with problems is still a document.
//!
//! The walk goes record by record: each visible field's value is checked
//! ([`field`]), groups and list items are entered, list lengths are checked,
//! and each record's cross-field rules are evaluated. Hidden fields (by
//! their `visible` condition, their section's, or the call configuration)
//! are not checked at all.

mod field;
pub mod path;

use crate::data::read_record;
use crate::issue::{Code, Issue};
use crate::template::{Cond, Field, FieldKind, Group, Item, Template};
use crate::value::{Record, Value};
use path::{Path, Seg};

/// What validation needs besides the template and the data.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// The template.
    pub template: &'a Template,
    /// Input languages in force (the call configuration's, else the template's).
    pub languages: &'a [String],
    /// Code lists supplied at run time for the template's `external` lists;
    /// without them, codes of those lists are not checked.
    pub code_lists: Option<&'a crate::codelists::CodeLists>,
    /// The call configuration and the application's step: fields it hides
    /// (per visibility id and step) are not validated.
    pub config: Option<(&'a crate::config::Config, crate::config::Step)>,
}

impl<'a> Context<'a> {
    /// The template's own defaults: its input languages, everything visible.
    pub fn of(template: &'a Template) -> Self {
        Context { template, languages: &template.input_languages, code_lists: None, config: None }
    }

    /// The template under a call configuration, at `step`: the
    /// configuration's input languages and visibility apply.
    pub fn configured(
        template: &'a Template,
        config: &'a crate::config::Config,
        step: crate::config::Step,
    ) -> Self {
        Context {
            template,
            languages: config.input_languages(),
            code_lists: None,
            config: Some((config, step)),
        }
    }

    /// Whether the call configuration shows what carries `visibility_id`.
    pub fn configured_visible(&self, visibility_id: Option<&str>) -> bool {
        match (self.config, visibility_id) {
            (Some((config, step)), Some(id)) => config.field_visible(id, step),
            _ => true,
        }
    }
}

/// Validates a whole JSON data document: one issue list, in form order.
/// A document that is not a JSON object gets one [`Code::DataNotObject`] error.
pub fn validate(template: &Template, data: &serde_json::Value) -> Vec<Issue> {
    validate_with(&Context::of(template), data)
}

/// [`validate`] in a given context (languages, code lists).
pub fn validate_with(ctx: &Context, data: &serde_json::Value) -> Vec<Issue> {
    if !data.is_object() {
        return vec![Issue::error("", Code::DataNotObject)];
    }
    let record = read_record(&ctx.template.root, data);
    validate_root(ctx, &record)
}

/// Validates a typed root record.
pub fn validate_root(ctx: &Context, root: &Record) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut path = Path::root();
    let t = ctx.template;
    // Root fields in form order: section by section.
    for section in &t.sections {
        let shown = cond(&section.visible, true)
            && ctx.configured_visible(section.visibility_id.as_deref());
        for item in &section.items {
            if let (Item::Field(slot), true) = (item, shown) {
                check_slot(ctx, &t.root, root, *slot, &mut path, &mut out);
            }
        }
    }
    check_rules(ctx, &t.root, root, &mut path, &mut out);
    unknown_keys(root, &path, &mut out);
    out
}

/// Whether a condition holds. Expressions are evaluated by the compiled form.
fn cond(c: &Cond, default: bool) -> bool {
    match c {
        Cond::Fixed(b) => *b,
        Cond::Expr(_) => default,
    }
}

fn check_slot<'a>(
    ctx: &Context,
    group: &'a Group,
    record: &Record,
    slot: usize,
    path: &mut Path<'a>,
    out: &mut Vec<Issue>,
) {
    let field: &'a Field = &group.fields[slot];
    if !cond(&field.visible, true) || !ctx.configured_visible(field.visibility_id.as_deref()) {
        return;
    }
    let value = record.slots.get(slot).unwrap_or(&Value::Null);
    let required = cond(&field.required, false);
    path.with(Seg::Key(&field.id), |path| {
        let at = || path.pointer();
        field::check_value(ctx, field, value, required, &at, out);
        match (&field.kind, value) {
            (FieldKind::Group(g), Value::Record(r)) => check_record(ctx, g, r, path, out),
            (FieldKind::Repeat(rep), Value::List(items)) => {
                if items.len() < rep.min_items as usize {
                    out.push(
                        Issue::error(path.pointer(), Code::ListTooFew)
                            .with("min", rep.min_items)
                            .with("count", items.len()),
                    );
                }
                if items.len() > rep.max_items as usize {
                    out.push(
                        Issue::error(path.pointer(), Code::ListTooMany)
                            .with("max", rep.max_items)
                            .with("count", items.len()),
                    );
                }
                for (i, item) in items.iter().enumerate() {
                    path.with(Seg::Index(i), |path| match item {
                        Value::Record(r) => check_record(ctx, &rep.item, r, path, out),
                        _ => out.push(
                            Issue::error(path.pointer(), Code::WrongType)
                                .with("expected", "object"),
                        ),
                    });
                }
            }
            (FieldKind::Repeat(rep), Value::Null) if rep.min_items > 0 => {
                out.push(
                    Issue::error(path.pointer(), Code::ListTooFew)
                        .with("min", rep.min_items)
                        .with("count", 0),
                );
            }
            _ => {}
        }
    });
}

fn check_record<'a>(
    ctx: &Context,
    group: &'a Group,
    record: &Record,
    path: &mut Path<'a>,
    out: &mut Vec<Issue>,
) {
    for slot in 0..group.fields.len() {
        check_slot(ctx, group, record, slot, path, out);
    }
    check_rules(ctx, group, record, path, out);
    unknown_keys(record, path, out);
}

fn check_rules(
    _ctx: &Context,
    _group: &Group,
    _record: &Record,
    _path: &mut Path,
    _out: &mut [Issue],
) {
    // Cross-field rules need compiled expressions: see `crate::form`.
}

fn unknown_keys(record: &Record, path: &Path, out: &mut Vec<Issue>) {
    for (key, _) in &record.extra {
        out.push(
            Issue::warning(path.pointer_to(key), Code::DataUnknownField).with("key", key.as_str()),
        );
    }
}

/// Whether a list of issues contains no error (warnings are allowed).
pub fn is_valid(issues: &[Issue]) -> bool {
    issues.iter().all(|i| i.severity != crate::Severity::Error)
}

/// Validates one field instance (and everything inside it): the field in
/// `slot` of `record`, a record of `group` found at pointer segments `base`.
pub fn validate_slot(
    ctx: &Context,
    group: &Group,
    record: &Record,
    slot: usize,
    base: &[String],
) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut path = Path::root();
    fn nest<'a>(
        ctx: &Context,
        group: &'a Group,
        record: &Record,
        slot: usize,
        base: &'a [String],
        path: &mut Path<'a>,
        out: &mut Vec<Issue>,
    ) {
        match base.split_first() {
            None => check_slot(ctx, group, record, slot, path, out),
            Some((seg, rest)) => {
                let seg = match seg.parse::<usize>() {
                    Ok(i) if *seg == i.to_string() => Seg::Index(i),
                    _ => Seg::Key(seg),
                };
                path.with(seg, |path| nest(ctx, group, record, slot, rest, path, out))
            }
        }
    }
    nest(ctx, group, record, slot, base, &mut path, &mut out);
    out
}
