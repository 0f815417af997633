//! `cargo xtask fuzz [TARGET] [--seconds N]`: libFuzzer through cargo-fuzz
//! when a nightly toolchain and cargo-fuzz are installed; otherwise it says
//! how to get them and runs the stable smoke run (engine/tests/fuzz_smoke.rs)
//! with more mutations and a fresh seed. Nothing is installed here.

use crate::util::{self, Result, root};

/// The targets of fuzz/Cargo.toml.
const TARGETS: &[&str] = &["template_load", "validate_data", "expression", "compiled_read"];
/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;
/// Mutations per second per target of the stable fallback (measured roughly
/// on a 2-core machine in a release build; only sets the run's size).
const SMOKE_MUTATIONS_PER_SECOND: u64 = 4_000;

/// Runs the fuzzer (or the stable smoke run) on one target or all of them.
pub fn run(args: &[String]) -> Result {
    let (targets, seconds) = parse(args)?;
    if let Some(why) = missing_tools() {
        println!("cargo-fuzz is not usable here: {why}.");
        println!("To fuzz with libFuzzer: `rustup toolchain install nightly` and");
        println!("`cargo install cargo-fuzz`, then run `cargo xtask fuzz` again.");
        println!("Running the stable smoke run instead (the same target bodies).\n");
        return smoke(&targets, seconds);
    }
    for target in targets {
        libfuzzer(target, seconds)?;
    }
    Ok(())
}

fn parse(args: &[String]) -> Result<(Vec<&'static str>, u64)> {
    let usage = "usage: cargo xtask fuzz [TARGET] [--seconds N]";
    let mut targets: Vec<&'static str> = TARGETS.to_vec();
    let mut seconds = DEFAULT_SECONDS;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                let n = rest.next().ok_or(usage)?;
                seconds = n.parse().map_err(|_| format!("--seconds takes a number, got {n:?}"))?;
            }
            name => {
                let target = TARGETS.iter().find(|t| **t == name);
                targets = vec![*target.ok_or_else(|| {
                    format!("unknown target {name:?}; targets: {}", TARGETS.join(", "))
                })?];
            }
        }
    }
    Ok((targets, seconds))
}

/// Why cargo-fuzz cannot run, if it cannot.
fn missing_tools() -> Option<String> {
    let toolchains = util::output("rustup", &["toolchain", "list"]).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        return Some("no nightly toolchain (`rustup toolchain list`)".into());
    }
    if util::output("cargo", &["fuzz", "--version"]).is_none() {
        return Some("`cargo fuzz --version` fails (cargo-fuzz is not installed)".into());
    }
    None
}

/// `cargo +nightly fuzz run` with the committed seeds as a read-only corpus:
/// libFuzzer adds what it finds to the first folder, fuzz/work/TARGET.
fn libfuzzer(target: &str, seconds: u64) -> Result {
    let work = root().join("fuzz/work").join(target);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let seeds = root().join("fuzz/corpus").join(target);
    let (work, seeds) = (work.display().to_string(), seeds.display().to_string());
    let time = format!("-max_total_time={seconds}");
    util::run(
        "cargo",
        &[
            "+nightly",
            "fuzz",
            "run",
            target,
            &work,
            &seeds,
            "--",
            &time,
            // A hang is an input running 5 s (libFuzzer's default is 20 min);
            // inputs stay under 64 KB (the megabyte seeds are truncated:
            // the smoke run covers them whole).
            "-timeout=5",
            "-max_len=65536",
        ],
    )
}

/// The stable smoke run in a release build, sized to about `seconds` per
/// target, from a seed that changes each run (printed, to run it again).
fn smoke(targets: &[&str], seconds: u64) -> Result {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(1);
    let mutations = (seconds * SMOKE_MUTATIONS_PER_SECOND).to_string();
    println!("HITFORMS_FUZZ_SEED={seed} HITFORMS_FUZZ_MUTATIONS={mutations}");
    for target in targets {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = util::command(
            &cargo,
            &["test", "--release", "-p", "hitforms-engine", "--test", "fuzz_smoke", target],
        );
        cmd.env("HITFORMS_FUZZ_SEED", seed.to_string()).env("HITFORMS_FUZZ_MUTATIONS", &mutations);
        util::run_cmd(cmd)?;
    }
    Ok(())
}
