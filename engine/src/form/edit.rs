//! Changing a form: values, translations and list items, each followed by
//! re-validation of exactly the field instance it touched.

use super::FormState;
use super::locate::{frames_at, locate, record_at, record_mut, segments};
use super::propagate::group_at;
use crate::data::read_value;
use crate::issue::{Code, Issue};
use crate::number::parse_decimal;
use crate::template::FieldKind;
use crate::validate::{enclosing_shown, validate_slot_only};
use crate::value::{Date, Translation, Value};
use serde_json::Value as Json;

/// Why a change could not be made.
fn no_field(pointer: &str) -> Issue {
    Issue::error(pointer, Code::DataUnknownField).with("key", pointer)
}

impl FormState {
    /// Sets a field's value from JSON (`null` clears it). Returns the
    /// pointers of the fields whose view changed.
    pub fn set_value(&mut self, pointer: &str, json: Json) -> Result<Vec<String>, Issue> {
        let found = locate(&self.template.root, &self.root, pointer)
            .filter(|f| f.rest.is_empty())
            .ok_or_else(|| no_field(pointer))?;
        let value = read_value(&found.field.kind, &json);
        self.put(pointer, found.route, found.slot, value)
    }

    /// Sets a field from what the user typed: text as typed; a number or a
    /// date parsed when it reads as one and kept as typed otherwise (so
    /// nothing typed is lost, and validation says what is wrong).
    pub fn set_input(&mut self, pointer: &str, typed: &str) -> Result<Vec<String>, Issue> {
        let found = locate(&self.template.root, &self.root, pointer)
            .filter(|f| f.rest.is_empty())
            .ok_or_else(|| no_field(pointer))?;
        let kept = || Value::Invalid(Json::String(typed.to_owned()));
        let value = match &found.field.kind {
            _ if typed.is_empty() => Value::Null,
            FieldKind::Number(_) => parse_decimal(typed).map_or_else(kept, Value::Number),
            FieldKind::Date { .. } => Date::parse(typed.trim()).map_or_else(kept, Value::Date),
            FieldKind::Bool => match typed {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => kept(),
            },
            FieldKind::Text(_) | FieldKind::Select(_) => Value::Text(typed.to_owned()),
            _ => return Err(no_field(pointer)),
        };
        self.put(pointer, found.route, found.slot, value)
    }

    /// Sets one language of a multilingual field; an empty text removes that
    /// language's entry, as Jems drops empty translations.
    pub fn set_translation(
        &mut self,
        pointer: &str,
        language: &str,
        typed: &str,
    ) -> Result<Vec<String>, Issue> {
        let found = locate(&self.template.root, &self.root, pointer)
            .filter(|f| f.rest.is_empty())
            .ok_or_else(|| no_field(pointer))?;
        if !matches!(found.field.kind, FieldKind::Multilingual { .. }) {
            return Err(no_field(pointer));
        }
        let current = record_at(&self.root, &found.route).and_then(|r| r.slots.get(found.slot));
        let mut entries = match current {
            Some(Value::Multilingual(t)) => t.clone(),
            _ => Vec::new(),
        };
        match (entries.iter().position(|e| e.language == language), typed.is_empty()) {
            (Some(i), true) => {
                entries.remove(i);
            }
            (Some(i), false) => entries[i].translation = typed.to_owned(),
            (None, false) => entries
                .push(Translation { language: language.to_owned(), translation: typed.to_owned() }),
            (None, true) => {}
        }
        let value = if entries.is_empty() { Value::Null } else { Value::Multilingual(entries) };
        self.put(pointer, found.route, found.slot, value)
    }

    /// Appends an empty item to the list at `pointer` (a repeat or table).
    /// Returns its index; fails when the list is full.
    pub fn add_item(&mut self, pointer: &str) -> Result<(usize, Vec<String>), Issue> {
        self.edit_list(pointer, true, |items, rep| {
            if items.len() >= rep.max_items as usize {
                return Err(Code::ListTooMany);
            }
            items.push(Value::Record(crate::data::read_record(&rep.item, &Json::Null)));
            Ok(items.len() - 1)
        })
    }

    /// Removes item `index` of the list at `pointer`.
    pub fn remove_item(&mut self, pointer: &str, index: usize) -> Result<Vec<String>, Issue> {
        self.edit_list(pointer, false, |items, _| {
            if index >= items.len() {
                return Err(Code::DataUnknownField);
            }
            items.remove(index);
            Ok(())
        })
        .map(|((), changed)| changed)
    }

    /// Moves item `from` of the list at `pointer` to position `to`.
    pub fn move_item(
        &mut self,
        pointer: &str,
        from: usize,
        to: usize,
    ) -> Result<Vec<String>, Issue> {
        self.edit_list(pointer, false, |items, _| {
            if from >= items.len() || to >= items.len() {
                return Err(Code::DataUnknownField);
            }
            let item = items.remove(from);
            items.insert(to, item);
            Ok(())
        })
        .map(|((), changed)| changed)
    }

    /// Changes the items of the list at `pointer` with `f`; `appends`: `f`
    /// only appends an item (no other item moves, so less is redone).
    fn edit_list<R>(
        &mut self,
        pointer: &str,
        appends: bool,
        f: impl FnOnce(&mut Vec<Value>, &crate::template::Repeat) -> Result<R, Code>,
    ) -> Result<(R, Vec<String>), Issue> {
        let found = locate(&self.template.root, &self.root, pointer)
            .filter(|f| f.rest.is_empty())
            .ok_or_else(|| no_field(pointer))?;
        let FieldKind::Repeat(rep) = &found.field.kind else { return Err(no_field(pointer)) };
        let record = record_mut(&mut self.root, &found.route).ok_or_else(|| no_field(pointer))?;
        let slot = &mut record.slots[found.slot];
        // A value that is not a list (kept as given) becomes one only when
        // the change succeeds: a refused change leaves the data as it was.
        let mut items = match slot {
            Value::List(items) => std::mem::take(items),
            _ => Vec::new(),
        };
        let result = f(&mut items, rep);
        let last = items.len().checked_sub(1);
        if result.is_ok() || matches!(slot, Value::List(_)) {
            *slot = Value::List(items);
        }
        let result =
            result.map_err(|code| Issue::error(pointer, code).with("max", rep.max_items))?;
        let changed = match last.filter(|_| appends) {
            Some(added) => self.refresh_added(pointer, &found.route, found.slot, added),
            None => self.refresh_list(pointer, &found.route, found.slot),
        };
        Ok((result, changed))
    }

    /// Stores `value` and re-validates the field instance.
    fn put(
        &mut self,
        pointer: &str,
        route: Vec<(usize, Option<usize>)>,
        slot: usize,
        value: Value,
    ) -> Result<Vec<String>, Issue> {
        let record = record_mut(&mut self.root, &route).ok_or_else(|| no_field(pointer))?;
        record.slots[slot] = value;
        Ok(self.refresh(pointer, &route, slot))
    }

    /// After a value change: re-validates the field instance, then what
    /// depends on it. Returns the pointers of every field whose view changed.
    fn refresh(
        &mut self,
        pointer: &str,
        route: &[(usize, Option<usize>)],
        slot: usize,
    ) -> Vec<String> {
        let mut changed = self.refresh_one(pointer, route, slot);
        if self.has_expressions {
            self.propagate(route, slot, &mut changed);
            // A change that alters a generated list (a new number of
            // periods) is a list change.
            if super::rows::generates(&self.template.root)
                && super::rows::pending(&self.context(), &self.root)
            {
                changed.extend(self.refresh_list(pointer, route, slot));
                let mut seen = std::collections::BTreeSet::new();
                changed.retain(|p| seen.insert(p.clone()));
            }
        }
        changed
    }

    /// After a list change (items added, removed or moved: every pointer
    /// below the list shifts): re-validates the list, or, when expressions
    /// may read it, recomputes and re-validates everything and reports what
    /// changed.
    fn refresh_list(
        &mut self,
        pointer: &str,
        route: &[(usize, Option<usize>)],
        slot: usize,
    ) -> Vec<String> {
        if !self.has_expressions {
            return self.refresh_one(pointer, route, slot);
        }
        let (before, before_rules) = (self.by_field.clone(), self.by_rule.clone());
        let mut changed = vec![pointer.to_owned()];
        changed.extend(self.revalidate_all());
        before.changed_keys(&self.by_field, &mut changed);
        before_rules.changed_keys(&self.by_rule, &mut changed);
        super::findings::dedup_keep_first(&mut changed);
        changed
    }

    /// After item `index` was appended to the list at `pointer`: computes
    /// the new item's own values, re-validates the list, and follows the
    /// change to what reads the list (sums, counts, rules over its items)
    /// and on (no other item moved, so nothing else is redone). A generated
    /// list whose keys it changed makes it a full list change.
    fn refresh_added(
        &mut self,
        pointer: &str,
        route: &[(usize, Option<usize>)],
        slot: usize,
        index: usize,
    ) -> Vec<String> {
        if !self.has_expressions {
            return self.refresh_one(pointer, route, slot);
        }
        let mut item = route.to_vec();
        item.push((slot, Some(index)));
        let mut root = std::mem::take(&mut self.root);
        let computed = super::compute::compute_in(&self.context(), &mut root, &item);
        self.root = root;
        let mut changed = self.refresh_only(pointer, route, slot, Some(index));
        // The new item's findings are news for its fields' views.
        let item_pointer = format!("{pointer}/{index}");
        if self.by_field.get(&item_pointer).is_some() || self.by_rule.get(&item_pointer).is_some() {
            changed.push(item_pointer.clone());
        }
        let (lo, hi) = (format!("{item_pointer}/"), format!("{item_pointer}0"));
        changed.extend(self.by_field.keys_in(&lo, &hi).cloned());
        changed.extend(self.by_rule.keys_in(&lo, &hi).cloned());
        changed.extend(
            computed
                .iter()
                .filter_map(|(r, s)| super::propagate::pointer_of(&self.template.root, r, *s)),
        );
        self.propagate_added(route, slot, index, &mut changed);
        if super::rows::generates(&self.template.root)
            && super::rows::pending(&self.context(), &self.root)
        {
            changed.extend(self.refresh_list(pointer, route, slot));
        }
        super::findings::dedup_keep_first(&mut changed);
        changed
    }

    /// Re-validates the field instance at `pointer` and everything inside it
    /// (rules of records inside it included; the rules of its own record are
    /// re-checked by `propagate` when they read it).
    pub(super) fn refresh_one(
        &mut self,
        pointer: &str,
        route: &[(usize, Option<usize>)],
        slot: usize,
    ) -> Vec<String> {
        self.refresh_only(pointer, route, slot, None)
    }

    /// [`FormState::refresh_one`]; for a list with `only`, its own checks
    /// and item `only` (an appended item: the others' findings stand).
    fn refresh_only(
        &mut self,
        pointer: &str,
        route: &[(usize, Option<usize>)],
        slot: usize,
        only: Option<usize>,
    ) -> Vec<String> {
        let group = group_at(&self.template.root, route);
        let segs = segments(pointer).unwrap_or_default();
        let base = &segs[..segs.len().saturating_sub(1)];
        let ctx = self.context();
        let issues = match (group, frames_at(&self.root, route)) {
            (Some(g), Some(frames)) if enclosing_shown(&ctx, &self.root, route, slot) => {
                validate_slot_only(&ctx, g, frames, slot, base, only)
            }
            _ => Vec::new(),
        };
        drop(ctx);
        // The field's own findings, then those inside it (or inside item
        // `only`): the keys from "{inner}/" up to "{inner}0" ('0' follows
        // '/'). A range, so the cost does not grow with the findings kept
        // elsewhere.
        self.by_field.remove(pointer);
        let inner = match only {
            Some(i) => {
                let item = format!("{pointer}/{i}");
                self.by_field.remove(&item);
                item
            }
            None => pointer.to_owned(),
        };
        let (lo, hi) = (format!("{inner}/"), format!("{inner}0"));
        self.by_field.remove_range(&lo, &hi);
        self.by_rule.remove_range(&lo, &hi);
        let owned = self.file_rules(issues);
        self.by_field.extend(owned);
        vec![pointer.to_owned()]
    }
}
