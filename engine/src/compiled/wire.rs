//! The byte format of compiled templates: a [`Wire`] type writes itself to a
//! [`Writer`] and reads itself back from a [`Reader`], field by field in
//! declaration order. Integers are LEB128 varints, options a 0/1 byte,
//! sequences a length then their items. Strings go to a table of distinct
//! strings (written as a JSON array beside the bytes, so that gzip finds
//! the labels and ids as it does in the template's JSON) and the bytes hold
//! their index. Reading never panics: a short, overlong or malformed input
//! gives `None`.

use crate::value::Date;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// Bytes and strings being written.
#[derive(Default)]
pub(crate) struct Writer {
    /// The structure.
    pub bytes: Vec<u8>,
    /// Each distinct string once, in order of first use.
    pub strings: Vec<String>,
    index: HashMap<String, usize>,
    /// Record shapes already written, by address: a shape is shared by its
    /// group, its parent's shape and the types of expressions, and is
    /// written once, then referred to by its number.
    pub shapes: HashMap<usize, usize>,
}

/// Bytes being read, front to back, with the string table they index.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    strings: &'a [serde_json::Value],
    /// The record shapes read so far, by number (shared again as written).
    pub shapes: Vec<Arc<crate::shape::RecordShape>>,
    /// How deep the value being read is nested (expression trees, groups):
    /// bounded so that a crafted input cannot exhaust the stack.
    depth: u32,
}

/// The most items a sequence reserves room for before reading them; longer
/// ones grow as they are read.
pub(crate) const RESERVE: usize = 256;

/// The deepest nesting a compiled template may have (the template loader's
/// own limits are far below it).
const MAX_DEPTH: u32 = 200;

impl Writer {
    /// An unsigned integer as a LEB128 varint.
    pub fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    /// One byte (a tag or a flag).
    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// A string: its index in the string table.
    pub fn str(&mut self, s: &str) {
        let next = self.strings.len();
        let at = *self.index.entry(s.to_owned()).or_insert(next);
        if at == next {
            self.strings.push(s.to_owned());
        }
        self.uint(at as u64);
    }
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`, whose strings are in `strings`.
    pub fn new(bytes: &'a [u8], strings: &'a [serde_json::Value]) -> Self {
        Reader { bytes, strings, shapes: Vec::new(), depth: 0 }
    }

    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.bytes.is_empty()
    }

    /// One byte.
    pub fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    pub fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A length or count, which cannot exceed the bytes left (every item
    /// takes at least one byte), so a crafted count allocates nothing large.
    pub fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.bytes.len()).then_some(n)
    }

    /// A string of the table.
    pub fn str(&mut self) -> Option<&'a str> {
        let at = usize::try_from(self.uint()?).ok()?;
        self.strings.get(at)?.as_str()
    }

    /// Reads a nested value with `f`, one level deeper.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }
}

/// A value in the compiled format.
pub(crate) trait Wire: Sized {
    /// Writes the value.
    fn put(&self, w: &mut Writer);
    /// Reads a value; `None` when the bytes are not one.
    fn get(r: &mut Reader) -> Option<Self>;
}

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
        w.byte(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        u32::try_from(r.uint()?).ok()
    }
}

impl Wire for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        usize::try_from(r.uint()?).ok()
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.str().map(str::to_owned)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.byte(0),
            Some(v) => {
                w.byte(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => T::get(r).map(Some),
            _ => None,
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        self.iter().for_each(|v| v.put(w));
    }
    /// A plain loop: `collect` into `Option<Vec<_>>` costs far more code
    /// per item type in the wasm. The count reserves at most [`RESERVE`]
    /// items: a crafted count (up to the bytes left) of large items would
    /// otherwise ask for that many times their size before the first fails.
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        r.nested(|r| {
            let mut items = Vec::with_capacity(n.min(RESERVE));
            for _ in 0..n {
                items.push(T::get(r)?);
            }
            Some(items)
        })
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.nested(T::get).map(Box::new)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some((A::get(r)?, B::get(r)?))
    }
}

/// Exact decimals as their text (which keeps the scale: `1.50` stays
/// `1.50`), read back with the engine's own number parser.
impl Wire for Decimal {
    fn put(&self, w: &mut Writer) {
        w.str(&self.to_string());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        crate::number::parse_decimal(r.str()?)
    }
}

impl Wire for Date {
    fn put(&self, w: &mut Writer) {
        w.str(&self.to_string());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Date::parse(r.str()?)
    }
}

/// One of a fixed list of static names (number kinds, configurable
/// limits), written as its text and read back as the list's own `&'static str`.
pub(crate) fn put_name(w: &mut Writer, name: &str) {
    w.str(name);
}

/// Reads a name written by [`put_name`] that must be one of `names`.
pub(crate) fn get_name(r: &mut Reader, names: &[&'static str]) -> Option<&'static str> {
    let s = r.str()?;
    names.iter().find(|n| **n == s).copied()
}

/// Implements [`Wire`] for a struct, field by field; with `check`, a value
/// read is kept only when `check(&value)` holds (its parts agree).
macro_rules! wire_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        $crate::compiled::wire::wire_struct!($ty { $($field),* } check |_| true);
    };
    ($ty:ident { $($field:ident),* $(,)? } check $check:expr) => {
        impl $crate::compiled::wire::Wire for $ty {
            fn put(&self, w: &mut $crate::compiled::wire::Writer) {
                $( $crate::compiled::wire::Wire::put(&self.$field, w); )*
            }
            fn get(r: &mut $crate::compiled::wire::Reader) -> Option<Self> {
                let value = $ty { $( $field: $crate::compiled::wire::Wire::get(r)?, )* };
                let check: fn(&$ty) -> bool = $check;
                check(&value).then_some(value)
            }
        }
    };
}
pub(crate) use wire_struct;

/// Implements [`Wire`] for a fieldless enum, by variant index.
macro_rules! wire_unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::compiled::wire::Wire for $ty {
            fn put(&self, w: &mut $crate::compiled::wire::Writer) {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                w.byte(i as u8);
            }
            fn get(r: &mut $crate::compiled::wire::Reader) -> Option<Self> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                ALL.get(usize::from(r.byte()?)).copied()
            }
        }
    };
}
pub(crate) use wire_unit_enum;

#[cfg(test)]
mod tests {
    use super::*;

    fn table(w: &Writer) -> Vec<serde_json::Value> {
        w.strings.iter().map(|s| serde_json::Value::String(s.clone())).collect()
    }

    fn round<T: Wire + PartialEq + std::fmt::Debug>(v: T) {
        let mut w = Writer::default();
        v.put(&mut w);
        let strings = table(&w);
        let mut r = Reader::new(&w.bytes, &strings);
        assert_eq!(T::get(&mut r).as_ref(), Some(&v));
        assert!(r.done());
        // Every strict prefix is refused, never read as something else.
        for cut in 0..w.bytes.len() {
            let mut r = Reader::new(&w.bytes[..cut], &strings);
            assert!(T::get(&mut r).is_none(), "prefix {cut}");
        }
    }

    #[test]
    fn strings_are_written_once() {
        let mut w = Writer::default();
        vec![String::from("en"), String::from("de"), String::from("en")].put(&mut w);
        assert_eq!(w.strings, ["en", "de"]);
        assert_eq!(w.bytes, [3, 0, 1, 0]);
    }

    #[test]
    fn values_round_trip() {
        round(0u32);
        round(300u32);
        round(u32::MAX);
        round(usize::MAX);
        round(String::from("Größe 🌍"));
        round(Some(vec![(String::from("a"), true), (String::new(), false)]));
        round(None::<u32>);
        round("1.50".parse::<Decimal>().unwrap());
        round("-0.005".parse::<Decimal>().unwrap());
        round(Date::parse("2026-11-25").unwrap());
    }

    #[test]
    fn malformed_input_is_refused() {
        // A count larger than the bytes left, a varint over 64 bits, a string
        // index past the table or at a non-string, a flag that is not 0 or 1.
        let strings = [serde_json::Value::from("a"), serde_json::Value::from(1)];
        let reader = |bytes| Reader::new(bytes, &strings);
        assert!(Vec::<u32>::get(&mut reader(&[0xff, 0xff, 0x03, 1])).is_none());
        assert!(reader(&[0xff; 11]).uint().is_none());
        assert_eq!(String::get(&mut reader(&[0])).as_deref(), Some("a"));
        assert!(String::get(&mut reader(&[1])).is_none());
        assert!(String::get(&mut reader(&[2])).is_none());
        assert!(bool::get(&mut reader(&[2])).is_none());
    }

    #[test]
    fn nesting_is_bounded() {
        // Vec<Vec<…>> 1000 deep: refused, not a stack overflow.
        let bytes = vec![1u8; 1000];
        type Deep = Vec<Vec<Vec<Vec<Vec<u32>>>>>;
        let mut r = Reader::new(&bytes, &[]);
        r.depth = MAX_DEPTH - 2;
        assert!(Deep::get(&mut r).is_none());
    }
}
