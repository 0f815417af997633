//! The compiled format of a checked template's model: sections, groups,
//! fields and their kinds, rules, texts and code lists. Validation plans
//! are not written; they are made again from the fields when read, as the
//! loader makes them.

use super::wire::{Reader, Wire, Writer, get_name, put_name, wire_struct, wire_unit_enum};
use crate::Severity;
use crate::config::{ParamDecl, ParamDecls, ParamType, Setting, Status, VisibilityCatalog};
use crate::shape::RecordShape;
use crate::sorted_map::SortedMap;
use crate::template::{
    Choices, Cond, ExprSource, Field, FieldKind, Group, Item, NumberRules, NumberingCase, Repeat,
    Rule, Section, Template, Text, TextRules,
};
use std::sync::Arc;

wire_struct!(Template {
    id,
    version,
    title,
    input_languages,
    root,
    sections,
    code_lists,
    visibility,
    parameters
} check |t| t.sections.iter().all(|s| in_range(&s.items, t.root.fields.len())));

/// Whether every field item names one of `slots` slots.
fn in_range(items: &[Item], slots: usize) -> bool {
    items.iter().all(|i| !matches!(i, Item::Field(s) if *s >= slots))
}
wire_struct!(Section { id, title, items, visible, visibility_id });
wire_struct!(Rule { id, when, assert, field, code, message, severity });
wire_struct!(TextRules { max_length, multiline });
wire_struct!(Repeat {
    item,
    min_items,
    max_items,
    numbering,
    number_as,
    numbering_when,
    table,
    rows_from,
    totals,
    row_totals
});
wire_struct!(NumberingCase { when, numbering });
wire_struct!(Setting { allowed, allowed_spf, default, default_spf, inherits_from });
wire_struct!(VisibilityCatalog { settings });
wire_struct!(ParamDecl { ty, default, min, max });
wire_struct!(ParamDecls { decls });
wire_unit_enum!(Severity { Error, Warning });
wire_unit_enum!(Status { None, StepOneAndTwo, StepTwoOnly });
wire_unit_enum!(ParamType { Number, Text, Boolean, Date });

/// The names a number kind may have.
const NUMBER_KINDS: &[&str] = &["integer", "decimal", "money", "percentage"];

impl<V: Wire> Wire for SortedMap<V> {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
    }
    /// Keys must be strictly ascending, as the map keeps them.
    fn get(r: &mut Reader) -> Option<Self> {
        let entries: Vec<(String, V)> = Wire::get(r)?;
        entries.windows(2).all(|p| p[0].0 < p[1].0).then_some(SortedMap(entries))
    }
}

impl Wire for Text {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Wire::get(r).map(Text)
    }
}

impl Wire for Cond {
    fn put(&self, w: &mut Writer) {
        match self {
            Cond::Fixed(b) => w.byte(u8::from(*b)),
            Cond::Expr(e) => {
                w.byte(2);
                e.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Cond::Fixed(false),
            1 => Cond::Fixed(true),
            2 => Cond::Expr(Wire::get(r)?),
            _ => return None,
        })
    }
}

/// An expression keeps its text and pointer (for messages) and must be
/// compiled: only a template without problems is written.
impl Wire for ExprSource {
    fn put(&self, w: &mut Writer) {
        self.src.put(w);
        self.at.put(w);
        self.compiled.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let (src, at) = (Wire::get(r)?, Wire::get(r)?);
        let compiled: Option<Arc<crate::expr::Expr>> = Wire::get(r)?;
        Some(ExprSource { src, at, compiled: Some(compiled?) })
    }
}

impl Wire for Item {
    fn put(&self, w: &mut Writer) {
        match self {
            Item::Field(slot) => {
                w.byte(0);
                slot.put(w);
            }
            Item::Static(text) => {
                w.byte(1);
                text.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Item::Field(Wire::get(r)?),
            1 => Item::Static(Wire::get(r)?),
            _ => return None,
        })
    }
}

/// A group is read only when its parts agree: a field per slot of its
/// shape, with the slot's id, and layout items that name existing slots.
impl Wire for Group {
    fn put(&self, w: &mut Writer) {
        self.shape.put(w);
        self.fields.put(w);
        self.layout.put(w);
        self.rules.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let shape: Arc<RecordShape> = Wire::get(r)?;
        let fields: Vec<Field> = Wire::get(r)?;
        let layout: Vec<Item> = Wire::get(r)?;
        let agree = shape.fields.len() == fields.len()
            && shape.fields.iter().zip(&fields).all(|((id, _), f)| *id == f.id)
            && in_range(&layout, fields.len());
        if !agree {
            return None;
        }
        let plan = fields.iter().map(crate::validate::plan::Check::of).collect();
        Some(Group { shape, fields, layout, rules: Wire::get(r)?, plan })
    }
}

wire_struct!(Field {
    id,
    label,
    help,
    required,
    visible,
    readonly,
    visibility_id,
    configurable,
    kind,
    source
});

impl Wire for NumberRules {
    fn put(&self, w: &mut Writer) {
        put_name(w, self.kind);
        self.min.put(w);
        self.max.put(w);
        self.scale.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let kind = get_name(r, NUMBER_KINDS)?;
        Some(NumberRules { kind, min: Wire::get(r)?, max: Wire::get(r)?, scale: Wire::get(r)? })
    }
}

impl Wire for Choices {
    fn put(&self, w: &mut Writer) {
        match self {
            Choices::Static(options) => {
                w.byte(0);
                options.put(w);
            }
            Choices::Named(name) => {
                w.byte(1);
                name.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Choices::Static(Wire::get(r)?),
            1 => Choices::Named(Wire::get(r)?),
            _ => return None,
        })
    }
}

impl Wire for FieldKind {
    fn put(&self, w: &mut Writer) {
        match self {
            FieldKind::Text(rules) => {
                w.byte(0);
                rules.put(w);
            }
            FieldKind::Multilingual { rules, languages } => {
                w.byte(1);
                rules.put(w);
                languages.put(w);
            }
            FieldKind::Number(rules) => {
                w.byte(2);
                rules.put(w);
            }
            FieldKind::Date { min, max } => {
                w.byte(3);
                min.put(w);
                max.put(w);
            }
            FieldKind::Bool => w.byte(4),
            FieldKind::Select(choices) => {
                w.byte(5);
                choices.put(w);
            }
            FieldKind::MultiSelect { choices, min_items, max_items } => {
                w.byte(6);
                choices.put(w);
                min_items.put(w);
                max_items.put(w);
            }
            FieldKind::Group(group) => {
                w.byte(7);
                group.put(w);
            }
            FieldKind::Repeat(repeat) => {
                w.byte(8);
                repeat.put(w);
            }
            FieldKind::Computed { expression, ty, scale } => {
                w.byte(9);
                expression.put(w);
                ty.put(w);
                scale.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => FieldKind::Text(Wire::get(r)?),
            1 => FieldKind::Multilingual { rules: Wire::get(r)?, languages: Wire::get(r)? },
            2 => FieldKind::Number(Wire::get(r)?),
            3 => FieldKind::Date { min: Wire::get(r)?, max: Wire::get(r)? },
            4 => FieldKind::Bool,
            5 => FieldKind::Select(Wire::get(r)?),
            6 => FieldKind::MultiSelect {
                choices: Wire::get(r)?,
                min_items: Wire::get(r)?,
                max_items: Wire::get(r)?,
            },
            7 => FieldKind::Group(Wire::get(r)?),
            8 => {
                let repeat: Box<Repeat> = Wire::get(r)?;
                let columns = repeat.item.fields.len();
                repeat.totals.iter().all(|&t| t < columns).then_some(())?;
                FieldKind::Repeat(repeat)
            }
            9 => FieldKind::Computed {
                expression: Wire::get(r)?,
                ty: Wire::get(r)?,
                scale: Wire::get(r)?,
            },
            _ => return None,
        })
    }
}

/// The template's code lists (a `BTreeMap`), as their entries in key order.
impl<V: Wire> Wire for std::collections::BTreeMap<String, V> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for (k, v) in self {
            k.put(w);
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let mut map = Self::new();
        for (k, v) in Vec::<(String, V)>::get(r)? {
            map.insert(k, v);
        }
        Some(map)
    }
}
