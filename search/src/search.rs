//! Queries: every word must match (exactly, as a prefix for the word being
//! typed, or within a few typos scaled by its length), ranked by BM25F with
//! field weights; when no participation matches every word, the results
//! fall back to those matching the most words (`Results::relaxed`).
//! Filters narrow before ranking; facet counts are over all matches.
//!
//! Limits, by design: a one-letter word being typed matches only exactly
//! (a one-letter prefix would touch most of the index); the word being typed
//! matches as a prefix or, as a whole word, within its typos, but not as a
//! prefix with a typo; query words beyond [`MAX_WORDS`] are ignored.

use crate::facets::{Counts, Facet};
use crate::filter::Compiled;
use crate::fold::tokens;
use crate::fuzzy::{allowed_typos, within};
use crate::index::{Index, WEIGHTS};
use std::cmp::Ordering;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Score factor of a prefix expansion (the word being typed).
const PREFIX: f32 = 0.8;
/// Score factors of matches with one and two typos: low enough that a
/// prefix match usually outranks a typo match even when the typo match
/// repeats ("hafen" ranks "Hafenfest" above "Haren-Haren").
const TYPO: [f32; 3] = [1.0, 0.4, 0.25];
/// The most query words used (more are ignored).
pub const MAX_WORDS: usize = 16;

/// Restrictions on the participations searched. Values compare folded
/// (case and diacritics ignored); `nuts` is a code prefix at any level; an
/// empty value restricts nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Country code.
    pub country: Option<String>,
    /// NUTS code prefix (`DE`, `DEG`, `DEG0`, `DEG01`).
    pub nuts: Option<String>,
    /// Programme name.
    pub programme: Option<String>,
    /// Legal status.
    pub legal_status: Option<String>,
    /// Partner type.
    pub partner_type: Option<String>,
    /// Objective or theme.
    pub objective: Option<String>,
    /// Period (`2014-2020`).
    pub period: Option<String>,
}

/// A query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// What the user typed.
    pub text: String,
    /// Restrictions.
    pub filters: Filters,
    /// The most hits returned (facets and `total` count all).
    pub limit: usize,
    /// Whether the last word is matched as a prefix too (search as you
    /// type); off when the text ends with a space.
    pub prefix: bool,
    /// Whether facet counts are computed.
    pub facets: bool,
}

impl Query {
    /// A query for `text` with the defaults: 20 hits, prefix on, facets on.
    pub fn new(text: &str) -> Query {
        Query {
            text: text.to_owned(),
            filters: Filters::default(),
            limit: 20,
            prefix: true,
            facets: true,
        }
    }
}

/// One participation found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Its index in `Dataset::partners`.
    pub doc: u32,
    /// Its BM25F score.
    pub score: f32,
    /// How many query words it matched.
    pub matched: u32,
}

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many participations matched.
    pub total: usize,
    /// True when no participation matched every word and the hits match
    /// only some of them.
    pub relaxed: bool,
    /// Facet counts over every match (empty unless asked for).
    pub facets: Vec<(Facet, Counts)>,
}

impl Index {
    /// The terms one query word stands for, with their score factors.
    pub fn expand(&self, word: &str, as_prefix: bool) -> Vec<(usize, f32)> {
        let terms = &self.postings;
        let mut out: Vec<(usize, f32)> = terms.find(word).map(|t| (t, 1.0)).into_iter().collect();
        if as_prefix && word.chars().count() >= 2 {
            out.extend(
                terms.prefix_range(word).filter(|&t| terms.terms[t] != word).map(|t| (t, PREFIX)),
            );
        }
        let chars: Vec<char> = word.chars().collect();
        let max = allowed_typos(chars.len());
        let mut row = Vec::new();
        let lo = chars.len().saturating_sub(max);
        let hi = (chars.len() + max).min(self.by_len.len().saturating_sub(1));
        for len in lo..=hi {
            for &t in self.by_len.get(len).map_or(&[][..], Vec::as_slice) {
                let t = t as usize;
                if let Some(d) = within(&chars, &terms.terms[t], max, &mut row)
                    && d > 0
                    && !(as_prefix && terms.terms[t].starts_with(word))
                {
                    out.push((t, TYPO[d]));
                }
            }
        }
        out
    }

    /// Runs `query`.
    pub fn search(&self, query: &Query) -> Results {
        let filter = Compiled::new(self, &query.filters);
        let ok = |doc: u32| filter.allows(doc);
        // A query has few words: a linear dedupe links no hashing code.
        let mut words: Vec<String> = Vec::new();
        for word in tokens(&query.text) {
            if words.len() == MAX_WORDS {
                break;
            }
            if !words.contains(&word) {
                words.push(word);
            }
        }
        let typing = query.prefix && query.text.chars().last().is_some_and(char::is_alphanumeric);
        let n = self.len();
        let mut relaxed = false;
        let mut found: Vec<Hit>;
        if words.is_empty() {
            found = (0..n as u32)
                .filter(|&d| ok(d))
                .map(|doc| Hit { doc, score: 0.0, matched: 0 })
                .collect();
        } else {
            let (mut total, mut mask) = (vec![0f32; n], vec![0u32; n]);
            let mut touched: Vec<u32> = Vec::new();
            let mut best = vec![0f32; n];
            let mut word_docs: Vec<u32> = Vec::new();
            for (i, word) in words.iter().enumerate() {
                let last = i + 1 == words.len();
                for (t, factor) in self.expand(word, typing && last) {
                    let df = self.postings.df[t] as f32;
                    let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                    let postings = self.postings.of(t);
                    let mut k = 0;
                    while k < postings.len() {
                        let doc = postings[k].doc;
                        let mut s = 0.0;
                        while k < postings.len() && postings[k].doc == doc {
                            let p = postings[k];
                            let tf = f32::from(p.tf);
                            let norm = 1.0 - B
                                + B * self.field_len(doc, p.field) / self.avg[p.field as usize];
                            s += WEIGHTS[p.field as usize] * tf * (K1 + 1.0) / (tf + K1 * norm);
                            k += 1;
                        }
                        if !ok(doc) {
                            continue;
                        }
                        let s = s * idf * factor;
                        let b = &mut best[doc as usize];
                        if *b == 0.0 {
                            word_docs.push(doc);
                        }
                        *b = b.max(s);
                    }
                }
                for &doc in &word_docs {
                    let d = doc as usize;
                    if mask[d] == 0 {
                        touched.push(doc);
                    }
                    mask[d] |= 1 << i;
                    total[d] += best[d];
                    best[d] = 0.0;
                }
                word_docs.clear();
            }
            let all = if words.len() >= 32 { u32::MAX } else { (1u32 << words.len()) - 1 };
            let hit = |doc: u32| Hit {
                doc,
                score: total[doc as usize],
                matched: mask[doc as usize].count_ones(),
            };
            found = touched.iter().filter(|&&d| mask[d as usize] == all).map(|&d| hit(d)).collect();
            if found.is_empty() && words.len() > 1 {
                relaxed = !touched.is_empty();
                found = touched.iter().map(|&d| hit(d)).collect();
            }
        }
        let facets = if query.facets {
            let docs: Vec<u32> = found.iter().map(|h| h.doc).collect();
            self.facets.count(&docs, 50)
        } else {
            Vec::new()
        };
        let total = found.len();
        let order = |a: &Hit, b: &Hit| {
            b.matched.cmp(&a.matched).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
        };
        if query.limit < found.len() {
            found = first(found, query.limit, order);
        } else {
            found.sort_unstable_by(order);
        }
        Results { hits: found, total, relaxed, facets }
    }
}

/// The first `limit` (less than their number) of `hits` by `order`, a
/// total order, in order. Natively `select_nth_unstable_by` (a quarter
/// faster at the median there: docs/benchmarks.md); in wasm `top`, which
/// links 1.4 KB gzip less and is as fast there. Both give the same hits.
fn first(mut hits: Vec<Hit>, limit: usize, order: impl Fn(&Hit, &Hit) -> Ordering) -> Vec<Hit> {
    if cfg!(target_arch = "wasm32") {
        return top(hits, limit, order);
    }
    if limit > 0 {
        hits.select_nth_unstable_by(limit - 1, &order);
    }
    hits.truncate(limit);
    hits.sort_unstable_by(order);
    hits
}

/// The first `limit` of `hits` by `order` (a total order), in order: a
/// bounded sorted insertion, which links far less code into the wasm than
/// `select_nth_unstable_by` (docs/decisions.md). A hit that does not beat
/// the current last costs one comparison, so this is linear in practice.
fn top(hits: Vec<Hit>, limit: usize, order: impl Fn(&Hit, &Hit) -> Ordering) -> Vec<Hit> {
    let mut best: Vec<Hit> = Vec::with_capacity(limit + 1);
    for hit in hits {
        if best.len() == limit {
            match best.last() {
                Some(last) if order(&hit, last) == Ordering::Less => {}
                _ => continue,
            }
            best.pop();
        }
        let at = best.partition_point(|h| order(h, &hit) == Ordering::Less);
        best.insert(at, hit);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_and_first_equal_a_full_sort_cut_to_the_limit() {
        let order = |a: &Hit, b: &Hit| {
            b.matched.cmp(&a.matched).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
        };
        // A deterministic shuffle with ties in score and in words matched.
        let hits: Vec<Hit> = (0..500u32)
            .map(|i| {
                let x = i.wrapping_mul(2_654_435_761) >> 7;
                Hit { doc: x % 1000, score: (x % 13) as f32, matched: x % 3 }
            })
            .collect();
        let mut sorted = hits.clone();
        sorted.sort_by(order);
        for limit in [0, 1, 7, 50, 499] {
            let want: Vec<u32> = sorted[..limit].iter().map(|h| h.doc).collect();
            let got: Vec<u32> = top(hits.clone(), limit, order).iter().map(|h| h.doc).collect();
            assert_eq!(got, want, "top, limit {limit}");
            let got: Vec<u32> = first(hits.clone(), limit, order).iter().map(|h| h.doc).collect();
            assert_eq!(got, want, "first, limit {limit}");
        }
    }
}
