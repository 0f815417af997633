//! The partner index: every participation's searchable fields in one
//! inverted index, field lengths for BM25F, facet values, terms by length
//! for typo matching, and the project index of the synergy finder.

pub mod postings;

use crate::facets::FacetTable;
use crate::fold::{for_each_token, repair_mojibake};
use crate::record::Dataset;
use crate::synergy::ProjectIndex;
pub use postings::{Builder, Posting, Postings};

/// The searchable fields of a participation, in index order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The organisation's name (and its mojibake repair).
    Name,
    /// The project acronym.
    Acronym,
    /// The department.
    Department,
    /// The project title.
    Title,
    /// The town.
    Town,
    /// The NUTS region names.
    Region,
    /// The programme.
    Programme,
}

/// The number of fields.
pub const FIELDS: usize = 7;

/// Field weights for BM25F: the name counts most, then the acronym and the
/// department, then the title, then the town (the order: name above
/// department above town).
pub const WEIGHTS: [f32; FIELDS] = [4.0, 2.5, 2.0, 1.5, 1.0, 0.7, 0.5];

/// A searchable partner index over a dataset.
#[derive(Debug, Clone)]
pub struct Index {
    /// The records.
    pub data: Dataset,
    /// The inverted index of participations.
    pub postings: Postings,
    /// Field lengths in tokens: `lens[doc * FIELDS + field]`.
    pub lens: Vec<u8>,
    /// The project (synergy) index.
    pub projects: ProjectIndex,
    pub(crate) avg: [f32; FIELDS],
    pub(crate) by_len: Vec<Vec<u32>>,
    pub(crate) facets: FacetTable,
}

/// Calls `f` with the tokens of each field of one participation.
fn fields_of(data: &Dataset, doc: usize, mut f: impl FnMut(Field, Vec<String>)) {
    let p = &data.partners[doc];
    let project = data.project_of(p);
    let collect = |texts: &[&str]| {
        let mut out = Vec::new();
        for t in texts {
            for_each_token(t, |tok| out.push(tok.to_owned()));
        }
        out
    };
    let repaired = repair_mojibake(&p.organisation).unwrap_or_default();
    f(Field::Name, collect(&[&p.organisation, &repaired]));
    f(Field::Acronym, collect(&[&project.acronym]));
    f(Field::Department, collect(&[&p.department]));
    f(Field::Title, collect(&[&project.title]));
    f(Field::Town, collect(&[&p.town]));
    f(Field::Region, collect(&[&p.region]));
    f(Field::Programme, collect(&[&project.programme]));
}

impl Index {
    /// Builds the index of `data`.
    pub fn new(data: Dataset) -> Index {
        let mut builder = Builder::default();
        let mut lens = Vec::with_capacity(data.partners.len() * FIELDS);
        for doc in 0..data.partners.len() {
            fields_of(&data, doc, |field, tokens| {
                lens.push(builder.add(doc as u32, field as u8, tokens.into_iter()).min(255) as u8);
            });
        }
        let projects = ProjectIndex::new(&data);
        Index::from_parts(data, builder.finish(), lens, projects)
    }

    /// An index from its stored parts (the binary format checks them first).
    pub fn from_parts(
        data: Dataset,
        postings: Postings,
        lens: Vec<u8>,
        projects: ProjectIndex,
    ) -> Index {
        let n = data.partners.len().max(1) as f32;
        let mut avg = [0f32; FIELDS];
        for (i, &len) in lens.iter().enumerate() {
            avg[i % FIELDS] += f32::from(len);
        }
        for a in &mut avg {
            *a = (*a / n).max(1.0);
        }
        let mut by_len: Vec<Vec<u32>> = Vec::new();
        for (t, term) in postings.terms.iter().enumerate() {
            let len = term.chars().count();
            if by_len.len() <= len {
                by_len.resize(len + 1, Vec::new());
            }
            by_len[len].push(t as u32);
        }
        let facets = FacetTable::new(&data);
        Index { data, postings, lens, projects, avg, by_len, facets }
    }

    /// The number of participations.
    pub fn len(&self) -> usize {
        self.data.partners.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.data.partners.is_empty()
    }

    /// The length of `field` in `doc`, in tokens.
    pub(crate) fn field_len(&self, doc: u32, field: u8) -> f32 {
        f32::from(self.lens[doc as usize * FIELDS + field as usize])
    }
}
