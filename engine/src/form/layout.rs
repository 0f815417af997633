//! What a renderer needs to lay out containers: the entries of a section, a
//! group or a list item (fields by pointer, static texts), a list's bounds
//! and a table's columns and totals. The sums are exact decimals computed
//! here, so a widget only shows them.

use super::FormState;
use super::locate::{locate, record_at, segments};
use crate::template::{FieldKind, Group, Item, Repeat};
use crate::value::Value;
use rust_decimal::Decimal;
use serde::Serialize;

/// One entry of a container's layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Entry {
    /// A field instance, by JSON pointer.
    Field(String),
    /// A static text in the UI language (render as text, never as HTML).
    Static(String),
}

/// A list's shape: bounds, table or cards, and its columns (a table's).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListInfo {
    /// Fewest items.
    pub min_items: u32,
    /// Most items.
    pub max_items: u32,
    /// Rendered as a table.
    pub table: bool,
    /// The item's fields `(id, label, kind, totalled)`, in slot order.
    pub columns: Vec<(String, String, &'static str, bool)>,
    /// Whether each row shows the sum of its totalled cells.
    pub row_totals: bool,
    /// Whether the items follow from the data (`rowsFrom`): users neither
    /// add, remove nor move them.
    pub generated: bool,
}

/// A table's sums: by totalled column, by row (when the table asks for
/// row totals) and overall, as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    /// `(column id, sum)` for each totalled column, in column order.
    pub columns: Vec<(String, String)>,
    /// Each row's sum of its totalled cells (empty without `rowTotals`).
    pub rows: Vec<String>,
    /// The sum of every totalled cell.
    pub overall: String,
}

impl FormState {
    /// The entries of section `index`.
    pub fn section_entries(&self, index: usize, lang: &str) -> Vec<Entry> {
        let items = self.template.sections.get(index).map_or(&[][..], |s| &s.items[..]);
        entries_of(&self.template.root, items, "", lang)
    }

    /// The entries of the group at `pointer`, or of the list item at
    /// `pointer` (`/partners/2`); empty when it names neither.
    pub fn entries(&self, pointer: &str, lang: &str) -> Vec<Entry> {
        match self.container(pointer) {
            Some(g) => entries_of(g, &g.layout, pointer, lang),
            None => Vec::new(),
        }
    }

    /// The list (repeat or table) at `pointer`.
    pub fn list_info(&self, pointer: &str, lang: &str) -> Option<ListInfo> {
        let rep = self.repeat(pointer)?;
        let columns = rep.item.fields.iter().enumerate().map(|(slot, f)| {
            (f.id.clone(), f.label_in(lang), f.kind.name(), rep.totals.contains(&slot))
        });
        Some(ListInfo {
            min_items: rep.min_items,
            max_items: rep.max_items,
            table: rep.table,
            columns: columns.collect(),
            row_totals: rep.row_totals,
            generated: rep.rows_from.is_some(),
        })
    }

    /// How many items the list at `pointer` holds.
    pub fn item_count(&self, pointer: &str) -> Option<usize> {
        let found =
            locate(&self.template.root, &self.root, pointer).filter(|f| f.rest.is_empty())?;
        match (&found.field.kind, record_at(&self.root, &found.route)?.slots.get(found.slot)?) {
            (FieldKind::Repeat(_), Value::List(items)) => Some(items.len()),
            (FieldKind::Repeat(_), _) => Some(0),
            _ => None,
        }
    }

    /// The sums of the table at `pointer` (numbers only: a cell that does
    /// not hold a number adds nothing). `None` when it is not a table with
    /// totalled columns.
    pub fn totals(&self, pointer: &str) -> Option<Totals> {
        let rep = self.repeat(pointer).filter(|r| r.table && !r.totals.is_empty())?;
        let found = locate(&self.template.root, &self.root, pointer)?;
        let rows = match record_at(&self.root, &found.route)?.slots.get(found.slot)? {
            Value::List(rows) => &rows[..],
            _ => &[],
        };
        let cell = |row: &Value, slot: usize| match row {
            Value::Record(r) => match r.slots.get(slot) {
                Some(Value::Number(d)) => *d,
                _ => Decimal::ZERO,
            },
            _ => Decimal::ZERO,
        };
        let scale = |slot: usize| match &rep.item.fields[slot].kind {
            FieldKind::Number(n) if n.kind == "money" => 2,
            FieldKind::Computed { scale: Some(s), .. } => *s,
            _ => 0,
        };
        let shown = |mut d: Decimal, scale: u32| {
            if d.scale() < scale {
                d.rescale(scale);
            }
            d.to_string()
        };
        let widest = rep.totals.iter().map(|&s| scale(s)).max().unwrap_or(0);
        let columns = rep.totals.iter().map(|&slot| {
            let sum: Decimal = rows.iter().map(|row| cell(row, slot)).sum();
            (rep.item.fields[slot].id.clone(), shown(sum, scale(slot)))
        });
        let row_sum = |row: &Value| rep.totals.iter().map(|&slot| cell(row, slot)).sum::<Decimal>();
        let overall: Decimal = rows.iter().map(row_sum).sum();
        Some(Totals {
            columns: columns.collect(),
            rows: if rep.row_totals {
                rows.iter().map(|r| shown(row_sum(r), widest)).collect()
            } else {
                Vec::new()
            },
            overall: shown(overall, widest),
        })
    }

    fn repeat(&self, pointer: &str) -> Option<&Repeat> {
        let found =
            locate(&self.template.root, &self.root, pointer).filter(|f| f.rest.is_empty())?;
        match &found.field.kind {
            FieldKind::Repeat(rep) => Some(rep),
            _ => None,
        }
    }

    /// The group of fields at `pointer`: a group field, or a list item.
    fn container(&self, pointer: &str) -> Option<&Group> {
        let segs = segments(pointer)?;
        let last = segs.last()?;
        if last.parse::<usize>().is_ok_and(|i| *last == i.to_string()) {
            let list = &pointer[..pointer.len() - last.len() - 1];
            let found = locate(&self.template.root, &self.root, list)?;
            let items = record_at(&self.root, &found.route)?.slots.get(found.slot)?;
            let exists = matches!(items, Value::List(l) if l.len() > last.parse::<usize>().ok()?);
            return match (&found.field.kind, exists) {
                (FieldKind::Repeat(rep), true) => Some(&rep.item),
                _ => None,
            };
        }
        let found =
            locate(&self.template.root, &self.root, pointer).filter(|f| f.rest.is_empty())?;
        match &found.field.kind {
            FieldKind::Group(g) => Some(g),
            _ => None,
        }
    }
}

fn entries_of(group: &Group, items: &[Item], base: &str, lang: &str) -> Vec<Entry> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Field(slot) => {
                Some(Entry::Field(crate::issue::pointer_push(base, &group.fields.get(*slot)?.id)))
            }
            Item::Static(text) => Some(Entry::Static(text.get(lang).to_owned())),
        })
        .collect()
}
