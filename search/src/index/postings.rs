//! An inverted index: sorted terms, each with its postings (document,
//! field, term frequency) in one flat array, sorted by document then field.

use std::collections::HashMap;
use std::ops::Range;

/// One occurrence count of a term in one field of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document (a participation, or a project for the synergy index).
    pub doc: u32,
    /// The field (`index::Field` as a number).
    pub field: u8,
    /// How often the term occurs there (capped at 255).
    pub tf: u8,
}

/// Terms and their postings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    /// The terms, sorted (byte order of their folded form).
    pub terms: Vec<String>,
    /// `offsets[t]..offsets[t + 1]` is term `t`'s slice of `entries`.
    pub offsets: Vec<u32>,
    /// Every posting, term by term.
    pub entries: Vec<Posting>,
    /// For each term, the number of distinct documents it occurs in.
    pub df: Vec<u32>,
}

/// Collects postings document by document.
#[derive(Debug, Default)]
pub struct Builder {
    map: HashMap<String, Vec<Posting>>,
    scratch: Vec<String>,
}

impl Builder {
    /// Adds the `tokens` of one field of `doc`; returns the field length
    /// in tokens. Call in increasing `doc`, then `field`, order.
    pub fn add(&mut self, doc: u32, field: u8, tokens: impl Iterator<Item = String>) -> usize {
        self.scratch.clear();
        self.scratch.extend(tokens);
        let len = self.scratch.len();
        self.scratch.sort_unstable();
        let mut i = 0;
        while i < self.scratch.len() {
            let mut j = i + 1;
            while j < self.scratch.len() && self.scratch[j] == self.scratch[i] {
                j += 1;
            }
            let tf = (j - i).min(255) as u8;
            let term = std::mem::take(&mut self.scratch[i]);
            self.map.entry(term).or_default().push(Posting { doc, field, tf });
            i = j;
        }
        len
    }

    /// The finished, sorted index.
    pub fn finish(self) -> Postings {
        let mut terms: Vec<(String, Vec<Posting>)> = self.map.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let total = terms.iter().map(|(_, p)| p.len()).sum();
        let mut out = Postings { entries: Vec::with_capacity(total), ..Postings::default() };
        out.offsets.push(0);
        for (term, postings) in terms {
            out.terms.push(term);
            out.entries.extend(postings);
            out.offsets.push(out.entries.len() as u32);
        }
        out.compute_df();
        out
    }
}

impl Postings {
    /// Fills `df` from the postings (also after loading a binary index).
    pub fn compute_df(&mut self) {
        self.df = (0..self.terms.len())
            .map(|t| {
                let mut last = u32::MAX;
                let mut n = 0;
                for p in self.of(t) {
                    if p.doc != last {
                        n += 1;
                        last = p.doc;
                    }
                }
                n
            })
            .collect();
    }

    /// The postings of term `t`.
    pub fn of(&self, t: usize) -> &[Posting] {
        &self.entries[self.offsets[t] as usize..self.offsets[t + 1] as usize]
    }

    /// The id of `term`, if present.
    pub fn find(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// The ids of the terms that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> impl Iterator<Item = String> + '_ {
        s.split(' ').map(str::to_owned)
    }

    #[test]
    fn builds_sorted_terms_with_counts() {
        let mut b = Builder::default();
        assert_eq!(b.add(0, 0, toks("rural rural erfurt")), 3);
        b.add(0, 1, toks("erfurt"));
        b.add(1, 0, toks("rurality"));
        let p = b.finish();
        assert_eq!(p.terms, ["erfurt", "rural", "rurality"]);
        assert_eq!(
            p.of(0),
            [Posting { doc: 0, field: 0, tf: 1 }, Posting { doc: 0, field: 1, tf: 1 }]
        );
        assert_eq!(p.of(1), [Posting { doc: 0, field: 0, tf: 2 }]);
        assert_eq!(p.df, [1, 1, 1]);
        assert_eq!(p.find("rural"), Some(1));
        assert_eq!(p.find("rura"), None);
        assert_eq!(p.prefix_range("rur"), 1..3);
        assert_eq!(p.prefix_range("zz"), 3..3);
    }
}
