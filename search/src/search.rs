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
        let mut words = tokens(&query.text);
        let mut seen = std::collections::HashSet::new();
        words.retain(|w| seen.insert(w.clone()));
        words.truncate(MAX_WORDS);
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
            if query.limit > 0 {
                found.select_nth_unstable_by(query.limit - 1, order);
            }
            found.truncate(query.limit);
        }
        found.sort_unstable_by(order);
        Results { hits: found, total, relaxed, facets }
    }
}
