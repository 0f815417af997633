//! The organisation view: one organisation's participations together. An
//! organisation is its folded name's tokens plus its country, so "MUSE –
//! Science Museum" and "Muse - science museum" in IT are one.

use crate::fold::key;
use crate::index::Index;
use crate::search::Hit;

/// One organisation and its participations among some hits.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// The name as first seen.
    pub name: String,
    /// Its country code.
    pub country: String,
    /// Its participations (indexes into `Dataset::partners`), best first.
    pub participations: Vec<u32>,
    /// The best score among them.
    pub score: f32,
}

/// The key organisations are grouped by.
pub fn organisation_key(name: &str, country: &str) -> String {
    let mut key = key(name);
    key.push('|');
    key.push_str(country);
    key
}

impl Index {
    /// `hits` grouped by organisation, in the order of each organisation's
    /// best hit.
    pub fn group(&self, hits: &[Hit]) -> Vec<Organisation> {
        let mut keys: Vec<String> = Vec::new();
        let mut out: Vec<Organisation> = Vec::new();
        for hit in hits {
            let p = &self.data.partners[hit.doc as usize];
            let key = organisation_key(&p.organisation, &p.country);
            match keys.iter().position(|k| *k == key) {
                Some(i) => out[i].participations.push(hit.doc),
                None => {
                    keys.push(key);
                    out.push(Organisation {
                        name: p.organisation.clone(),
                        country: p.country.clone(),
                        participations: vec![hit.doc],
                        score: hit.score,
                    });
                }
            }
        }
        out
    }

    /// Every participation of the organisation of participation `doc`, in
    /// the whole dataset (a scan: for one click, not for every keystroke).
    pub fn participations_of(&self, doc: u32) -> Vec<u32> {
        let Some(p) = self.data.partners.get(doc as usize) else { return Vec::new() };
        let key = organisation_key(&p.organisation, &p.country);
        let partners = &self.data.partners;
        (0..partners.len() as u32)
            .filter(|&d| {
                let q = &partners[d as usize];
                q.country == p.country && organisation_key(&q.organisation, &q.country) == key
            })
            .collect()
    }
}
