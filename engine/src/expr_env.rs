//! The types an expression is compiled and evaluated against ([`Scope`],
//! [`Env`]) and the data locations it reads ([`Ref`]): shared by the
//! expression language (`expr/`) and its stand-in when the `expressions`
//! feature is off (`expr_off.rs`), so both builds have one definition.

use crate::shape::{RecordShape, Type};
use crate::value::{Record, Value};
use std::sync::Arc;

/// Where an expression is compiled: the records its names resolve in and the
/// parameters it may read.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    /// The shapes of the scope stack: the root record first, then the item
    /// of each enclosing repeatable group, innermost last.
    pub records: &'a [Arc<RecordShape>],
    /// The named parameters (`$name`) and their types; at evaluation their
    /// values come in the same order ([`Env::params`]).
    pub params: &'a [(String, Type)],
}

/// What an expression is evaluated against. It must match the [`Scope`] it
/// was compiled in; anything missing reads as null.
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    /// The records of the scope stack, root first, as in [`Scope::records`].
    pub records: &'a [&'a Record],
    /// The 1-based position of each enclosing item in its list:
    /// `positions[k - 1]` is that of `records[k]` (the root has none).
    pub positions: &'a [usize],
    /// Parameter values by index, as in [`Scope::params`].
    pub params: &'a [Value],
    /// The form's input languages (Jems codes such as `EN`), for `filled`.
    pub languages: &'a [String],
}

/// A data location an expression reads.
///
/// Start at `records[anchor]` of the scope stack (0 is the root, `k` the
/// `k`-th enclosing item); each step is a slot of the record reached. When a
/// step reaches a list of records, the next step applies to every item of
/// it: with `partners` at root slot 9 and `role` at slot 0 of a partner,
/// `Ref { anchor: 0, steps: vec![9, 0] }` is the role of every partner.
/// A ref covers the value it reaches and everything inside it, and depends on
/// every location along its path: it is affected by a change at any location
/// that is a prefix of it (an item added to `partners`) or that it is a
/// prefix of. `steps` is empty when a whole scope record is read (`item`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref {
    /// Index into the scope stack.
    pub anchor: usize,
    /// Slots walked from the anchor record.
    pub steps: Vec<usize>,
}
