//! The engine benchmarks in WebAssembly: the very cases of
//! `engine/benches/common` (included by path), timed with the host's
//! `performance.now()`. `cargo xtask bench` builds this crate with
//! `wasm-pack --release --target nodejs` (the release profile and wasm-opt
//! passes the widget ships with) and calls [`run`] from Node.
//!
//! Only this crate depends on wasm-bindgen; the engine stays free of web
//! crates.

#[path = "../../../engine/benches/common/mod.rs"]
mod common;

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// The host's high-resolution clock, in milliseconds.
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;

    /// Progress goes to the host's console as each case finishes.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn progress(line: &str);
}

/// Runs the cases whose name contains `filter` (all for ""); returns the
/// results as JSON (`{"runtime", "cases": [...]}`), with `runtime` as given.
#[wasm_bindgen]
pub fn run(filter: &str, runtime: &str) -> String {
    let clock = || now();
    progress(&common::cases::header());
    let stats = common::cases::run_all(&clock, filter, &mut |line| progress(line));
    common::cases::to_json(runtime, &stats)
}
