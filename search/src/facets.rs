//! Facets: the values of country, NUTS 2 region, programme, legal status,
//! partner type, objective and period, interned per facet by their folded
//! tokens (so "Regional public authority" and "regional Public  authority"
//! are one value, shown as first seen), and counted over a result set.

use crate::fold::key as fold_key;
use crate::record::Dataset;

/// The facets, in the order of [`FACETS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// Country code.
    Country,
    /// NUTS 2 code.
    Region,
    /// Programme.
    Programme,
    /// Legal status (public/private).
    LegalStatus,
    /// Partner type.
    PartnerType,
    /// Objective or theme (several per project).
    Objective,
    /// Programme period.
    Period,
}

/// Every facet.
pub const FACETS: [Facet; 7] = [
    Facet::Country,
    Facet::Region,
    Facet::Programme,
    Facet::LegalStatus,
    Facet::PartnerType,
    Facet::Objective,
    Facet::Period,
];

impl Facet {
    /// The facet's name in JSON output.
    pub fn name(self) -> &'static str {
        ["country", "nuts2", "programme", "legal_status", "partner_type", "objective", "period"]
            [self as usize]
    }
}

/// The form values are compared in: folded tokens, one space apart
/// ("Regional public  Authority" → "regional public authority").
fn key(value: &str) -> String {
    fold_key(value)
}

/// The values of one facet.
#[derive(Debug, Clone, Default)]
struct Dict {
    labels: Vec<String>,
    /// `(key, id)` sorted by key: a facet has few distinct values, and a
    /// sorted vector links far less code into the wasm than a `HashMap`
    /// (docs/decisions.md).
    keys: Vec<(String, u32)>,
}

impl Dict {
    fn intern(&mut self, label: &str) -> u32 {
        let key = key(label);
        match self.keys.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => self.keys[at].1,
            Err(at) => {
                let id = self.labels.len() as u32;
                self.labels.push(label.trim().to_owned());
                self.keys.insert(at, (key, id));
                id
            }
        }
    }
}

/// Each participation's facet values, as ids.
#[derive(Debug, Clone, Default)]
pub struct FacetTable {
    dicts: [Dict; 7],
    /// Per participation: the value of every facet but `Objective`.
    single: Vec<[u32; 7]>,
    /// Per project: its objective ids.
    objectives: Vec<Vec<u32>>,
    /// Per participation: its project (kept here so that filters and
    /// counts never touch the records themselves).
    project: Vec<u32>,
}

/// The counts of one facet: `(value, participations)`, most first.
pub type Counts = Vec<(String, u32)>;

impl FacetTable {
    /// The table for `data`.
    pub fn new(data: &Dataset) -> FacetTable {
        let mut t = FacetTable::default();
        for p in &data.partners {
            let project = data.project_of(p);
            let mut ids = [0; 7];
            for (slot, value) in [
                (Facet::Country, &p.country),
                (Facet::Region, &p.nuts[1]),
                (Facet::Programme, &project.programme),
                (Facet::LegalStatus, &p.legal_status),
                (Facet::PartnerType, &p.partner_type),
                (Facet::Period, &project.period),
            ] {
                ids[slot as usize] = t.dicts[slot as usize].intern(value);
            }
            t.single.push(ids);
            t.project.push(p.project);
        }
        let dict = &mut t.dicts[Facet::Objective as usize];
        t.objectives = data
            .projects
            .iter()
            .map(|p| p.objectives.iter().map(|o| dict.intern(o)).collect())
            .collect();
        t
    }

    /// The id of `value` in `facet`, if any participation has it.
    pub fn id(&self, facet: Facet, value: &str) -> Option<u32> {
        let keys = &self.dicts[facet as usize].keys;
        let key = key(value);
        keys.binary_search_by(|(k, _)| k.as_str().cmp(&key)).ok().map(|at| keys[at].1)
    }

    /// Whether participation `doc` has value `id` in `facet`.
    pub fn has(&self, doc: u32, facet: Facet, id: u32) -> bool {
        match facet {
            Facet::Objective => self.objectives[self.project[doc as usize] as usize].contains(&id),
            _ => self.single[doc as usize][facet as usize] == id,
        }
    }

    /// The counts of every facet over `docs`, at most `top` values per
    /// facet, empty values left out.
    pub fn count(&self, docs: &[u32], top: usize) -> Vec<(Facet, Counts)> {
        FACETS
            .iter()
            .map(|&facet| {
                let dict = &self.dicts[facet as usize];
                let mut n = vec![0u32; dict.labels.len()];
                for &doc in docs {
                    match facet {
                        Facet::Objective => {
                            for &o in &self.objectives[self.project[doc as usize] as usize] {
                                n[o as usize] += 1;
                            }
                        }
                        _ => n[self.single[doc as usize][facet as usize] as usize] += 1,
                    }
                }
                let mut counts: Counts = n
                    .iter()
                    .enumerate()
                    .filter(|&(id, &c)| c > 0 && !dict.labels[id].is_empty())
                    .map(|(id, &c)| (dict.labels[id].clone(), c))
                    .collect();
                counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                counts.truncate(top);
                (facet, counts)
            })
            .collect()
    }
}
