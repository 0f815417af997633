//! Bytes in and out for the binary index: LEB128 varints, strings, and a
//! reader whose every method returns an error instead of reading past the end.

use crate::msg::{concat, number};

/// FNV-1a, 32 bits: a small checksum that catches damaged downloads.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    /// An unsigned LEB128 varint.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }

    /// One byte.
    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// Raw bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// Reads values from bytes, never past their end.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// The next `n` bytes.
    #[inline]
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        match self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()) {
            Some(end) => {
                let out = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(out)
            }
            None => Err(self.early(n)),
        }
    }

    /// The error of a read of `n` bytes past the end (kept out of line: the
    /// hot readers stay small and fast at any opt-level).
    #[cold]
    #[inline(never)]
    fn early(&self, n: usize) -> String {
        ends_early(n, self.pos)
    }

    /// The next byte.
    #[inline]
    pub fn byte(&mut self) -> Result<u8, String> {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(self.early(1)),
        }
    }

    /// An unsigned LEB128 varint (at most 10 bytes).
    #[inline]
    pub fn varint(&mut self) -> Result<u64, String> {
        // Most numbers in an index are below 128: one byte.
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Ok(u64::from(b))
            }
            _ => self.long_varint(),
        }
    }

    /// A varint of several bytes (or none left).
    fn long_varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                return Err("a number overflows".into());
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number overflows".into())
    }

    /// A count or length, which cannot exceed the bytes left (every counted
    /// item takes at least one byte), so a damaged count cannot make the
    /// loader reserve absurd memory.
    #[inline]
    pub fn len(&mut self) -> Result<usize, String> {
        let v = self.varint()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if v > left {
            return Err(too_many(v, left));
        }
        Ok(v as usize)
    }

    /// A length-prefixed UTF-8 string (as a slice).
    pub fn str(&mut self) -> Result<&'a str, String> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a string is not UTF-8".into())
    }

    /// A length-prefixed UTF-8 string.
    pub fn string(&mut self) -> Result<String, String> {
        self.str().map(str::to_owned)
    }
}

/// The error of a read of `n` bytes at offset `at` past the end.
pub fn ends_early(n: usize, at: usize) -> String {
    concat(&[
        "ends early (wanted ",
        &number(n as u64),
        " bytes at offset ",
        &number(at as u64),
        ")",
    ])
}

/// The error of a count larger than the bytes left (out of line).
#[cold]
#[inline(never)]
fn too_many(count: u64, left: u64) -> String {
    concat(&["a count of ", &number(count), " exceeds the ", &number(left), " bytes left"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_values_and_refuses_to_overrun() {
        let mut w = Writer::default();
        for v in [0, 127, 128, 300, u64::MAX] {
            w.varint(v);
        }
        w.str("Łódź");
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        for v in [0, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.str(), Ok("Łódź"));
        assert!(r.byte().is_err());
        assert!(Reader::new(&[0xff; 11]).varint().is_err());
        assert!(Reader::new(&[5, b'a']).str().is_err());
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }
}
