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
pub(crate) mod plan;

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
    /// Values of the template's parameters (`$name`), in the order the
    /// expressions were compiled against (borrowed from a form, which keeps
    /// them).
    pub params: std::borrow::Cow<'a, [Value]>,
}

impl<'a> Context<'a> {
    /// The template's own defaults: its input languages, everything visible.
    pub fn of(template: &'a Template) -> Self {
        let params = param_values(template, None).into();
        Context {
            template,
            languages: &template.input_languages,
            code_lists: None,
            config: None,
            params,
        }
    }

    /// The template under a call configuration, at `step`: the
    /// configuration's input languages, visibility and parameters apply
    /// (the call parameters `$step` and `$hiddenIds` those of `step`).
    pub fn configured(
        template: &'a Template,
        config: &'a crate::config::Config,
        step: crate::config::Step,
    ) -> Self {
        let params = if config.step() == step {
            param_values(template, Some(config))
        } else {
            param_values(template, Some(&config.clone().at_step(step)))
        }
        .into();
        Context {
            template,
            languages: config.input_languages(),
            code_lists: None,
            config: Some((config, step)),
            params,
        }
    }

    /// The environment expressions see at the current point of a walk.
    pub fn env<'e>(&'e self, frames: &'e Frames<'e>) -> crate::expr::Env<'e> {
        crate::expr::Env {
            records: &frames.records,
            positions: &frames.positions,
            params: &self.params,
            languages: self.languages,
        }
    }

    /// Whether a condition holds here (`default` when its expression could
    /// not be compiled; a null result counts as false).
    #[inline(always)]
    pub fn holds(&self, c: &Cond, default: bool, frames: &Frames) -> bool {
        // Fixed conditions are the common case and cost no call.
        match c {
            Cond::Fixed(b) => *b,
            Cond::Expr(e) => self.holds_expr(e, default, frames),
        }
    }

    #[inline(never)]
    fn holds_expr(&self, e: &crate::template::ExprSource, default: bool, frames: &Frames) -> bool {
        e.compiled.as_ref().map_or(default, |x| x.is_true(&self.env(frames)))
    }

    /// The limits the call configuration sets for `field` in the record at
    /// data `path` (only for limits the template lets calls change).
    #[inline]
    pub fn limits_for(&self, field: &Field, path: &Path) -> Option<crate::config::LimitOverride> {
        if field.configurable.is_empty() {
            return None;
        }
        let (config, _) = self.config?;
        if config.limits().is_empty() {
            return None;
        }
        // The schema pointer: the data pointer without list indices.
        let pointer = path.pointer_to(&field.id);
        let schema = pointer
            .split('/')
            .filter(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()))
            .fold(String::new(), |p, s| format!("{p}/{s}"));
        let o = config.limits().for_field(&schema)?;
        let allowed = |name: &str| field.configurable.contains(&name);
        Some(crate::config::LimitOverride {
            max_length: o.max_length.filter(|_| allowed("maxLength")),
            min: o.min.filter(|_| allowed("min")),
            max: o.max.filter(|_| allowed("max")),
            max_items: o.max_items.filter(|_| allowed("maxItems")),
        })
    }

    /// Whether the call configuration shows what carries `visibility_id`.
    #[inline(always)]
    pub fn configured_visible(&self, visibility_id: &Option<String>) -> bool {
        match (self.config, visibility_id) {
            (Some((config, step)), Some(id)) => config.field_visible(id, step),
            _ => true,
        }
    }
}

/// The records enclosing the current point of a walk (root first) and the
/// 1-based positions of the list items among them (`positions[k - 1]` for
/// `records[k]`).
#[derive(Debug, Default)]
pub struct Frames<'r> {
    /// Enclosing records, root first.
    pub records: Vec<&'r Record>,
    /// Positions, one per record after the root.
    pub positions: Vec<usize>,
}

impl<'r> Frames<'r> {
    /// Frames at the root.
    pub fn root(root: &'r Record) -> Self {
        Frames { records: vec![root], positions: Vec::new() }
    }

    /// The current record.
    #[inline(always)]
    pub fn current(&self) -> &'r Record {
        self.records[self.records.len() - 1]
    }

    #[inline(always)]
    fn enter(&mut self, record: &'r Record, position: Option<usize>) {
        let pos = position.unwrap_or_else(|| self.positions.last().copied().unwrap_or(1));
        self.records.push(record);
        self.positions.push(pos);
    }

    #[inline(always)]
    fn leave(&mut self) {
        self.records.pop();
        self.positions.pop();
    }
}

/// Parameter values in compile order: the configuration's, else each
/// declaration's default, else null.
pub fn param_values(template: &Template, config: Option<&crate::config::Config>) -> Vec<Value> {
    if !cfg!(feature = "expressions") {
        // Without the expression language nothing reads parameters (and
        // their code stays out of the build).
        return Vec::new();
    }
    template
        .parameters
        .types()
        .iter()
        .map(|(name, _)| {
            config
                .and_then(|c| c.parameter(name).cloned())
                .or_else(|| template.parameters.get(name).and_then(|d| d.default.clone()))
                .unwrap_or(Value::Null)
        })
        .collect()
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
    let mut frames = Frames::root(root);
    let t = ctx.template;
    // Root fields in form order: section by section.
    for section in &t.sections {
        let shown = ctx.holds(&section.visible, true, &frames)
            && ctx.configured_visible(&section.visibility_id);
        for item in &section.items {
            if let (Item::Field(slot), true) = (item, shown) {
                check_slot(ctx, &t.root, &mut frames, *slot, &mut path, &mut out, None);
            }
        }
    }
    check_rules(ctx, &t.root, &frames, &path, &mut out);
    unknown_keys(root, &path, &mut out);
    out
}

/// Checks the field in `slot` of the current record and what it holds;
/// for a list, of its items only item `only` when given.
fn check_slot<'a, 'r>(
    ctx: &Context,
    group: &'a Group,
    frames: &mut Frames<'r>,
    slot: usize,
    path: &mut Path<'a>,
    out: &mut Vec<Issue>,
    only: Option<usize>,
) {
    let field: &'a Field = &group.fields[slot];
    if !ctx.holds(&field.visible, true, frames) || !ctx.configured_visible(&field.visibility_id) {
        return;
    }
    let value: &'r Value = frames.current().slots.get(slot).unwrap_or(&Value::Null);
    let required = ctx.holds(&field.required, false, frames);
    // The field's pointer is only rendered when it has a finding.
    let limits = ctx.limits_for(field, path);
    field::check_value(
        ctx,
        field,
        value,
        required,
        limits.as_ref(),
        &|| path.pointer_to(&field.id),
        out,
    );
    if !matches!(field.kind, FieldKind::Group(_) | FieldKind::Repeat(_)) {
        return;
    }
    path.with(Seg::Key(&field.id), |path| match (&field.kind, value) {
        (FieldKind::Group(g), Value::Record(r)) => {
            frames.enter(r, None);
            check_record(ctx, g, frames, path, out);
            frames.leave();
        }
        (FieldKind::Repeat(rep), Value::List(items)) => {
            let count = |code: Code, limit: u32| {
                let key = if code == Code::ListTooFew { "min" } else { "max" };
                Issue::error(path.pointer(), code).with("count", items.len()).with(key, limit)
            };
            if items.len() < rep.min_items as usize {
                out.push(count(Code::ListTooFew, rep.min_items));
            }
            let max_items = limits.as_ref().and_then(|l| l.max_items).unwrap_or(rep.max_items);
            if items.len() > max_items as usize {
                out.push(count(Code::ListTooMany, max_items));
            }
            // Items whose every check is planned (and that have no rules)
            // need no frames or path unless something is found.
            let planned = rep.item.rules.is_empty()
                && rep.item.plan.len() == rep.item.fields.len()
                && rep.item.plan.iter().all(|c| *c != plan::Check::General);
            for (i, item) in items.iter().enumerate() {
                if only.is_some_and(|o| o != i) {
                    continue;
                }
                if let (true, Value::Record(r)) = (planned, item) {
                    check_planned_item(ctx, &rep.item, frames, r, i, path, out);
                    continue;
                }
                path.with(Seg::Index(i), |path| match item {
                    Value::Record(r) => {
                        frames.enter(r, Some(i + 1));
                        check_record(ctx, &rep.item, frames, path, out);
                        frames.leave();
                    }
                    _ => out.push(
                        Issue::error(path.pointer(), Code::WrongType).with("expected", "object"),
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
    });
}

fn check_record<'a>(
    ctx: &Context,
    group: &'a Group,
    frames: &mut Frames,
    path: &mut Path<'a>,
    out: &mut Vec<Issue>,
) {
    let record = frames.current();
    if group.plan.len() == group.fields.len() {
        for (slot, check) in group.plan.iter().enumerate() {
            let value = record.slots.get(slot).unwrap_or(&Value::Null);
            let at = || path.pointer_to(&group.fields[slot].id);
            if !check.run(ctx, value, &at, out) {
                check_slot(ctx, group, frames, slot, path, out, None);
            }
        }
    } else {
        for slot in 0..group.fields.len() {
            check_slot(ctx, group, frames, slot, path, out, None);
        }
    }
    check_rules(ctx, group, frames, path, out);
    unknown_keys(frames.current(), path, out);
}

/// Checks item `i` of a list, a record of `group` whose fields are all
/// planned and which has no rules: the enclosing frames and path are only
/// entered for a value the plan leaves to the general path, or for keys
/// no field declares.
fn check_planned_item<'a, 'r>(
    ctx: &Context,
    group: &'a Group,
    frames: &mut Frames<'r>,
    record: &'r Record,
    i: usize,
    path: &mut Path<'a>,
    out: &mut Vec<Issue>,
) {
    for (slot, check) in group.plan.iter().enumerate() {
        let value = record.slots.get(slot).unwrap_or(&Value::Null);
        let at = || {
            let item = crate::issue::pointer_push(&path.pointer(), &i.to_string());
            crate::issue::pointer_push(&item, &group.fields[slot].id)
        };
        if !check.run(ctx, value, &at, out) {
            path.with(Seg::Index(i), |path| {
                frames.enter(record, Some(i + 1));
                check_slot(ctx, group, frames, slot, path, out, None);
                frames.leave();
            });
        }
    }
    if !record.extra.is_empty() {
        path.with(Seg::Index(i), |path| unknown_keys(record, path, out));
    }
}

/// Each rule of `group` on the current record: where `when` holds and
/// `assert` is false, a finding with the rule's code (a null result means
/// the rule cannot be judged yet, and is no finding).
fn check_rules(ctx: &Context, group: &Group, frames: &Frames, path: &Path, out: &mut Vec<Issue>) {
    for rule in &group.rules {
        let target = match &rule.field {
            Some(f) => path.pointer_to(f),
            None => path.pointer(),
        };
        out.extend(check_rule(ctx, rule, frames, target));
    }
}

/// One rule on the current record of `frames`: where `when` holds and
/// `assert` is false, a finding at `target` with the rule's own code (a null
/// result means the rule cannot be judged yet, and is no finding).
pub fn check_rule(
    ctx: &Context,
    rule: &crate::template::Rule,
    frames: &Frames,
    target: String,
) -> Option<Issue> {
    let env = ctx.env(frames);
    let applies =
        rule.when.as_ref().is_none_or(|w| w.compiled.as_ref().is_some_and(|x| x.is_true(&env)));
    let broken = applies
        && rule.assert.compiled.as_ref().is_some_and(|x| x.eval(&env) == Value::Bool(false));
    broken.then(|| {
        let mut issue = Issue::error(target, Code::Rule(rule.code.as_str().into()))
            .with("rule", rule.id.as_str());
        issue.severity = rule.severity;
        issue
    })
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

/// Whether everything enclosing the field in `slot` of the record at
/// `route` is shown: its section (for a root field) or the section of the
/// route's first field, and every group or list on the route (by its
/// `visible` condition and the call configuration). A field inside a hidden
/// container is not validated, as in a full validation.
pub fn enclosing_shown(
    ctx: &Context,
    root: &Record,
    route: &[(usize, Option<usize>)],
    slot: usize,
) -> bool {
    let t = ctx.template;
    let root_slot = route.first().map_or(slot, |&(s, _)| s);
    let root_frames = Frames::root(root);
    let section_shown = t.sections.iter().all(|section| {
        !section.items.contains(&Item::Field(root_slot))
            || (ctx.holds(&section.visible, true, &root_frames)
                && ctx.configured_visible(&section.visibility_id))
    });
    if !section_shown {
        return false;
    }
    let mut group = &t.root;
    for (depth, &(s, _)) in route.iter().enumerate() {
        let Some(field) = group.fields.get(s) else { return false };
        let Some(frames) = crate::form::frames_at(root, &route[..depth]) else { return false };
        if !ctx.holds(&field.visible, true, &frames)
            || !ctx.configured_visible(&field.visibility_id)
        {
            return false;
        }
        group = match &field.kind {
            FieldKind::Group(g) => g,
            FieldKind::Repeat(rep) => &rep.item,
            _ => return false,
        };
    }
    true
}

/// Validates one field instance (and everything inside it): the field in
/// `slot` of the current record of `frames` (a record of `group` found at
/// pointer segments `base`). When the field is a list and `only` is given,
/// of its items only item `only` is validated (the list's own checks always
/// are): after an item is appended, the others' findings stand.
pub fn validate_slot_only(
    ctx: &Context,
    group: &Group,
    mut frames: Frames,
    slot: usize,
    base: &[String],
    only: Option<usize>,
) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut path = Path::root();
    #[allow(clippy::too_many_arguments)]
    fn nest<'a>(
        ctx: &Context,
        group: &'a Group,
        frames: &mut Frames,
        slot: usize,
        base: &'a [String],
        path: &mut Path<'a>,
        out: &mut Vec<Issue>,
        only: Option<usize>,
    ) {
        match base.split_first() {
            None => check_slot(ctx, group, frames, slot, path, out, only),
            Some((seg, rest)) => {
                let seg = match seg.parse::<usize>() {
                    Ok(i) if *seg == i.to_string() => Seg::Index(i),
                    _ => Seg::Key(seg),
                };
                path.with(seg, |path| nest(ctx, group, frames, slot, rest, path, out, only))
            }
        }
    }
    nest(ctx, group, &mut frames, slot, base, &mut path, &mut out, only);
    out
}
