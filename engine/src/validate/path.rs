//! A data path under construction while walking records: segments are
//! pushed and popped without allocating, and rendered as a JSON pointer only
//! when an issue is reported.

use crate::issue::pointer_push;

/// One step of a data path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg<'a> {
    /// A field of a record.
    Key(&'a str),
    /// An item of a list.
    Index(usize),
}

/// A data path as a stack of segments.
#[derive(Clone, Debug, Default)]
pub struct Path<'a> {
    segs: Vec<Seg<'a>>,
}

impl<'a> Path<'a> {
    /// The empty path (the document root).
    pub fn root() -> Self {
        Path { segs: Vec::with_capacity(8) }
    }

    /// Runs `f` with `seg` pushed.
    #[inline(always)]
    pub fn with<R>(&mut self, seg: Seg<'a>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.segs.push(seg);
        let r = f(self);
        self.segs.pop();
        r
    }

    /// The JSON pointer of this path.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.segs {
            out = match seg {
                Seg::Key(k) => pointer_push(&out, k),
                Seg::Index(i) => pointer_push(&out, &i.to_string()),
            };
        }
        out
    }

    /// The JSON pointer of this path plus one more key.
    pub fn pointer_to(&self, key: &str) -> String {
        pointer_push(&self.pointer(), key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_pointers_lazily() {
        let mut p = Path::root();
        assert_eq!(p.pointer(), "");
        let got = p.with(Seg::Key("partners"), |p| p.with(Seg::Index(3), |p| p.pointer_to("a/b")));
        assert_eq!(got, "/partners/3/a~1b");
        assert_eq!(p.pointer(), "");
    }
}
