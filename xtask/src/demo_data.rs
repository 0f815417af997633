//! The partner-search demo's index (`pkg/dist/search/demo-partners.hfsx`,
//! not committed, not packed): the keep.eu 2014-2020 partners and projects
//! and the Swedish 2021-2027 partners from `$HITFORMS_DATA` (default
//! `../shared/data`), else the project's own small fixtures
//! (`tests/fixtures/search`). Project descriptions are left out: the element
//! does not show them, and the file stays small.

use crate::util::{Result, root};
use hitforms_search::{Index, binary, import};

/// The real files the demo reads, relative to the data folder.
const REAL: &[&str] = &[
    "keep_eucicop/keep_2014_2020_projects.csv",
    "keep_eucicop/keep_2014_2020_partners.csv",
    "interregbarometern_se/se_partners_2021_2027.csv",
];

/// The fixtures used when the real data is absent.
const FIXTURES: &[&str] = &[
    "tests/fixtures/search/keep_projects.csv",
    "tests/fixtures/search/keep_partners.csv",
    "tests/fixtures/search/se_partners.csv",
];

/// Writes the demo index; says which data it used.
pub fn write() -> Result {
    let mut dir = import::default_data_dir();
    if dir.is_relative() {
        dir = root().join(dir);
    }
    let real: Vec<_> = REAL.iter().map(|f| dir.join(f)).collect();
    let (files, what) = if real.iter().all(|f| f.is_file()) {
        (real, format!("real data from {}", dir.display()))
    } else {
        (
            FIXTURES.iter().map(|f| root().join(f)).collect(),
            "the fixtures (no HITFORMS_DATA)".into(),
        )
    };
    let mut loaded = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        loaded.push((file.file_name().unwrap_or_default().to_string_lossy().into_owned(), bytes));
    }
    let sources: Vec<(&str, &[u8])> = loaded.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
    let (mut data, _problems) = import::import(&sources)?;
    for project in &mut data.projects {
        project.description.clear();
    }
    let index = Index::new(data);
    let out = root().join("pkg/dist/search/demo-partners.hfsx");
    let bytes = binary::write(&index);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("demo index: {} participations, {} B, from {what}", index.len(), bytes.len());
    Ok(())
}
