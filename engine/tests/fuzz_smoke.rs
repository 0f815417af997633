//! The stable fuzz smoke run: every seed of `fuzz/corpus/<target>/` and a
//! fixed number of deterministic mutations of them go through the same
//! target bodies cargo-fuzz runs (`fuzz_support/targets.rs`), on stable
//! Rust, in every `cargo test`.
//!
//! Each input runs on a worker thread; a panic fails the test, and so does
//! an input that has not finished after [`HANG`] (a generous bound meant
//! to catch hangs, not to time anything). A failing input is saved under
//! the test's temporary folder, and its name says how to make it again.
//!
//! `HITFORMS_FUZZ_MUTATIONS=N` runs N mutations per target instead of the
//! default; `HITFORMS_FUZZ_SEED=S` starts the generator elsewhere.

#[path = "fuzz_support/mutate.rs"]
mod mutate;
#[path = "fuzz_support/mutate_json.rs"]
mod mutate_json;
#[path = "fuzz_support/targets.rs"]
mod targets;

use mutate::{Rng, mutate};
use mutate_json::mutate_json;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Mutations per target by default: a few seconds in a debug build.
const MUTATIONS: usize = 3_000;
/// Seeds larger than this run as they are but are not mutated (mutating a
/// megabyte a thousand times would only be slow).
const MUTATE_UP_TO: usize = 64 * 1024;
/// An input still running after this long counts as a hang.
const HANG: Duration = Duration::from_secs(5);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The seeds of a target, by file name.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable corpus folder").path())
        .collect();
    files.sort();
    let seeds: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        })
        .collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

/// Runs `inputs` through `target` on a worker thread; returns the labels of
/// the inputs that panicked (each saved to a file). A hang fails at once.
fn run(name: &str, target: fn(&[u8]), inputs: impl Iterator<Item = (String, Vec<u8>)>) -> usize {
    let (to_worker, work) = mpsc::channel::<Vec<u8>>();
    let (report, results) = mpsc::channel::<bool>();
    std::thread::Builder::new()
        .name(format!("fuzz-{name}"))
        .spawn(move || {
            for input in work {
                let ok = std::panic::catch_unwind(|| target(&input)).is_ok();
                if report.send(ok).is_err() {
                    return;
                }
            }
        })
        .expect("a worker thread");
    let mut failed = Vec::new();
    let mut count = 0;
    for (label, input) in inputs {
        count += 1;
        to_worker.send(input.clone()).expect("the worker is alive");
        match results.recv_timeout(HANG) {
            Ok(true) => {}
            Ok(false) => failed.push(save(name, &label, &input)),
            Err(_) => {
                panic!("{name}: {label} still runs after {HANG:?}: {}", save(name, &label, &input))
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{name}: {} of {count} inputs panicked:\n{}",
        failed.len(),
        failed.join("\n")
    );
    count
}

/// Saves a failing input for `cargo fuzz run TARGET FILE` or a unit test.
fn save(target: &str, label: &str, input: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-smoke").join(target);
    let file = dir.join(label.replace(['/', ' '], "_"));
    let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&file, input));
    match saved {
        Ok(()) => format!("{label} (saved as {})", file.display()),
        Err(e) => format!("{label} (not saved: {e})"),
    }
}

/// Every seed as is, then mutants of the seeds that are not huge.
fn smoke(name: &str, target: fn(&[u8])) {
    let seeds = seeds(name);
    let small: Vec<&(String, Vec<u8>)> =
        seeds.iter().filter(|(_, s)| s.len() <= MUTATE_UP_TO).collect();
    let start = env_number("HITFORMS_FUZZ_SEED", 0x5eed);
    let mutations = env_number("HITFORMS_FUZZ_MUTATIONS", MUTATIONS as u64);
    let mut rng = Rng::new(start);
    let mutants = (0..mutations).map(|i| {
        let (file, seed) = small[rng.below(small.len())];
        let (_, other) = small[rng.below(small.len())];
        // Half of the mutants change a JSON seed's values, half its bytes.
        let mutant = match rng.below(2) {
            0 => mutate_json(&mut rng, seed, other),
            _ => None,
        };
        let mutant = mutant.unwrap_or_else(|| mutate(&mut rng, seed, other));
        (format!("seed {start:#x} mutant {i} of {file}"), mutant)
    });
    let as_is = seeds.iter().map(|(file, bytes)| (format!("seed {file}"), bytes.clone()));
    let count = run(name, target, as_is.chain(mutants));
    println!("{name}: {count} inputs, no panic, no hang");
}

#[test]
fn every_target_is_smoke_tested() {
    let names: Vec<&str> = targets::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["template_load", "validate_data", "expression", "compiled_read"]);
}

#[test]
fn compiled_read_survives_seeds_and_mutants() {
    smoke("compiled_read", targets::compiled_read);
}

/// The compiled seeds are current: each reads as a template, or as a
/// configuration of the HIT application (else the mutants would only test
/// the refusal of an old format).
#[test]
fn compiled_seeds_read() {
    use hitforms_engine::{Template, config::Config};
    let hit =
        Template::load(hitforms_engine::builtin_template("hit-application").unwrap()).unwrap();
    for (file, bytes) in seeds("compiled_read") {
        let text = String::from_utf8(bytes).expect("a seed is text");
        let reads =
            Template::from_compiled(&text).is_ok() || Config::from_compiled(&text, &hit).is_ok();
        assert!(reads, "{file}: compile it again");
    }
}

#[test]
fn expression_survives_seeds_and_mutants() {
    smoke("expression", targets::expression);
}

#[test]
fn template_load_survives_seeds_and_mutants() {
    smoke("template_load", targets::template_load);
}

#[test]
fn validate_data_survives_seeds_and_mutants() {
    smoke("validate_data", targets::validate_data);
}
