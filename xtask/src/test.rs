//! `cargo xtask test`: every check and test tier, in order, stopping at the
//! first failure. This is the README's test command and what `.ci/run` runs.

use crate::util::{self, Result, cargo};
use crate::{serve, setup, size};

type Step = (&'static str, fn() -> Result);

const STEPS: &[Step] = &[
    ("install what is missing", setup::all),
    ("rustfmt", || cargo(&["fmt", "--all", "--check"])),
    ("clippy (native crates)", || cargo(&["clippy", "--all-targets", "--", "-D", "warnings"])),
    (
        "clippy (widgets, partner-search widget, wasm benches and conformance runner, wasm32)",
        || {
            cargo(&[
                "clippy",
                "-p",
                "hitforms-widgets",
                "-p",
                "hitforms-bench-wasm",
                "-p",
                "hitforms-conformance",
                "-p",
                "hitforms-bench-search-wasm",
                "-p",
                "hitforms-search-widget",
                "--features",
                "hitforms-widgets/expressions",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
        },
    ),
    ("engine and search have no web dependency", engine_is_pure),
    (
        "native tests (engine, search, CLI, xtask, conformance runner; includes the fuzz smoke run)",
        || cargo(&["test"]),
    ),
    // Built, not run, so they do not rot (`cargo xtask bench` runs the
    // engine's, `cargo bench -p hitforms-search` the partner search's).
    ("benchmarks compile", || cargo(&["build", "--benches"])),
    ("fuzz targets compile (stable `cargo check` of fuzz/)", || {
        let target_dir = util::root().join("target");
        let target_dir = target_dir.to_string_lossy();
        cargo(&["check", "--manifest-path", "fuzz/Cargo.toml", "--target-dir", &target_dir])
    }),
    // With the expression language and the JSON loader, so the HIT
    // templates' tests run too (the default build leaves expressions out,
    // the full build reads compiled templates: widgets/Cargo.toml).
    ("browser tests (wasm-bindgen-test, headless Chromium)", || {
        let args = ["test", "--headless", "--chrome", "widgets", "--features", "expressions"];
        util::run("wasm-pack", &args)
    }),
    ("partner-search widget browser tests (wasm-bindgen-test, headless Chromium)", || {
        util::run("wasm-pack", &["test", "--headless", "--chrome", "search-widget"])
    }),
    // Every conformance case and example through the engine in wasm (with
    // the expression language):
    // docs/conformance.md.
    ("conformance cases in the browser (wasm-bindgen-test, headless Chromium)", || {
        util::run("wasm-pack", &["test", "--headless", "--chrome", "tests/conformance-runner"])
    }),
    ("release build of the npm package", crate::build_widgets),
    ("size budget", || size::report().map(|_| ())),
    ("end-to-end tests (Playwright + axe-core against the demo)", end_to_end),
];

/// Runs every step; prints a summary line the CI reader understands.
pub fn run() -> Result {
    let started = std::time::Instant::now();
    let mut passed = 0;
    for (name, step) in STEPS {
        println!("\n=== {name}");
        let t = std::time::Instant::now();
        if let Err(e) = step() {
            println!("\n=== FAILED: {name}: {e}");
            println!("steps: {passed} passed, 1 failed, {} skipped", STEPS.len() - passed - 1);
            return Err(format!("step \"{name}\" failed"));
        }
        passed += 1;
        println!("=== ok: {name} ({:.1} s)", t.elapsed().as_secs_f64());
    }
    println!("\nall steps passed in {:.0} s", started.elapsed().as_secs_f64());
    println!("steps: {passed} passed, 0 failed");
    Ok(())
}

/// The engine and the partner search must build without web-sys, js-sys,
/// wasm-bindgen or leptos, natively and for wasm32 (ARCHITECTURE.md: the
/// one rule of the house); the search also without its `import` feature.
fn engine_is_pure() -> Result {
    for krate in ["hitforms-engine", "hitforms-search"] {
        let tree =
            util::output("cargo", &["tree", "-p", krate, "-e", "normal", "--prefix", "none"])
                .ok_or("cargo tree failed")?;
        let web: Vec<&str> = tree
            .lines()
            .filter(|l| {
                ["wasm-bindgen ", "web-sys ", "js-sys ", "leptos "].iter().any(|w| l.starts_with(w))
            })
            .collect();
        if !web.is_empty() {
            return Err(format!("{krate} depends on web crates: {web:?}"));
        }
        println!("{krate}: {} crates in its tree, none of them web crates", tree.lines().count());
        cargo(&["build", "-p", krate, "--target", "wasm32-unknown-unknown"])?;
    }
    cargo(&[
        "build",
        "-p",
        "hitforms-search",
        "--no-default-features",
        "--target",
        "wasm32-unknown-unknown",
    ])
}

/// Serves the workspace and runs the Playwright specs in tests/e2e.
pub fn end_to_end() -> Result {
    let addr = serve::Server::bind(0)?.spawn();
    // Explicit file names: `node --test DIR` means different things across Node versions.
    let dir = util::root().join("tests/e2e");
    let mut specs: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("e2e/{n}"))
        .collect();
    specs.sort();
    if specs.is_empty() {
        return Err("no tests/e2e/*.test.mjs found".into());
    }
    let mut args = vec!["--test", "--test-concurrency=1"];
    args.extend(specs.iter().map(String::as_str));
    let mut cmd = util::command("node", &args);
    cmd.current_dir(util::root().join("tests"))
        .env("HITFORMS_URL", format!("http://{addr}/demo/"))
        .env("CHROMIUM", "/usr/bin/chromium");
    util::run_cmd(cmd)
}
