//! The numbers list items show (`WP2`, `A2.3`, `D1.4.2`), from their list's
//! `numbering` and the numbers of the items enclosing them.

use super::FormState;
use super::locate::segments;
use crate::template::{FieldKind, numbering::render};
use crate::validate::Frames;
use crate::value::Value;

impl FormState {
    /// The number the list item at `pointer` shows, e.g. `A2.3` for
    /// `/workPackages/1/activities/2` when work packages are numbered
    /// `WP{n}` with `"numberAs": "wp"` and activities `A{wp}.{n}`. `None`
    /// when the pointer is not an item of a list, or its list has no
    /// numbering.
    pub fn item_number(&self, pointer: &str) -> Option<String> {
        let segs = segments(pointer)?;
        let mut group = &self.template.root;
        let mut record = &self.root;
        let mut frames = Frames::root(&self.root);
        let mut enclosing: Vec<(&str, usize)> = Vec::new();
        let mut i = 0;
        loop {
            let (slot, field) = group.field(segs.get(i)?)?;
            i += 1;
            match (&field.kind, record.slots.get(slot)?) {
                (FieldKind::Group(g), Value::Record(r)) => {
                    group = g;
                    record = r;
                    let position = frames.positions.last().copied().unwrap_or(1);
                    frames.records.push(r);
                    frames.positions.push(position);
                }
                (FieldKind::Repeat(rep), Value::List(items)) => {
                    let seg = segs.get(i)?;
                    let index: usize =
                        seg.parse().ok().filter(|n: &usize| *seg == n.to_string())?;
                    let Value::Record(r) = items.get(index)? else { return None };
                    i += 1;
                    frames.records.push(r);
                    frames.positions.push(index + 1);
                    if i == segs.len() {
                        // The first case whose condition holds for the item,
                        // else the list's own numbering.
                        let ctx = self.context();
                        let env = ctx.env(&frames);
                        let case = rep
                            .numbering_when
                            .iter()
                            .find(|c| c.when.compiled.as_ref().is_some_and(|e| e.is_true(&env)));
                        let numbering = case.map(|c| &c.numbering).or(rep.numbering.as_ref());
                        return numbering.map(|n| render(n, index + 1, &enclosing));
                    }
                    if let Some(name) = rep.number_as.as_deref() {
                        enclosing.push((name, index + 1));
                    }
                    group = &rep.item;
                    record = r;
                }
                _ => return None,
            }
        }
    }
}
