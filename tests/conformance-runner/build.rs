//! Embeds every case file of `src/sources.rs` and every file they name
//! (configurations, base and example documents) into `$OUT_DIR/embedded.rs`
//! for the wasm tests, which cannot read the disk. The list is made from the
//! folders on disk, so a new case file is embedded without being listed.

#[path = "src/sources.rs"]
#[allow(dead_code)]
mod sources;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut cases = BTreeSet::new();
    for dir in sources::CASE_DIRS {
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && entry.path().is_file() {
                cases.insert(format!("{dir}/{name}"));
            }
        }
    }
    for manifest in sources::MANIFESTS {
        // The folder, so that an added example document is embedded too.
        println!("cargo:rerun-if-changed={}", root.join(sources::dir_of(manifest)).display());
        cases.insert((*manifest).to_owned());
    }
    // Every string of a case file ending in `.json` that names a file, from
    // the case's folder or from the repository root: the runner resolves
    // references one of these two ways. A file it asks for that is not here
    // is a mismatch in the wasm run ("not embedded"), never a skipped case.
    let mut files: BTreeSet<String> = cases.clone();
    for case in &cases {
        let Ok(text) = std::fs::read_to_string(root.join(case)) else { continue };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let mut names = Vec::new();
        strings(&json, &mut names);
        for name in names.into_iter().filter(|n| n.ends_with(".json")) {
            for candidate in [sources::join(sources::dir_of(case), name), sources::join("", name)]
                .into_iter()
                .flatten()
            {
                let path = root.join(&candidate);
                if path.is_file() {
                    println!("cargo:rerun-if-changed={}", path.display());
                    files.insert(candidate);
                }
            }
        }
    }
    let mut out = String::from("/// Case files, from the repository root, sorted.\n");
    out.push_str("pub static CASE_FILES: &[&str] = &[\n");
    for case in &cases {
        writeln!(out, "    {case:?},").unwrap();
    }
    out.push_str("];\n\n/// Case files and every file they name: (path, text).\n");
    out.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let abs: PathBuf = root.join(file).canonicalize().unwrap();
        writeln!(out, "    ({file:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

fn strings<'v>(v: &'v serde_json::Value, out: &mut Vec<&'v str>) {
    match v {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}
