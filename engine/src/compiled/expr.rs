//! The compiled format of expressions and of what they are made of: the
//! evaluation tree ([`Op`]), types and record shapes, constants, and the
//! data references that drive recomputation. A function is written by its
//! name and found again in the engine's own function table.

use super::wire::{Reader, Wire, Writer, wire_struct, wire_unit_enum};
use crate::expr::ast::BinaryOp;
use crate::expr::eval::Op;
use crate::expr::{Expr, Ref};
use crate::shape::{RecordShape, Type};
use crate::value::{Record, Translation, Value};
use std::sync::Arc;

wire_struct!(Expr { op, ty, refs, params, uses_position });

impl Wire for Arc<Expr> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.nested(Expr::get).map(Arc::new)
    }
}

/// A shape is written whole the first time (tag 0, numbered after its
/// fields, which may hold shapes of their own), then by number (tag 1); read
/// back, every use shares one `Arc` again, as in the loaded template.
impl Wire for Arc<RecordShape> {
    fn put(&self, w: &mut Writer) {
        let address = Arc::as_ptr(self) as usize;
        if let Some(&n) = w.shapes.get(&address) {
            w.byte(1);
            return n.put(w);
        }
        w.byte(0);
        self.fields.put(w);
        let n = w.shapes.len();
        w.shapes.insert(address, n);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => {
                let shape = Arc::new(r.nested(RecordShape::get)?);
                r.shapes.push(shape.clone());
                Some(shape)
            }
            1 => {
                let n = usize::get(r)?;
                r.shapes.get(n).cloned()
            }
            _ => None,
        }
    }
}
wire_struct!(Ref { anchor, steps });
wire_struct!(RecordShape { fields });
wire_struct!(Translation { language, translation });
wire_unit_enum!(BinaryOp { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div });

impl Wire for Type {
    fn put(&self, w: &mut Writer) {
        let tag = match self {
            Type::Number => 0,
            Type::Text => 1,
            Type::Multilingual => 2,
            Type::Bool => 3,
            Type::Date => 4,
            Type::Null => 5,
            Type::List(item) => {
                w.byte(6);
                return item.put(w);
            }
            Type::Record(shape) => {
                w.byte(7);
                return shape.put(w);
            }
        };
        w.byte(tag);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Type::Number,
            1 => Type::Text,
            2 => Type::Multilingual,
            3 => Type::Bool,
            4 => Type::Date,
            5 => Type::Null,
            6 => Type::List(Wire::get(r)?),
            7 => Type::Record(Wire::get(r)?),
            _ => return None,
        })
    }
}

/// Constants and parameter values: the scalar kinds, lists and records (the
/// call's funds). A record's unknown members and a kept invalid value come
/// only from data, never from a template or a configuration, and are not
/// written.
impl Wire for Value {
    fn put(&self, w: &mut Writer) {
        match self {
            Value::Null | Value::Invalid(_) => w.byte(0),
            Value::Record(record) => {
                w.byte(7);
                record.slots.put(w);
            }
            Value::Number(d) => {
                w.byte(1);
                d.put(w);
            }
            Value::Text(s) => {
                w.byte(2);
                s.put(w);
            }
            Value::Multilingual(t) => {
                w.byte(3);
                t.put(w);
            }
            Value::Bool(b) => {
                w.byte(4);
                b.put(w);
            }
            Value::Date(d) => {
                w.byte(5);
                d.put(w);
            }
            Value::List(items) => {
                w.byte(6);
                items.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Value::Null,
            1 => Value::Number(Wire::get(r)?),
            2 => Value::Text(Wire::get(r)?),
            3 => Value::Multilingual(Wire::get(r)?),
            4 => Value::Bool(Wire::get(r)?),
            5 => Value::Date(Wire::get(r)?),
            6 => Value::List(Wire::get(r)?),
            7 => Value::Record(Record { slots: Wire::get(r)?, extra: Vec::new() }),
            _ => return None,
        })
    }
}

impl Wire for Op {
    fn put(&self, w: &mut Writer) {
        match self {
            Op::Const(v) => {
                w.byte(0);
                v.put(w);
            }
            Op::Field { level, slot } => {
                w.byte(1);
                level.put(w);
                slot.put(w);
            }
            Op::Scope(level) => {
                w.byte(2);
                level.put(w);
            }
            Op::Param(i) => {
                w.byte(3);
                i.put(w);
            }
            Op::Neg(x) => {
                w.byte(4);
                x.put(w);
            }
            Op::Not(x) => {
                w.byte(5);
                x.put(w);
            }
            Op::Binary(op, a, b) => {
                w.byte(6);
                op.put(w);
                a.put(w);
                b.put(w);
            }
            Op::Member { base, slot } => {
                w.byte(7);
                base.put(w);
                slot.put(w);
            }
            Op::Map { base, slot, flatten } => {
                w.byte(8);
                base.put(w);
                slot.put(w);
                flatten.put(w);
            }
            Op::Filter { base, cond, level } => {
                w.byte(9);
                base.put(w);
                cond.put(w);
                level.put(w);
            }
            Op::Each { base, expr, level } => {
                w.byte(10);
                base.put(w);
                expr.put(w);
                level.put(w);
            }
            Op::Call { f, args, level } => {
                w.byte(11);
                w.str(f.name);
                w.uint(args.len() as u64);
                args.iter().for_each(|a| a.put(w));
                level.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.byte()? {
            0 => Op::Const(Wire::get(r)?),
            1 => Op::Field { level: Wire::get(r)?, slot: Wire::get(r)? },
            2 => Op::Scope(Wire::get(r)?),
            3 => Op::Param(Wire::get(r)?),
            4 => Op::Neg(Wire::get(r)?),
            5 => Op::Not(Wire::get(r)?),
            6 => Op::Binary(Wire::get(r)?, Wire::get(r)?, Wire::get(r)?),
            7 => Op::Member { base: Wire::get(r)?, slot: Wire::get(r)? },
            8 => Op::Map { base: Wire::get(r)?, slot: Wire::get(r)?, flatten: Wire::get(r)? },
            9 => Op::Filter { base: Wire::get(r)?, cond: Wire::get(r)?, level: Wire::get(r)? },
            10 => Op::Each { base: Wire::get(r)?, expr: Wire::get(r)?, level: Wire::get(r)? },
            11 => {
                let f = crate::expr::functions::lookup(r.str()?)?;
                let args: Vec<Op> = r.nested(Wire::get)?;
                Op::Call { f, args: args.into_boxed_slice(), level: Wire::get(r)? }
            }
            _ => return None,
        })
    }
}
