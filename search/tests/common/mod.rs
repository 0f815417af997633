//! The search fixtures (tests/fixtures/search), imported once per test.

#![allow(dead_code)]

use hitforms_search::import::{Problem, import};
use hitforms_search::{Dataset, Index};
use std::path::PathBuf;

/// The fixture folder.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/search")
}

/// The bytes of fixture `name`.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).expect("fixture")
}

/// Every fixture imported together.
pub fn dataset() -> (Dataset, Vec<Problem>) {
    let names = ["keep_partners.csv", "se_partners.csv", "partners.json", "keep_projects.csv"];
    let files: Vec<(String, Vec<u8>)> = names.iter().map(|n| (n.to_string(), fixture(n))).collect();
    let sources: Vec<(&str, &[u8])> =
        files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    import(&sources).expect("fixtures import")
}

/// The index of every fixture.
pub fn index() -> Index {
    Index::new(dataset().0)
}

/// The organisation names of a query's hits, best first.
pub fn names(index: &Index, query: &hitforms_search::Query) -> Vec<String> {
    index
        .search(query)
        .hits
        .iter()
        .map(|h| index.data.partners[h.doc as usize].organisation.clone())
        .collect()
}
