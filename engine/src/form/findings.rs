//! Findings kept per JSON pointer: a vector sorted by pointer.
//!
//! A sorted vector rather than a `BTreeMap<String, Vec<Issue>>`: lookups are
//! binary searches, a field's findings and those inside it are one
//! contiguous range, and the wasm build carries a few slice routines instead
//! of a B-tree instantiation (~8 KB of code; docs/decisions.md, "Size,
//! measured").

use crate::issue::Issue;

/// Findings by pointer, sorted by pointer; no pointer has an empty list.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Findings(Vec<(String, Vec<Issue>)>);

impl Findings {
    /// Files `issues` (each with the pointer it belongs to, in any order;
    /// findings of one pointer keep their order).
    pub(crate) fn from_unsorted(mut owned: Vec<(String, Issue)>) -> Findings {
        owned.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Vec<Issue>)> = Vec::new();
        for (key, issue) in owned {
            match out.last_mut() {
                Some((last, list)) if *last == key => list.push(issue),
                _ => out.push((key, vec![issue])),
            }
        }
        Findings(out)
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The findings at `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Vec<Issue>> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    /// The list at `key`, created empty when missing (the caller must leave
    /// it non-empty, or call [`Findings::remove_if_empty`]).
    pub(crate) fn list_mut(&mut self, key: &str) -> &mut Vec<Issue> {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key.to_owned(), Vec::new()));
                at
            }
        };
        &mut self.0[at].1
    }

    /// Adds a finding at `key`, after those already there.
    pub(crate) fn push(&mut self, key: &str, issue: Issue) {
        self.list_mut(key).push(issue);
    }

    /// Removes `key` when its list is empty.
    pub(crate) fn remove_if_empty(&mut self, key: &str) {
        if let Ok(at) = self.find(key)
            && self.0[at].1.is_empty()
        {
            self.0.remove(at);
        }
    }

    /// Removes the findings at `key`.
    pub(crate) fn remove(&mut self, key: &str) {
        if let Ok(at) = self.find(key) {
            self.0.remove(at);
        }
    }

    /// The positions of the keys from `lo` (inclusive) to `hi` (exclusive).
    fn range(&self, lo: &str, hi: &str) -> std::ops::Range<usize> {
        let start = self.0.partition_point(|(k, _)| k.as_str() < lo);
        start..start + self.0[start..].partition_point(|(k, _)| k.as_str() < hi)
    }

    /// Removes the keys from `lo` (inclusive) to `hi` (exclusive).
    pub(crate) fn remove_range(&mut self, lo: &str, hi: &str) {
        let range = self.range(lo, hi);
        self.0.drain(range);
    }

    /// The keys from `lo` (inclusive) to `hi` (exclusive), in order.
    pub(crate) fn keys_in(&self, lo: &str, hi: &str) -> impl Iterator<Item = &String> {
        self.0[self.range(lo, hi)].iter().map(|(k, _)| k)
    }

    /// Adds findings (each with its pointer, in any order) after those
    /// already kept at the same pointers.
    pub(crate) fn extend(&mut self, owned: Vec<(String, Issue)>) {
        if owned.len() <= 8 {
            // A few: inserting costs less than rebuilding.
            for (key, issue) in owned {
                self.push(&key, issue);
            }
            return;
        }
        let new = Findings::from_unsorted(owned).0;
        let old = std::mem::take(&mut self.0);
        let mut out = Vec::with_capacity(old.len() + new.len());
        let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let take_old = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(x), Some(y)) if x.0 == y.0 => {
                    let (mut x, y) = (a.next().unwrap_or_default(), b.next().unwrap_or_default());
                    x.1.extend(y.1);
                    out.push(x);
                    continue;
                }
                (Some(x), Some(y)) => x.0 < y.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
            };
            out.extend(if take_old { a.next() } else { b.next() });
        }
        self.0 = out;
    }

    /// Each pointer with its findings, in pointer order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Vec<Issue>)> {
        self.0.iter().map(|(pointer, list)| (pointer, list))
    }

    /// Every finding, by pointer.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Issue> {
        self.0.iter().flat_map(|(_, list)| list)
    }

    /// The pointers whose findings differ between `self` and `other`, in
    /// pointer order (a merge of the two sorted vectors).
    pub(crate) fn changed_keys(&self, other: &Findings, out: &mut Vec<String>) {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        loop {
            let (x, y) = (a.peek(), b.peek());
            let key = match (x, y) {
                (None, None) => return,
                (Some(x), Some(y)) if x.0 == y.0 => {
                    let differ = x.1 != y.1;
                    let key = x.0.clone();
                    a.next();
                    b.next();
                    if !differ {
                        continue;
                    }
                    key
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    a.next().map(|e| e.0.clone()).unwrap_or_default()
                }
                (Some(_), None) => a.next().map(|e| e.0.clone()).unwrap_or_default(),
                _ => b.next().map(|e| e.0.clone()).unwrap_or_default(),
            };
            out.push(key);
        }
    }
}

/// Removes repeated strings from `list`, keeping each one's first place.
pub(crate) fn dedup_keep_first(list: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::with_capacity(list.len());
    list.retain(|p| match seen.binary_search(p) {
        Ok(_) => false,
        Err(at) => {
            seen.insert(at, p.clone());
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Code;

    fn at(path: &str) -> Issue {
        Issue::error(path, Code::Required)
    }

    #[test]
    fn files_sorted_and_finds_ranges() {
        let mut f = Findings::from_unsorted(vec![
            ("/b".into(), at("/b")),
            ("/a/1".into(), at("/a/1/x")),
            ("/a".into(), at("/a")),
            ("/a/1".into(), at("/a/1/y")),
        ]);
        assert_eq!(f.get("/a/1").map(|l| l.len()), Some(2));
        assert_eq!(f.get("/a/1").unwrap()[1].path, "/a/1/y", "order within a pointer kept");
        assert_eq!(
            f.all().map(|i| i.path.as_str()).collect::<Vec<_>>(),
            ["/a", "/a/1/x", "/a/1/y", "/b"]
        );
        f.remove_range("/a/", "/a0");
        assert!(f.get("/a/1").is_none());
        assert!(f.get("/a").is_some() && f.get("/b").is_some());
        f.push("/0", at("/0"));
        f.remove("/a");
        assert_eq!(f.all().map(|i| i.path.as_str()).collect::<Vec<_>>(), ["/0", "/b"]);
        f.extend((0..10).map(|i| (format!("/{}", i % 3), at(&i.to_string()))).collect());
        let paths = |f: &Findings| f.all().map(|i| i.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&f), ["/0", "0", "3", "6", "9", "1", "4", "7", "2", "5", "8", "/b"]);
        f.extend(vec![("/a".into(), at("/a"))]);
        assert_eq!(f.get("/a").map(|l| l.len()), Some(1));
        f.list_mut("/c");
        f.remove_if_empty("/c");
        assert!(f.get("/c").is_none());
    }

    #[test]
    fn changed_keys_are_the_symmetric_difference_and_changes() {
        let a = Findings::from_unsorted(vec![("/a".into(), at("/a")), ("/b".into(), at("/b"))]);
        let b = Findings::from_unsorted(vec![
            ("/b".into(), at("/b/x")),
            ("/c".into(), at("/c")),
            ("/a".into(), at("/a")),
        ]);
        let mut out = Vec::new();
        a.changed_keys(&b, &mut out);
        assert_eq!(out, ["/b", "/c"]);
        out.clear();
        a.changed_keys(&a.clone(), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn dedup_keeps_first_places() {
        let mut l: Vec<String> = ["/b", "/a", "/b", "/c", "/a"].map(String::from).into();
        dedup_keep_first(&mut l);
        assert_eq!(l, ["/b", "/a", "/c"]);
    }
}
