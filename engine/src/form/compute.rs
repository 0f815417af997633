//! Computed fields: each is evaluated in the scope of its record (the
//! record's fields, then the enclosing records', then parameters). A
//! computed value may read other computed values, so passes repeat until
//! none changes; a chain can be no longer than the number of computed
//! fields, which bounds the passes.

use super::locate::record_mut;
use crate::template::{FieldKind, Group};
use crate::validate::{Context, Frames};
use crate::value::{Record, Value};

type Route = Vec<(usize, Option<usize>)>;

/// Fills every computed value of `root`; returns the routes and slots that changed.
pub fn compute_all(ctx: &Context, root: &mut Record) -> Vec<(Route, usize)> {
    let passes = count(&ctx.template.root) + 1;
    let mut changed: Vec<(Route, usize)> = Vec::new();
    for _ in 0..passes {
        let mut updates = Vec::new();
        let mut frames = Frames::root(root);
        collect(ctx, &ctx.template.root, &mut frames, &mut Vec::new(), &mut updates);
        if updates.is_empty() {
            break;
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

fn collect<'r>(
    ctx: &Context,
    group: &Group,
    frames: &mut Frames<'r>,
    route: &mut Route,
    out: &mut Vec<(Route, usize, Value)>,
) {
    let record: &'r Record = frames.current();
    for (slot, field) in group.fields.iter().enumerate() {
        let current = record.slots.get(slot).unwrap_or(&Value::Null);
        match (&field.kind, current) {
            (FieldKind::Computed { expression, .. }, _) => {
                if let Some(expr) = &expression.compiled {
                    let value = expr.eval(&ctx.env(frames));
                    if value != *current {
                        out.push((route.clone(), slot, value));
                    }
                }
            }
            (FieldKind::Group(inner), Value::Record(r)) => {
                frames.records.push(r);
                frames.positions.push(frames.positions.last().copied().unwrap_or(1));
                route.push((slot, None));
                collect(ctx, inner, frames, route, out);
                route.pop();
                frames.records.pop();
                frames.positions.pop();
            }
            (FieldKind::Repeat(rep), Value::List(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Record(r) = item {
                        frames.records.push(r);
                        frames.positions.push(i + 1);
                        route.push((slot, Some(i)));
                        collect(ctx, &rep.item, frames, route, out);
                        route.pop();
                        frames.records.pop();
                        frames.positions.pop();
                    }
                }
            }
            _ => {}
        }
    }
}
