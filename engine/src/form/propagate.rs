//! After a value changed: re-evaluate exactly the expressions that read it
//! (see `deps.rs`), in exactly the record instances concerned, and follow
//! computed values that change in turn.

use super::FormState;
use super::deps::Target;
use super::locate::{frames_at, record_at, record_mut};
use crate::issue::pointer_push;
use crate::template::{FieldKind, Group, Item};
use crate::validate::check_rule;
use crate::value::Value;

type Route = Vec<(usize, Option<usize>)>;

/// More steps than this means something is off (a cycle the compiler did
/// not catch): fall back to recomputing everything.
const MAX_STEPS: usize = 100_000;

impl FormState {
    /// Follows a change of the field in `slot` of the record at `route`;
    /// appends the pointers of every field instance whose view changed.
    pub(super) fn propagate(
        &mut self,
        route: &[(usize, Option<usize>)],
        slot: usize,
        changed: &mut Vec<String>,
    ) {
        self.propagate_from((route.to_vec(), slot, None), changed);
    }

    /// Follows the appending of item `index` to the list in `slot` of the
    /// record at `route`: what reads the list is re-evaluated, and of what
    /// lives in its items, only the new item's (the others read nothing new).
    pub(super) fn propagate_added(
        &mut self,
        route: &[(usize, Option<usize>)],
        slot: usize,
        index: usize,
        changed: &mut Vec<String>,
    ) {
        self.propagate_from((route.to_vec(), slot, Some(index)), changed);
    }

    /// The walk of [`FormState::propagate`] from a first change: a field in
    /// `slot` of the record at a route, or (with an item index) an item of
    /// the list there, whose index then fixes the instances in that list.
    fn propagate_from(&mut self, first: (Route, usize, Option<usize>), changed: &mut Vec<String>) {
        let mut queue: Vec<(Route, usize, Option<usize>)> = vec![first];
        let mut steps = 0;
        while let Some((r, s, item)) = queue.pop() {
            let schema: Vec<usize> = r.iter().map(|(x, _)| *x).chain([s]).collect();
            let at = match item {
                Some(i) => extend(&r, s, Some(i)),
                None => r.clone(),
            };
            for (index, anchor) in self.deps.affected(&schema) {
                let (owner, target) =
                    (self.deps.list[index].owner.clone(), self.deps.list[index].target);
                for inst in instances(&self.template.root, &self.root, &owner, &at, anchor) {
                    steps += 1;
                    if steps > MAX_STEPS {
                        changed.extend(self.revalidate_all());
                        return;
                    }
                    match target {
                        Target::Computed(slot) => {
                            if let Some(p) = self.recompute(&inst, slot) {
                                changed.extend(self.refresh_one(&p, &inst, slot));
                                queue.push((inst.clone(), slot, None));
                            }
                        }
                        Target::Cond(slot) => {
                            if let Some(p) = pointer_of(&self.template.root, &inst, slot) {
                                changed.extend(self.refresh_one(&p, &inst, slot));
                            }
                        }
                        Target::Rule(i) => changed.extend(self.recheck_rule(&inst, i)),
                        Target::Section(i) => {
                            let slots: Vec<usize> = self.template.sections[i]
                                .items
                                .iter()
                                .filter_map(
                                    |it| if let Item::Field(s) = it { Some(*s) } else { None },
                                )
                                .collect();
                            for s in slots {
                                let p = pointer_push("", &self.template.root.fields[s].id);
                                changed.extend(self.refresh_one(&p, &[], s));
                            }
                        }
                    }
                }
            }
        }
        super::findings::dedup_keep_first(changed);
    }

    /// Re-evaluates a computed field; its pointer when the value changed.
    fn recompute(&mut self, route: &[(usize, Option<usize>)], slot: usize) -> Option<String> {
        let group = group_at(&self.template.root, route)?;
        let FieldKind::Computed { expression, .. } = &group.fields.get(slot)?.kind else {
            return None;
        };
        let expr = expression.compiled.clone()?;
        let value = {
            let frames = frames_at(&self.root, route)?;
            let ctx = self.context();
            expr.eval(&ctx.env(&frames))
        };
        let record = record_mut(&mut self.root, route)?;
        if record.slots.get(slot) == Some(&value) {
            return None;
        }
        record.slots[slot] = value;
        pointer_of(&self.template.root, route, slot)
    }

    /// Re-checks rule `i` of the record at `route`; the pointer it concerns.
    fn recheck_rule(&mut self, route: &[(usize, Option<usize>)], i: usize) -> Option<String> {
        let group = group_at(&self.template.root, route)?;
        let rule = group.rules.get(i)?;
        let base = route_pointer(&self.template.root, route)?;
        let target = match &rule.field {
            Some(f) => pointer_push(&base, f),
            None => base,
        };
        let finding = {
            let frames = frames_at(&self.root, route)?;
            check_rule(&self.context(), rule, &frames, target.clone())
        };
        let before = super::rule_remove(&mut self.by_rule, &target, &rule.id);
        let changed = before != finding;
        if let Some(issue) = finding {
            super::rule_insert(&mut self.by_rule, issue);
        }
        changed.then_some(target)
    }
}

/// The owner instances an affected dependent must be re-evaluated in: every
/// instance of the owner record, except that the first `anchor` list steps
/// keep the changed item's index.
fn instances(
    root: &Group,
    data: &crate::value::Record,
    owner: &[usize],
    change: &[(usize, Option<usize>)],
    anchor: usize,
) -> Vec<Route> {
    let mut routes: Vec<Route> = vec![Vec::new()];
    let mut group = root;
    for (j, &slot) in owner.iter().enumerate() {
        let Some(field) = group.fields.get(slot) else { return Vec::new() };
        let fixed = if j < anchor {
            change.get(j).filter(|(s, _)| *s == slot).and_then(|(_, i)| *i)
        } else {
            None
        };
        let mut next = Vec::new();
        for r in &routes {
            let Some(rec) = record_at(data, r) else { continue };
            match (&field.kind, rec.slots.get(slot)) {
                (FieldKind::Group(_), Some(Value::Record(_))) => next.push(extend(r, slot, None)),
                (FieldKind::Repeat(_), Some(Value::List(items))) => {
                    let all = 0..items.len();
                    for i in all.filter(|i| fixed.is_none_or(|f| f == *i)) {
                        if matches!(items[i], Value::Record(_)) {
                            next.push(extend(r, slot, Some(i)));
                        }
                    }
                }
                _ => {}
            }
        }
        routes = next;
        group = match &field.kind {
            FieldKind::Group(g) => g,
            FieldKind::Repeat(rep) => &rep.item,
            _ => return Vec::new(),
        };
    }
    routes
}

fn extend(r: &Route, slot: usize, index: Option<usize>) -> Route {
    let mut out = r.clone();
    out.push((slot, index));
    out
}

/// The group a route leads to in the template.
pub(super) fn group_at<'t>(root: &'t Group, route: &[(usize, Option<usize>)]) -> Option<&'t Group> {
    let mut g = root;
    for &(slot, _) in route {
        g = match &g.fields.get(slot)?.kind {
            FieldKind::Group(inner) => inner,
            FieldKind::Repeat(rep) => &rep.item,
            _ => return None,
        };
    }
    Some(g)
}

/// The JSON pointer of the record a route leads to.
pub(super) fn route_pointer(root: &Group, route: &[(usize, Option<usize>)]) -> Option<String> {
    let mut group = root;
    let mut out = String::new();
    for &(s, index) in route {
        let field = group.fields.get(s)?;
        out = pointer_push(&out, &field.id);
        group = match (&field.kind, index) {
            (FieldKind::Group(g), None) => g,
            (FieldKind::Repeat(r), Some(i)) => {
                out = pointer_push(&out, &i.to_string());
                &r.item
            }
            _ => return None,
        };
    }
    Some(out)
}

/// The JSON pointer of the field in `slot` of the record a route leads to.
pub(super) fn pointer_of(
    root: &Group,
    route: &[(usize, Option<usize>)],
    slot: usize,
) -> Option<String> {
    let group = group_at(root, route)?;
    Some(pointer_push(&route_pointer(root, route)?, &group.fields.get(slot)?.id))
}
