//! Installs what the build and the tests need, each step only when missing,
//! so running it again is quick and changes nothing.

use crate::util::{self, Result, output, run};
use std::path::Path;

/// wasm-pack's version, proven on this machine kind (../shared/setup-notes.md).
const WASM_PACK: &str = "0.15.1";

/// Runs every setup step.
pub fn all() -> Result {
    wasm_target()?;
    chromium()?;
    wasm_bindgen_cli()?;
    wasm_pack()?;
    crate::wasm::setup_nightly()?;
    npm_packages()
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

fn chromium() -> Result {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    // Debian's packages; as root directly, else through sudo.
    let sudo = output("id", &["-u"]).is_some_and(|u| u.trim() != "0");
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = if sudo { vec!["apt-get"] } else { vec![] };
        all.extend_from_slice(args);
        let mut cmd = util::command(if sudo { "sudo" } else { "apt-get" }, &all);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        util::run_cmd(cmd)
    };
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"])
}

/// The exact wasm-bindgen version in Cargo.lock (the CLI must match it).
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(util::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn wasm_bindgen_cli() -> Result {
    let want = locked_wasm_bindgen()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    // An unlocked install: the locked one once failed for a yanked dependency.
    util::cargo(&["install", "wasm-bindgen-cli", "--version", &want, "--force"])
}

fn wasm_pack() -> Result {
    let have = output("wasm-pack", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(WASM_PACK) {
        return Ok(());
    }
    util::cargo(&["install", "wasm-pack", "--version", WASM_PACK, "--locked", "--force"])
}

/// `npm ci` in tests/ when node_modules is missing or older than the lockfile.
fn npm_packages() -> Result {
    let dir = util::root().join("tests");
    let stamp = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&stamp), modified(&dir.join("package-lock.json"))) {
        (Some(installed), Some(lock)) => installed >= lock,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let mut cmd = util::command("npm", &["ci", "--no-audit", "--no-fund"]);
    cmd.current_dir(&dir);
    util::run_cmd(cmd)
}
