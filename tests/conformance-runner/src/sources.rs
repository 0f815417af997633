// Shared by build.rs (`#[path]`) and the library: where the cases are.
// Paths are from the repository root.

/// Folders whose `*.json` files (not sub-folders) are case files.
pub const CASE_DIRS: &[&str] =
    &["tests/fixtures/hit/conformance", "tests/fixtures/reports/conformance"];

/// Example manifests: example documents with their expected findings.
pub const MANIFESTS: &[&str] =
    &["tests/fixtures/hit/examples/expected.json", "tests/fixtures/reports/examples.json"];

/// `rel` (a `/`-separated path that may hold `..`) from the folder `dir`,
/// both from the repository root; `None` if it climbs above the root.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The folder of a file path (`""` at the root).
pub fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}
