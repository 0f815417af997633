//! Resolving a JSON pointer of the data document to the field it names, by
//! walking the template alongside the records.

use crate::template::{Field, FieldKind, Group};
use crate::value::{Record, Value};

/// A field instance found by pointer.
pub struct Located<'t> {
    /// The field.
    pub field: &'t Field,
    /// Its slot in the enclosing record.
    pub slot: usize,
    /// The route from the root: `(slot, item index)` pairs, the index being
    /// `Some` when the slot holds a list whose item was entered.
    pub route: Vec<(usize, Option<usize>)>,
    /// Pointer segments left after the field (inside a value: `0/translation`).
    pub rest: Vec<String>,
}

/// Splits a JSON pointer into unescaped segments; `None` if malformed.
pub fn segments(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let body = pointer.strip_prefix('/')?;
    Some(body.split('/').map(|s| s.replace("~1", "/").replace("~0", "~")).collect())
}

/// Finds the field a pointer names (or lies inside), following the data so
/// that list indices are checked against what exists.
pub fn locate<'t>(root: &'t Group, record: &Record, pointer: &str) -> Option<Located<'t>> {
    let segs = segments(pointer)?;
    let mut group = root;
    let mut rec = record;
    let mut route = Vec::new();
    let mut i = 0;
    loop {
        let (slot, field) = group.field(segs.get(i)?)?;
        i += 1;
        let value = rec.slots.get(slot)?;
        match (&field.kind, value) {
            (FieldKind::Group(g), Value::Record(r)) if i < segs.len() => {
                route.push((slot, None));
                group = g;
                rec = r;
            }
            (FieldKind::Repeat(rep), Value::List(items)) if i < segs.len() => {
                let index: usize =
                    segs[i].parse().ok().filter(|n: &usize| segs[i] == n.to_string())?;
                let Value::Record(r) = items.get(index)? else { return None };
                i += 1;
                route.push((slot, Some(index)));
                if i == segs.len() {
                    // The pointer names an item, not a field of it.
                    return None;
                }
                group = &rep.item;
                rec = r;
            }
            _ => return Some(Located { field, slot, route, rest: segs[i..].to_vec() }),
        }
    }
}

/// The record a route leads to, for changing it.
pub fn record_mut<'r>(
    root: &'r mut Record,
    route: &[(usize, Option<usize>)],
) -> Option<&'r mut Record> {
    let mut rec = root;
    for &(slot, index) in route {
        rec = match (rec.slots.get_mut(slot)?, index) {
            (Value::Record(r), None) => r,
            (Value::List(items), Some(i)) => match items.get_mut(i)? {
                Value::Record(r) => r,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(rec)
}

/// One step of a route: the record in `slot` (a group), or item `index`
/// of the list in `slot`.
fn step(rec: &Record, slot: usize, index: Option<usize>) -> Option<&Record> {
    match (rec.slots.get(slot)?, index) {
        (Value::Record(r), None) => Some(r),
        (Value::List(items), Some(i)) => match items.get(i)? {
            Value::Record(r) => Some(r),
            _ => None,
        },
        _ => None,
    }
}

/// The frames (enclosing records and item positions) of the record a route
/// leads to, for evaluating expressions there.
pub fn frames_at<'r>(
    root: &'r Record,
    route: &[(usize, Option<usize>)],
) -> Option<crate::validate::Frames<'r>> {
    let mut frames = crate::validate::Frames::root(root);
    let mut rec = root;
    for &(slot, index) in route {
        rec = step(rec, slot, index)?;
        let pos =
            index.map(|i| i + 1).unwrap_or_else(|| frames.positions.last().copied().unwrap_or(1));
        frames.records.push(rec);
        frames.positions.push(pos);
    }
    Some(frames)
}

/// The record a route leads to.
pub fn record_at<'r>(root: &'r Record, route: &[(usize, Option<usize>)]) -> Option<&'r Record> {
    route.iter().try_fold(root, |rec, &(slot, index)| step(rec, slot, index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_unescapes() {
        assert_eq!(segments(""), Some(vec![]));
        assert_eq!(segments("/a~1b/0/c~0"), Some(vec!["a/b".into(), "0".into(), "c~".into()]));
        assert_eq!(segments("a"), None);
    }
}
