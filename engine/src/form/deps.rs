//! Dependency tracking: which expressions read which data, so that a change
//! re-evaluates only what depends on it. Built once per form from the
//! compiled expressions' `refs()`.
//!
//! Paths here are *schema paths*: the slots walked from the root record,
//! where a slot holding a list stands for any of its items. An expression
//! evaluated in a record (its *owner*) reads paths anchored at one of the
//! records enclosing it; a change at schema path S affects it when one of
//! its read paths is a prefix of S or S a prefix of it. Of the owner's
//! instances, only those sharing the changed item's indices down to the
//! read's anchor are affected: `numberOfUnits * pricePerUnit` in row 7
//! depends on row 7 only, `sum(rows.rowSum)` in a partner on that partner's
//! rows only.

use crate::template::{Cond, ExprSource, FieldKind, Group, Template};

/// What an expression computes or decides.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// The value of the computed field in `slot` of the owner.
    Computed(usize),
    /// The visible, required or readonly condition of the field in `slot`.
    Cond(usize),
    /// Rule number `index` of the owner's group.
    Rule(usize),
    /// The visibility of section number `index` (owner: the root).
    Section(usize),
}

/// One expression and what it reads.
#[derive(Clone, Debug)]
pub struct Dependent {
    /// Slots from the root to the owner record.
    pub owner: Vec<usize>,
    /// What the expression decides.
    pub target: Target,
    /// `(anchor, absolute schema path)` of every read.
    pub reads: Vec<(usize, Vec<usize>)>,
}

/// Every dependent of a template.
#[derive(Clone, Debug, Default)]
pub struct Deps {
    /// The dependents, in template order.
    pub list: Vec<Dependent>,
}

impl Deps {
    /// Collects the dependents of `t`'s compiled expressions.
    pub fn of(t: &Template) -> Deps {
        let mut deps = Deps::default();
        for (i, s) in t.sections.iter().enumerate() {
            if let Cond::Expr(e) = &s.visible {
                deps.add(&[], Target::Section(i), e);
            }
        }
        deps.group(&t.root, &mut Vec::new());
        deps
    }

    fn add(&mut self, owner: &[usize], target: Target, e: &ExprSource) {
        let Some(expr) = &e.compiled else { return };
        let reads = expr
            .refs()
            .iter()
            .map(|r| {
                let mut path: Vec<usize> = owner[..r.anchor.min(owner.len())].to_vec();
                path.extend_from_slice(&r.steps);
                (r.anchor, path)
            })
            .collect();
        self.list.push(Dependent { owner: owner.to_vec(), target, reads });
    }

    fn group(&mut self, g: &Group, owner: &mut Vec<usize>) {
        for (slot, f) in g.fields.iter().enumerate() {
            for c in [&f.visible, &f.required, &f.readonly] {
                if let Cond::Expr(e) = c {
                    self.add(owner, Target::Cond(slot), e);
                }
            }
            match &f.kind {
                FieldKind::Computed { expression, .. } => {
                    self.add(owner, Target::Computed(slot), expression)
                }
                FieldKind::Group(inner) => self.nested(inner, owner, slot),
                FieldKind::Repeat(r) => self.nested(&r.item, owner, slot),
                _ => {}
            }
        }
        for (i, rule) in g.rules.iter().enumerate() {
            if let Some(w) = &rule.when {
                self.add(owner, Target::Rule(i), w);
            }
            self.add(owner, Target::Rule(i), &rule.assert);
        }
    }

    fn nested(&mut self, g: &Group, owner: &mut Vec<usize>, slot: usize) {
        owner.push(slot);
        self.group(g, owner);
        owner.pop();
    }

    /// The dependents a change at schema path `changed` affects, each with
    /// the number of leading owner steps whose item indices must match the
    /// change's (the anchor of the read that matched; the largest if several).
    pub fn affected(&self, changed: &[usize]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, d) in self.list.iter().enumerate() {
            let anchors = d
                .reads
                .iter()
                .filter(|(_, path)| path.starts_with(changed) || changed.starts_with(path))
                .map(|(a, _)| *a);
            // The loosest match decides: an anchor nearer the root widens the instances.
            if let Some(anchor) = anchors.min() {
                out.push((i, anchor));
            }
        }
        out
    }
}
