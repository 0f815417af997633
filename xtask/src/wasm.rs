//! The release build of the widget's wasm for the npm package.
//!
//! Size is a budget (xtask/src/size.rs), so the release build uses nightly
//! Rust to rebuild the standard library for size (`-Z build-std` with
//! `optimize_for_size`) and the `immediate-abort` panic strategy, which
//! drops panic messages and their formatting code: 11 % less gzip than the
//! stable build (docs/decisions.md). Everything else (tests, clippy, the
//! CLI) stays on the pinned stable toolchain. Without a nightly toolchain
//! the stable build is used and a warning says so; the size budget then
//! decides, visibly.

use crate::util::{self, Result, output};
use std::path::Path;

/// Arguments cargo gets for the size-optimised build.
const BUILD_STD: &[&str] =
    &["-Z", "build-std=std,panic_abort", "-Z", "build-std-features=optimize_for_size"];
/// Flags for the target crates only (cargo does not pass RUSTFLAGS to build
/// scripts and proc macros when a target is given).
const RUSTFLAGS: &str =
    "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none";

/// Whether the nightly toolchain with `rust-src` and the wasm32 target is there.
pub fn nightly_ready() -> bool {
    let has = |what: &[&str], item: &str| {
        output("rustup", what).is_some_and(|o| o.lines().any(|l| l.trim().starts_with(item)))
    };
    output("rustc", &["+nightly", "--version"]).is_some()
        && has(&["component", "list", "--installed", "--toolchain", "nightly"], "rust-src")
        && has(
            &["target", "list", "--installed", "--toolchain", "nightly"],
            "wasm32-unknown-unknown",
        )
}

/// Adds what the size-optimised build needs to an existing nightly toolchain.
/// A machine without nightly keeps the stable build (see the module docs).
pub fn setup_nightly() -> Result {
    if nightly_ready() || output("rustc", &["+nightly", "--version"]).is_none() {
        return Ok(());
    }
    util::run("rustup", &["component", "add", "rust-src", "--toolchain", "nightly"])?;
    util::run("rustup", &["target", "add", "wasm32-unknown-unknown", "--toolchain", "nightly"])
}

/// `wasm-pack build` of the form widget twice: the default build into
/// `pkg/dist` (plain JSON templates without expressions, no call
/// configurations) and the full build into `pkg/dist/full` (the widget's
/// `compiled` feature: templates and configurations compiled by `hitforms
/// compile`, with expressions, as the HIT templates need; the package's
/// `hitforms/full` entry and the demo, whose compiled files it then writes);
/// both within the size budget (docs/decisions.md); and of the partner-search element (its own module,
/// loaded only by `<hitforms-partner-search>`) twice: prebuilt indexes only
/// into `pkg/dist/search`, and with the CSV/JSON import into
/// `pkg/dist/search-import`. Each is then finished the same way
/// ([`finish`]).
pub fn build_widgets() -> Result {
    wasm_pack("widgets", "../pkg/dist", "hitforms", &[])?;
    finish("pkg/dist", "hitforms")?;
    wasm_pack("widgets", "../pkg/dist/full", "hitforms", &["--features", "compiled"])?;
    finish("pkg/dist/full", "hitforms")?;
    copy_catalogs()?;
    crate::compiled::write()?;
    build_search()
}

/// Only the two partner-search modules and the demo's index (`cargo xtask
/// build search`).
pub fn build_search() -> Result {
    wasm_pack("search-widget", "../pkg/dist/search", "partner-search", &["--no-default-features"])?;
    finish("pkg/dist/search", "partner-search")?;
    wasm_pack("search-widget", "../pkg/dist/search-import", "partner-search", &[])?;
    finish("pkg/dist/search-import", "partner-search")?;
    crate::demo_data::write()
}

/// After wasm-pack (which ran wasm-opt -Oz): the exports nothing uses
/// dropped (`unexport.rs`), the imports trimmed (`imports.rs`), long export
/// names shortened (`exports.rs`), the
/// JS minified; and wasm-pack's `.gitignore` of `*` removed, which npm obeys
/// when packing (the package would lack its JS snippets; the repository's
/// own .gitignore already ignores pkg/dist).
fn finish(dir: &str, out: &str) -> Result {
    let dist = util::root().join(dir);
    crate::unexport::strip_unused(&dist, out)?;
    crate::imports::trim_files(&dist, out)?;
    crate::exports::shorten_files(&dist, out)?;
    minify_js(&dist, out)?;
    let stray = dist.join(".gitignore");
    if stray.exists() {
        std::fs::remove_file(&stray).map_err(|e| format!("{}: {e}", stray.display()))?;
    }
    Ok(())
}

/// The size-optimised release build of crate folder `krate` (see the module
/// docs), with `cargo_args` (features) passed to cargo.
fn wasm_pack(krate: &str, out_dir: &str, out_name: &str, cargo_args: &[&str]) -> Result {
    let mut args = vec![
        "build",
        krate,
        "--target",
        "web",
        "--release",
        "--no-pack",
        "--out-dir",
        out_dir,
        "--out-name",
        out_name,
    ];
    let mut cmd = if nightly_ready() {
        let version = output("rustc", &["+nightly", "--version"]).unwrap_or_default();
        println!("size-optimised build of {krate} with {}", version.trim());
        args.push("--");
        args.extend_from_slice(cargo_args);
        args.extend_from_slice(BUILD_STD);
        let mut cmd = util::command("wasm-pack", &args);
        cmd.env("RUSTUP_TOOLCHAIN", "nightly")
            .env("RUSTFLAGS", RUSTFLAGS)
            // Its own target folder: the standard library is rebuilt there.
            .env("CARGO_TARGET_DIR", util::root().join("target/size-opt"));
        cmd
    } else {
        println!(
            "warning: no nightly toolchain with rust-src and wasm32: building {krate} on stable (larger)"
        );
        if !cargo_args.is_empty() {
            args.push("--");
            args.extend_from_slice(cargo_args);
        }
        util::command("wasm-pack", &args)
    };
    cmd.env_remove("CARGO");
    util::run_cmd(cmd)
}

/// Minifies a module's shipped JS (wasm-bindgen's glue `{out}.js` and the
/// snippets) with terser (`tests/package.json`): 2.1 KB less gzip for the
/// form widget (docs/decisions.md, "Size, measured"). Export names, imports
/// and `new URL(…, import.meta.url)` stay as they are, so bundlers still
/// find the wasm; the sources stay readable.
fn minify_js(dist: &Path, out: &str) -> Result {
    let mut files = vec![dist.join(format!("{out}.js"))];
    crate::size::collect_files(&dist.join("snippets"), &mut files);
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "js")) {
        let file = file.to_string_lossy().into_owned();
        util::run("terser", &[&file, "--module", "--compress", "--mangle", "--output", &file])?;
    }
    Ok(())
}

/// The UI language files (`i18n/<lang>.json`) next to each build's wasm, in
/// `pkg/dist/i18n/` and `pkg/dist/full/i18n/` (where each build looks by
/// default), compacted: the widget fetches one when its language is chosen
/// (English is built in). A file that is not JSON fails the build.
pub fn copy_catalogs() -> Result {
    copy_catalogs_to("pkg/dist/i18n")?;
    copy_catalogs_to("pkg/dist/full/i18n")
}

fn copy_catalogs_to(dir: &str) -> Result {
    let (from, to) = (util::root().join("i18n"), util::root().join(dir));
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let out = to.join(entry.file_name());
        std::fs::write(&out, json.to_string()).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    Ok(())
}
