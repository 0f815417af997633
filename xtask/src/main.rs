//! `cargo xtask`: the project's tasks, in Rust, so they run the same on every
//! machine. Each task installs what it needs first (idempotently).
//!
//! - `setup`: toolchain target, wasm-bindgen-cli, wasm-pack, Chromium, npm packages.
//! - `build`: the `hitforms` CLI (release) and the npm package's wasm (`pkg/dist`);
//!   `build search`: only the partner-search modules (`pkg/dist/search*`).
//! - `demo [--port N]`: build, then serve the demo on 127.0.0.1 and print its URL.
//! - `test`: every check and test tier (the README's test command; `.ci/run` calls it).
//! - `e2e`: only the Playwright tier (tests/e2e), against the current `pkg/dist`.
//! - `size`: print the widget's wasm + JS size, raw and gzip, against the budget.
//! - `fuzz [TARGET] [--seconds N]`: cargo-fuzz when nightly and cargo-fuzz are
//!   installed, else the stable fuzz smoke run (docs/fuzzing.md).
//! - `bench [FILTER]`: the engine benchmarks, native and wasm (Node); writes
//!   docs/benchmarks.md. `bench browser [ARGS]`: the widget beside SurveyJS
//!   in headless Chromium (benches/browser), its own section of that file.

mod bench;
mod bench_report;
mod compiled;
mod demo_data;
mod exports;
mod fuzz;
mod imports;
mod serve;
mod setup;
mod size;
mod test;
mod unexport;
mod util;
mod wasm;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("build") if args.get(1).is_some_and(|a| a == "search") => {
            setup::all().and_then(|()| wasm::build_search())
        }
        Some("build") => setup::all().and_then(|()| build_all()),
        Some("demo") => demo(&args[1..]),
        Some("test") => test::run(),
        Some("e2e") => setup::all().and_then(|()| test::end_to_end()),
        Some("size") => size::report().map(|_| ()),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | build [search] | demo [--port N] | test | e2e | size | fuzz [TARGET] [--seconds N] | bench [FILTER] | bench browser [ARGS]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the release CLI and the widget package.
fn build_all() -> util::Result {
    util::cargo(&["build", "--release", "-p", "hitforms-cli"])?;
    build_widgets()
}

pub use wasm::build_widgets;

fn demo(args: &[String]) -> util::Result {
    let port = match args {
        [] => 8123,
        [flag, n] if flag == "--port" => {
            n.parse().map_err(|_| format!("--port takes a number, got {n:?}"))?
        }
        _ => return Err("usage: cargo xtask demo [--port N]".into()),
    };
    setup::all()?;
    build_all()?;
    size::report()?;
    let server = serve::Server::bind(port)?;
    println!("\nhitforms demo: http://{}/demo/   (Ctrl-C stops it)", server.addr());
    server.run_forever();
    Ok(())
}
