//! Reading partner data: keep.eu CSV (partners, joined to projects by
//! `project_key`), the Swedish 2021-2027 CSV, and the hitforms JSON exchange
//! format (docs/index-format.md), which [`json::export`] also writes.
//!
//! A bad row never stops an import: it is reported as a [`Problem`] (file,
//! line, column, reason) and skipped, or kept when what is wrong does not
//! make it unusable (then `skipped` is false). Only a file that is not one
//! of the layouts at all is an error.

mod csv_rows;
pub mod json;
mod keep;
mod swedish;

use crate::record::Dataset;
use std::fmt;

/// One thing wrong with one row of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or source name) it is in.
    pub file: String,
    /// The 1-based line of a CSV row; 0 for JSON (see `column`).
    pub line: u64,
    /// The CSV column name, or for JSON the JSON pointer of the value.
    pub column: String,
    /// What is wrong.
    pub reason: String,
    /// Whether the row was left out (else it was kept, as described).
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = if self.skipped { "row skipped" } else { "row kept" };
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.column.is_empty() {
            write!(f, ": {}", self.column)?;
        }
        write!(f, ": {} ({action})", self.reason)
    }
}

/// The layouts [`import`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `keep_2014_2020_partners.csv` (and the 2000-2013 participations,
    /// which add columns).
    KeepPartners,
    /// `keep_2014_2020_projects.csv`.
    KeepProjects,
    /// `se_partners_2021_2027.csv`.
    Swedish,
    /// The hitforms JSON exchange format.
    Json,
}

/// The layout of an input, from its first bytes (JSON) or its CSV header.
pub fn detect(bytes: &[u8]) -> Result<Layout, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return Ok(Layout::Json);
    }
    let header = csv_rows::header(bytes)?;
    let has = |name: &str| header.iter().any(|h| h == name);
    if has("project_key") && has("organisation_name") {
        Ok(Layout::KeepPartners)
    } else if has("project_key") && has("project_name") {
        Ok(Layout::KeepProjects)
    } else if has("source_id") && has("organisation_name") && has("partner_role") {
        Ok(Layout::Swedish)
    } else {
        Err("not a known layout: expected keep.eu partners or projects CSV, the Swedish \
             2021-2027 CSV, or hitforms JSON (docs/index-format.md)"
            .to_owned())
    }
}

/// Imports every `(name, bytes)` source into one dataset. keep.eu project
/// files are read first, whatever their order, so partners join to them.
/// An error names the source that is not a known layout.
pub fn import(sources: &[(&str, &[u8])]) -> Result<(Dataset, Vec<Problem>), String> {
    let mut layouts = Vec::with_capacity(sources.len());
    for (name, bytes) in sources {
        layouts.push(detect(bytes).map_err(|e| format!("{name}: {e}"))?);
    }
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| layouts[i] != Layout::KeepProjects);
    let (mut data, mut problems) = (Dataset::new(), Vec::new());
    for i in order {
        let (name, bytes) = sources[i];
        let result = match layouts[i] {
            Layout::KeepProjects => keep::projects(name, bytes, &mut data, &mut problems),
            Layout::KeepPartners => keep::partners(name, bytes, &mut data, &mut problems),
            Layout::Swedish => swedish::partners(name, bytes, &mut data, &mut problems),
            Layout::Json => json::import(name, bytes, &mut data, &mut problems),
        };
        result.map_err(|e| format!("{name}: {e}"))?;
    }
    Ok((data, problems))
}

/// The data folder: `$HITFORMS_DATA`, else `../shared/data` (as the engine's
/// code lists).
pub fn default_data_dir() -> std::path::PathBuf {
    std::env::var_os("HITFORMS_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("../shared/data"))
}
