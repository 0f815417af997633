//! Computed fields: each is evaluated in the scope of its record (the
//! record's fields, then the enclosing records', then parameters). A
//! computed value may read other computed values, so passes repeat until
//! none changes; a chain can be no longer than the number of computed
//! fields, which bounds the passes. Generated lists (`rows.rs`) change only
//! once the values are settled (so their keys are never read from a stale
//! value, which would drop items), then the values settle again.

use super::locate::record_mut;
use super::rows;
use crate::template::{Field, FieldKind, Group};
use crate::validate::{Context, Frames};
use crate::value::{Record, Value};

pub(super) type Route = Vec<(usize, Option<usize>)>;

/// Fills every computed value of `root` (and every generated list);
/// returns the routes and slots that changed.
pub fn compute_all(ctx: &Context, root: &mut Record) -> Vec<(Route, usize)> {
    compute_in(ctx, root, &[])
}

/// Fills the computed values (and generated lists) of the record `start`
/// leads to and of the records inside it, in their scope (the enclosing
/// records' values are read, not changed): a new list item's own values.
/// Returns the routes and slots that changed.
pub fn compute_in(
    ctx: &Context,
    root: &mut Record,
    start: &[(usize, Option<usize>)],
) -> Vec<(Route, usize)> {
    let Some(group) = super::propagate::group_at(&ctx.template.root, start) else {
        return Vec::new();
    };
    let (values, lists) = (count(group), generated(group));
    let passes = (values + 1) * (lists + 1);
    let mut changed: Vec<(Route, usize)> = Vec::new();
    for _ in 0..passes {
        let (mut updates, mut rows) = (Vec::new(), Vec::new());
        let Some(mut frames) = super::locate::frames_at(root, start) else { break };
        let mut visit = |field: &Field, slot, current: &Value, frames: &Frames, route: &Route| {
            let (value, into) = match &field.kind {
                FieldKind::Computed { expression, .. } => {
                    (expression.compiled.as_ref().map(|e| e.eval(&ctx.env(frames))), &mut updates)
                }
                FieldKind::Repeat(rep) => (rows::generated(ctx, rep, frames, current), &mut rows),
                _ => return,
            };
            if let Some(value) = value.filter(|v| v != current) {
                into.push((route.clone(), slot, value));
            }
        };
        walk(group, &mut frames, &mut start.to_vec(), &|_| true, &mut visit);
        if updates.is_empty() {
            if rows.is_empty() {
                break;
            }
            updates = rows;
        }
        for (route, slot, value) in updates {
            if let Some(r) = record_mut(root, &route) {
                r.slots[slot] = value;
            }
            if !changed.iter().any(|(r, s)| *r == route && *s == slot) {
                changed.push((route, slot));
            }
        }
    }
    changed
}

/// How many computed fields a group holds, at any depth.
pub fn count(g: &Group) -> usize {
    g.fields
        .iter()
        .map(|f| match &f.kind {
            FieldKind::Computed { .. } => 1,
            FieldKind::Group(inner) => count(inner),
            FieldKind::Repeat(r) => count(&r.item),
            _ => 0,
        })
        .sum()
}

/// How many generated lists a group holds, at any depth.
fn generated(g: &Group) -> usize {
    g.fields
        .iter()
        .map(|f| match &f.kind {
            FieldKind::Group(inner) => generated(inner),
            FieldKind::Repeat(r) => generated(&r.item) + usize::from(r.rows_from.is_some()),
            _ => 0,
        })
        .sum()
}

/// A visit of one field instance: the field, its slot, its value, the
/// frames of its record and the route to that record.
pub(super) type Visit<'v> = dyn FnMut(&Field, usize, &Value, &Frames, &Route) + 'v;

/// Calls `visit` for every field instance of the records below `group`,
/// entering the groups and list items for which `enter` holds.
pub(super) fn walk<'r>(
    group: &Group,
    frames: &mut Frames<'r>,
    route: &mut Route,
    enter: &dyn Fn(&Group) -> bool,
    visit: &mut Visit<'_>,
) {
    let record: &'r Record = frames.current();
    for (slot, field) in group.fields.iter().enumerate() {
        let current = record.slots.get(slot).unwrap_or(&Value::Null);
        visit(field, slot, current, frames, route);
        let (inner, items): (&Group, &'r [Value]) = match (&field.kind, current) {
            (FieldKind::Group(inner), value @ Value::Record(_)) => {
                (inner, std::slice::from_ref(value))
            }
            (FieldKind::Repeat(rep), Value::List(items)) => (&rep.item, items),
            _ => continue,
        };
        if !enter(inner) {
            continue;
        }
        let in_list = matches!(field.kind, FieldKind::Repeat(_));
        for (i, item) in items.iter().enumerate() {
            if let Value::Record(r) = item {
                let position = frames.positions.last().copied().unwrap_or(1);
                frames.records.push(r);
                frames.positions.push(if in_list { i + 1 } else { position });
                route.push((slot, in_list.then_some(i)));
                walk(inner, frames, route, enter, visit);
                route.pop();
                frames.records.pop();
                frames.positions.pop();
            }
        }
    }
}
