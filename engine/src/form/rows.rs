//! Generated lists (`rowsFrom`): a list whose items follow from the data,
//! such as one row per project period or per call fund. The expression gives
//! the keys; the list becomes one item per key, in that order, the key in
//! the item's first field. An item already there with that key is kept as
//! it is (its other values too), so only items whose key is no longer given
//! go; such lists hold computed values, which computing fills in the next
//! pass.

use super::compute::{Route, walk};
use crate::template::{FieldKind, Group, Repeat};
use crate::validate::{Context, Frames};
use crate::value::{Record, Value};

/// The list `rep` should hold when it is `current`, if that differs.
pub(super) fn generated(
    ctx: &Context,
    rep: &Repeat,
    frames: &Frames,
    current: &Value,
) -> Option<Value> {
    let expr = rep.rows_from.as_ref()?.compiled.as_ref()?;
    let keys = match expr.eval(&ctx.env(frames)) {
        Value::List(keys) => keys,
        _ => Vec::new(),
    };
    let items = match current {
        Value::List(items) => &items[..],
        _ => &[],
    };
    let is_key = |item: &Value, key: &Value| match item {
        Value::Record(r) => r.slots.first() == Some(key),
        _ => false,
    };
    // The usual case, checked without copying: the items are the keys'.
    if keys.len() == items.len() && keys.iter().zip(items).all(|(k, item)| is_key(item, k)) {
        return None;
    }
    let rows: Vec<Value> = keys
        .into_iter()
        .map(|key| match items.iter().find(|item| is_key(item, &key)) {
            Some(item) => item.clone(),
            None => {
                let mut slots = vec![Value::Null; rep.item.fields.len().max(1)];
                slots[0] = key;
                Value::Record(Record { slots, ..Default::default() })
            }
        })
        .collect();
    // No keys and no list: nothing to write.
    (!(rows.is_empty() && matches!(current, Value::Null))).then_some(Value::List(rows))
}

/// Whether some generated list of `root` is not what its keys say (after an
/// edit: then everything is computed again).
pub(super) fn pending(ctx: &Context, root: &Record) -> bool {
    let mut found = false;
    let mut visit =
        |field: &crate::template::Field, _, current: &Value, frames: &Frames, _: &Route| {
            if let FieldKind::Repeat(rep) = &field.kind {
                found |= !found && generated(ctx, rep, frames, current).is_some();
            }
        };
    walk(&ctx.template.root, &mut Frames::root(root), &mut Vec::new(), &generates, &mut visit);
    found
}

/// Whether a group holds a generated list, at any depth.
pub(super) fn generates(g: &Group) -> bool {
    g.fields.iter().any(|f| match &f.kind {
        FieldKind::Group(inner) => generates(inner),
        FieldKind::Repeat(r) => r.rows_from.is_some() || generates(&r.item),
        _ => false,
    })
}
