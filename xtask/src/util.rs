//! Running commands with the project's PATH, and finding the project's root.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A task result; the error is a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// PATH with the project's own tools first: npm binaries (wasm-opt from the
/// binaryen package) and cargo's bin directory.
pub fn path_env() -> String {
    let mut dirs = vec![root().join("tests/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs;
    all.extend(std::env::split_paths(&old));
    std::env::join_paths(all).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A command in the workspace root with the project's PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", path_env());
    c
}

/// Runs a command, echoing it; fails if it fails.
pub fn run(program: &str, args: &[&str]) -> Result {
    run_cmd(command(program, args))
}

/// Runs a prepared command, echoing it; fails if it fails.
pub fn run_cmd(mut cmd: Command) -> Result {
    let shown = format!(
        "{} {}",
        cmd.get_program().to_string_lossy(),
        cmd.get_args().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ")
    );
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{shown}` failed ({status})")) }
}

/// Runs cargo (the same cargo that runs xtask).
pub fn cargo(args: &[&str]) -> Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(&cargo, args)
}

/// The stdout of a command, if it ran and succeeded.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
