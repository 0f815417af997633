//! The widget's download size: wasm + JS glue, raw and gzip, against the budget.

use crate::util::{Result, root};
use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The gzip budget of wasm + JS, in bytes. Tighten it over time; never loosen it.
pub const GZIP_BUDGET: usize = 150_000;

/// Prints the sizes; fails when the gzip total is over the budget.
pub fn report() -> Result<usize> {
    let dist = root().join("pkg/dist");
    let mut files = vec![dist.join("hitforms_bg.wasm"), dist.join("hitforms.js")];
    collect_files(&dist.join("snippets"), &mut files);
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("widget size (wasm + JS):");
    for file in files {
        let bytes = std::fs::read(&file)
            .map_err(|e| format!("{}: {e} (run `cargo xtask build`)", file.display()))?;
        let gz = gzip_len(&bytes);
        let name = file.strip_prefix(&dist).unwrap_or(&file).display().to_string();
        println!("  {name:<40} {:>9} B raw {:>9} B gzip", bytes.len(), gz);
        raw_total += bytes.len();
        gz_total += gz;
    }
    println!(
        "  {:<40} {raw_total:>9} B raw {gz_total:>9} B gzip (budget {GZIP_BUDGET} B gzip)",
        "total"
    );
    if gz_total > GZIP_BUDGET {
        return Err(format!("the widget is {gz_total} B gzip, over the {GZIP_BUDGET} B budget"));
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
