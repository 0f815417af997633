//! The synergy finder: the projects whose descriptions are most like a
//! project idea (BM25 over title, acronym, description and objectives), with
//! the shared terms that weighed most as the explanation, and their partners.

use crate::fold::tokens;
use crate::index::{Builder, Index, Postings};
use crate::record::Dataset;
use std::collections::HashMap;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Terms in more than this share of projects explain nothing ("the",
/// "project", "cooperation"): they are not scored.
const COMMON: f32 = 0.25;
/// Shared terms shown per result.
const SHOWN: usize = 8;

/// The inverted index of projects (one field).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectIndex {
    /// Terms and postings; `Posting::doc` is the project.
    pub postings: Postings,
    /// Each project's length in tokens.
    pub lens: Vec<u32>,
}

/// A similar project.
#[derive(Debug, Clone, PartialEq)]
pub struct Similar {
    /// Its index in `Dataset::projects`.
    pub project: u32,
    /// Its BM25 score against the idea.
    pub score: f32,
    /// The shared terms that weighed most, most first.
    pub shared: Vec<String>,
    /// Its participations (indexes into `Dataset::partners`).
    pub partners: Vec<u32>,
}

/// Whether a token is worth matching (not a number or a one- or two-letter word).
fn useful(t: &str) -> bool {
    t.chars().count() >= 3 && !t.chars().all(|c| c.is_ascii_digit())
}

impl ProjectIndex {
    /// The index of `data`'s projects.
    pub fn new(data: &Dataset) -> ProjectIndex {
        let mut builder = Builder::default();
        let mut lens = Vec::with_capacity(data.projects.len());
        for (i, p) in data.projects.iter().enumerate() {
            let text = [&p.acronym, &p.title, &p.description, &p.objectives.join(" ")];
            let toks = text.iter().flat_map(|t| tokens(t)).filter(|t| useful(t));
            lens.push(builder.add(i as u32, 0, toks) as u32);
        }
        ProjectIndex { postings: builder.finish(), lens }
    }
}

impl Index {
    /// The `limit` projects most similar to `idea`, best first.
    pub fn similar(&self, idea: &str, limit: usize) -> Vec<Similar> {
        let idx = &self.projects;
        let n = idx.lens.len();
        if n == 0 || limit == 0 {
            return Vec::new();
        }
        let avg = (idx.lens.iter().map(|&l| l as f32).sum::<f32>() / n as f32).max(1.0);
        let mut qtf: HashMap<String, u32> = HashMap::new();
        for t in tokens(idea).into_iter().filter(|t| useful(t)) {
            *qtf.entry(t).or_default() += 1;
        }
        let mut terms: Vec<(usize, f32)> = Vec::new();
        for (term, &count) in &qtf {
            if let Some(t) = idx.postings.find(term) {
                let df = idx.postings.df[t] as f32;
                if df <= COMMON * n as f32 || n < 8 {
                    let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                    terms.push((t, idf * (1.0 + (count as f32).ln())));
                }
            }
        }
        // Term order fixes the order of float additions and of ties.
        terms.sort_unstable_by_key(|&(t, _)| t);
        let mut score = vec![0f32; n];
        let mut why: HashMap<u32, Vec<(f32, usize)>> = HashMap::new();
        for &(t, weight) in &terms {
            for p in idx.postings.of(t) {
                let tf = f32::from(p.tf);
                let norm = 1.0 - B + B * idx.lens[p.doc as usize] as f32 / avg;
                let s = weight * tf * (K1 + 1.0) / (tf + K1 * norm);
                score[p.doc as usize] += s;
                why.entry(p.doc).or_default().push((s, t));
            }
        }
        let mut ranked: Vec<u32> = (0..n as u32).filter(|&p| score[p as usize] > 0.0).collect();
        ranked.sort_by(|&a, &b| score[b as usize].total_cmp(&score[a as usize]).then(a.cmp(&b)));
        ranked.truncate(limit);
        let mut out: Vec<Similar> = ranked
            .iter()
            .map(|&p| {
                let mut parts = why.remove(&p).unwrap_or_default();
                parts.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                let shared =
                    parts.iter().take(SHOWN).map(|&(_, t)| idx.postings.terms[t].clone()).collect();
                Similar { project: p, score: score[p as usize], shared, partners: Vec::new() }
            })
            .collect();
        for (doc, partner) in self.data.partners.iter().enumerate() {
            if let Some(s) = out.iter_mut().find(|s| s.project == partner.project) {
                s.partners.push(doc as u32);
            }
        }
        out
    }
}
