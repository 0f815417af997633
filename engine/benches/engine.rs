//! Native benchmarks of issue #3: `cargo bench -p hitforms-engine`, or
//! `cargo xtask bench`, which also runs them in wasm (Node) and writes
//! docs/benchmarks.md. No criterion: the method is in `common/harness.rs`.
//!
//! An argument other than cargo's `--bench` keeps only the cases whose name
//! contains it. `HITFORMS_BENCH_JSON=FILE` also writes the results as JSON.

mod common;

use std::time::Instant;

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or_default();
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1_000.0;
    println!("{}", common::cases::header());
    let stats = common::cases::run_all(&clock, &filter, &mut |line| println!("{line}"));
    if let Ok(path) = std::env::var("HITFORMS_BENCH_JSON") {
        let runtime = format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS);
        let json = common::cases::to_json(&runtime, &stats);
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
}
