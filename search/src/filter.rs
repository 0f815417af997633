//! Filters compiled for one query: facet values resolved to ids once, then
//! checked only for the participations a query word reaches (never a pass
//! over every record, except for a query without words).

use crate::facets::Facet;
use crate::index::Index;
use crate::search::Filters;

/// The filters of one query, ready to check.
pub(crate) struct Compiled<'a> {
    index: &'a Index,
    checks: Vec<(Facet, u32)>,
    nuts: Option<String>,
    impossible: bool,
}

impl<'a> Compiled<'a> {
    /// Resolves `filters` against `index`'s facet values. A value no
    /// participation has makes the filter impossible (no result), not absent.
    pub fn new(index: &'a Index, filters: &Filters) -> Compiled<'a> {
        let f = filters;
        let wanted = [
            (Facet::Country, &f.country),
            (Facet::Programme, &f.programme),
            (Facet::LegalStatus, &f.legal_status),
            (Facet::PartnerType, &f.partner_type),
            (Facet::Objective, &f.objective),
            (Facet::Period, &f.period),
        ];
        let mut out = Compiled { index, checks: Vec::new(), nuts: None, impossible: false };
        // An empty value is no filter ("country": "" in a batch line).
        for (facet, value) in wanted {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                match index.facets.id(facet, v) {
                    Some(id) => out.checks.push((facet, id)),
                    None => out.impossible = true,
                }
            }
        }
        out.nuts = f.nuts.as_ref().map(|n| n.trim().to_ascii_uppercase()).filter(|n| !n.is_empty());
        out
    }

    /// Whether participation `doc` passes.
    pub fn allows(&self, doc: u32) -> bool {
        if self.impossible {
            return false;
        }
        if !self.checks.iter().all(|&(facet, id)| self.index.facets.has(doc, facet, id)) {
            return false;
        }
        match &self.nuts {
            None => true,
            Some(n) => self.index.data.partners[doc as usize]
                .nuts
                .iter()
                .any(|c| !c.is_empty() && c.starts_with(n.as_str())),
        }
    }
}
