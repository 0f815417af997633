//! `cargo xtask bench [FILTER]`: the engine benchmarks natively (`cargo
//! bench`, engine/benches/engine.rs) and in wasm (benches/wasm built by
//! wasm-pack, run in Node), then one table of both, written into
//! docs/benchmarks.md with the machine and the method. With a FILTER only
//! the matching cases run and the document is left alone.
//!
//! `cargo xtask bench browser [ARGS]`: the widget in headless Chromium beside
//! SurveyJS (benches/browser/run.mjs, which writes its own section of
//! docs/benchmarks.md); ARGS go to the script (e.g. `--tiny`, `--rounds N`).

use crate::bench_report::{self, Case, Run};
use crate::util::{self, Result, root};
use std::path::Path;
use std::process::Stdio;

/// Runs both benchmarks, prints the table, updates docs/benchmarks.md.
pub fn run(args: &[String]) -> Result {
    if args.first().map(String::as_str) == Some("browser") {
        return browser(&args[1..]);
    }
    let filter = match args {
        [] => "",
        [f] if !f.starts_with('-') => f.as_str(),
        _ => {
            return Err(
                "usage: cargo xtask bench [FILTER] | bench browser [--tiny] [--rounds N]".into()
            );
        }
    };
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let native = native(filter, &out.join("native.json"))?;
    crate::setup::all()?; // wasm-pack, wasm-bindgen and wasm-opt
    let wasm = wasm(filter, &out.join("wasm-pkg"))?;
    let table = bench_report::text_table(&native, &wasm);
    println!("\n{table}");
    if filter.is_empty() {
        let doc = root().join("docs/benchmarks.md");
        bench_report::write_doc(&doc, &native, &wasm)?;
        println!("wrote {}", doc.display());
    }
    Ok(())
}

/// The browser benchmark: the release widget (built when missing), then
/// `node benches/browser/run.mjs --doc docs/benchmarks.md ARGS`.
fn browser(args: &[String]) -> Result {
    crate::setup::all()?; // Chromium and the npm packages (Playwright, SurveyJS)
    if !root().join("pkg/dist/hitforms_bg.wasm").exists() {
        crate::build_widgets()?;
    }
    let mut all = vec!["benches/browser/run.mjs"];
    let tiny = args.iter().any(|a| a == "--tiny");
    if !tiny {
        all.extend(["--doc", "docs/benchmarks.md"]);
    }
    all.extend(args.iter().map(String::as_str));
    let mut cmd = util::command("node", &all);
    cmd.env("CHROMIUM", "/usr/bin/chromium");
    util::run_cmd(cmd)
}

/// `cargo bench` of the engine, its results read from the JSON it writes.
fn native(filter: &str, json: &Path) -> Result<Run> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut args = vec!["bench", "-p", "hitforms-engine", "--bench", "engine"];
    if !filter.is_empty() {
        args.extend(["--", filter]);
    }
    let mut cmd = util::command(&cargo, &args);
    cmd.env("HITFORMS_BENCH_JSON", json);
    util::run_cmd(cmd)?;
    let text = std::fs::read_to_string(json).map_err(|e| format!("{}: {e}", json.display()))?;
    parse(&text, "native")
}

/// The wasm bench: wasm-pack's release build for Node, then `run()` in Node
/// (progress on stderr, the JSON results on stdout).
fn wasm(filter: &str, pkg: &Path) -> Result<Run> {
    let pkg_dir = pkg.to_string_lossy();
    util::run(
        "wasm-pack",
        &[
            "build",
            "benches/wasm",
            "--release",
            "--target",
            "nodejs",
            "--no-pack",
            "--out-dir",
            &pkg_dir,
        ],
    )?;
    let script = "const m = require(process.argv[1] + '/hitforms_bench_wasm.js'); \
                  process.stdout.write(m.run(process.argv[2], 'Node ' + process.version));";
    let mut cmd = util::command("node", &["-e", script, &pkg_dir, filter]);
    cmd.stderr(Stdio::inherit());
    println!("$ node -e <run the wasm bench> {pkg_dir} {filter:?}");
    let output = cmd.output().map_err(|e| format!("cannot run node: {e}"))?;
    if !output.status.success() {
        return Err(format!("the wasm bench failed ({})", output.status));
    }
    parse(&String::from_utf8_lossy(&output.stdout), "wasm")
}

/// Reads `{"runtime", "cases": [...]}` as written by engine/benches/common.
fn parse(text: &str, what: &str) -> Result<Run> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("{what} results are not JSON: {e}"))?;
    let number = |c: &serde_json::Value, key: &str| c.get(key).and_then(serde_json::Value::as_f64);
    let cases = json["cases"]
        .as_array()
        .ok_or(format!("{what} results have no cases"))?
        .iter()
        .map(|c| Case {
            name: c["name"].as_str().unwrap_or("?").to_owned(),
            goal_us: number(c, "goal_us"),
            median_us: number(c, "median_us").unwrap_or(f64::NAN),
            p95_us: number(c, "p95_us").unwrap_or(f64::NAN),
            min_us: number(c, "min_us").unwrap_or(f64::NAN),
        })
        .collect();
    Ok(Run { runtime: json["runtime"].as_str().unwrap_or(what).to_owned(), cases })
}
