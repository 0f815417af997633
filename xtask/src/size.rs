//! The download sizes of the form widget and of the partner-search module:
//! wasm + JS glue, raw and gzip, each against its budget.

use crate::util::{Result, root};
use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The gzip budget of wasm + JS, in bytes. Tighten it over time; never loosen it.
pub const GZIP_BUDGET: usize = 150_000;

/// The gzip budgets of the partner-search module (wasm + JS), loaded only by
/// `<hitforms-partner-search>`: prebuilt indexes only, and with the CSV/JSON
/// import (docs/decisions.md). Tighten over time; never loosen.
/// The first is issue #6's "search code ≤ 40 KB gzip" (point 7).
pub const SEARCH_GZIP_BUDGET: usize = 40_000;
pub const SEARCH_IMPORT_GZIP_BUDGET: usize = 80_500;

/// Prints the sizes of both modules; fails when either is over its budget.
pub fn report() -> Result<usize> {
    let dist = root().join("pkg/dist");
    let form = module("widget", &dist, "hitforms", GZIP_BUDGET)?;
    module("full widget (compiled templates)", &dist.join("full"), "hitforms", GZIP_BUDGET)?;
    module("partner search", &dist.join("search"), "partner-search", SEARCH_GZIP_BUDGET)?;
    let import = dist.join("search-import");
    module("partner search with import", &import, "partner-search", SEARCH_IMPORT_GZIP_BUDGET)?;
    Ok(form)
}

/// The wasm, JS glue and snippets of the module `name` in `dir`, against `budget`.
fn module(what: &str, dir: &Path, name: &str, budget: usize) -> Result<usize> {
    let mut files = vec![dir.join(format!("{name}_bg.wasm")), dir.join(format!("{name}.js"))];
    collect_files(&dir.join("snippets"), &mut files);
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("{what} size (wasm + JS):");
    for file in files {
        let bytes = std::fs::read(&file)
            .map_err(|e| format!("{}: {e} (run `cargo xtask build`)", file.display()))?;
        let gz = gzip_len(&bytes);
        let name = file.strip_prefix(dir).unwrap_or(&file).display().to_string();
        println!("  {name:<40} {:>9} B raw {:>9} B gzip", bytes.len(), gz);
        raw_total += bytes.len();
        gz_total += gz;
    }
    println!(
        "  {:<40} {raw_total:>9} B raw {gz_total:>9} B gzip (budget {budget} B gzip)",
        "total"
    );
    if gz_total > budget {
        return Err(format!("the {what} is {gz_total} B gzip, over the {budget} B budget"));
    }
    Ok(gz_total)
}

/// Every file below `dir` (wasm-bindgen nests snippets by crate and path).
pub fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Length of `bytes` gzip-compressed at the best level.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(usize::MAX)
}
