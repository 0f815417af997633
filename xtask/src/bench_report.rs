//! The benchmark report: the machine, the method and the table of both
//! runs against the goals of issue #3. `docs/benchmarks.md` keeps its
//! hand-written analysis: only the part between the two markers is
//! rewritten.

use crate::util::{self, Result};
use std::path::Path;

/// One case's figures, in µs per run.
pub struct Case {
    pub name: String,
    pub goal_us: Option<f64>,
    pub median_us: f64,
    pub p95_us: f64,
    pub min_us: f64,
}

/// The results of one runtime.
pub struct Run {
    pub runtime: String,
    pub cases: Vec<Case>,
}

const BEGIN: &str = "<!-- cargo xtask bench: generated from here -->";
const END: &str = "<!-- cargo xtask bench: generated up to here -->";

/// A duration given in µs, readably (`4.61 ms`, `0.99 µs`).
fn time(us: f64) -> String {
    match us {
        u if u >= 1_000.0 => format!("{:.2} ms", u / 1_000.0),
        u if u >= 100.0 => format!("{u:.0} µs"),
        u if u >= 10.0 => format!("{u:.1} µs"),
        u => format!("{u:.2} µs"),
    }
}

fn verdict(case: &Case) -> String {
    match case.goal_us {
        Some(goal) if case.median_us <= goal => "met".into(),
        Some(goal) => format!("**missed ×{:.1}**", case.median_us / goal),
        None => "—".into(),
    }
}

/// Rows of both runs, matched by case name.
fn rows<'a>(native: &'a Run, wasm: &'a Run) -> impl Iterator<Item = (&'a Case, Option<&'a Case>)> {
    native.cases.iter().map(|n| (n, wasm.cases.iter().find(|w| w.name == n.name)))
}

/// The table for the terminal.
pub fn text_table(native: &Run, wasm: &Run) -> String {
    let mut out = format!(
        "{:<58} {:>10} {:>22} {:>22}\n",
        "case", "goal", "native median / p95", "wasm median / p95"
    );
    for (n, w) in rows(native, wasm) {
        let goal = n.goal_us.map(|g| format!("≤ {}", time(g))).unwrap_or_default();
        let figures = |c: &Case| format!("{} / {}", time(c.median_us), time(c.p95_us));
        let wasm = w.map(figures).unwrap_or_else(|| "—".into());
        out += &format!("{:<58} {goal:>10} {:>22} {wasm:>22}\n", n.name, figures(n));
    }
    out
}

/// The machine, as the document states it.
fn machine() -> Vec<(&'static str, String)> {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let field = |text: &str, key: &str| {
        text.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_once(':').map(|(_, v)| v.trim().to_owned()))
            .unwrap_or_else(|| "unknown".into())
    };
    let cores = cpuinfo.lines().filter(|l| l.starts_with("processor")).count();
    let mem_kb: f64 = field(&read("/proc/meminfo"), "MemTotal")
        .trim_end_matches(" kB")
        .parse()
        .unwrap_or(f64::NAN);
    let os = field(&read("/etc/os-release").replace('=', ":"), "PRETTY_NAME");
    let version = |cmd: &str, arg: &str| {
        util::output(cmd, &[arg]).map(|s| s.trim().to_owned()).unwrap_or_else(|| "?".into())
    };
    vec![
        ("CPU", format!("{} ({cores} cores)", field(&cpuinfo, "model name"))),
        ("memory", format!("{:.1} GiB", mem_kb / 1024.0 / 1024.0)),
        ("OS", os.trim_matches('"').to_owned()),
        ("rustc", version("rustc", "--version")),
        ("Node", version("node", "--version")),
        ("wasm-pack", version("wasm-pack", "--version")),
        ("wasm-opt", version("wasm-opt", "--version")),
    ]
}

/// The generated part of docs/benchmarks.md.
fn generated(native: &Run, wasm: &Run) -> String {
    let date = util::output("date", &["-u", "+%Y-%m-%d"]).unwrap_or_default();
    let mut out = format!("{BEGIN}\n\nMeasured on {} by `cargo xtask bench`.\n\n", date.trim());
    out += "| machine | |\n|---|---|\n";
    for (key, value) in machine() {
        out += &format!("| {key} | {value} |\n");
    }
    out += &format!(
        "\nTimes per run. Native ({}): `cargo bench`, profile `bench` (opt-level 3, \
         fat LTO, one codegen unit). Wasm ({}): wasm-pack's release build for Node, \
         the profile the widget ships with (opt-level \"z\", fat LTO, one codegen \
         unit, wasm-opt -Oz). Goals are judged on the median.\n\n\
         | case | goal | native median | native p95 | native | wasm median | wasm p95 | wasm |\n\
         |---|---|---|---|---|---|---|---|\n",
        native.runtime, wasm.runtime
    );
    for (n, w) in rows(native, wasm) {
        let goal = n.goal_us.map(|g| format!("≤ {}", time(g))).unwrap_or_else(|| "—".into());
        let (wm, wp, wv) = match w {
            Some(w) => (time(w.median_us), time(w.p95_us), verdict(w)),
            None => ("—".into(), "—".into(), "—".into()),
        };
        out += &format!(
            "| {} | {goal} | {} | {} | {} | {wm} | {wp} | {wv} |\n",
            n.name,
            time(n.median_us),
            time(n.p95_us),
            verdict(n)
        );
    }
    let mins: Vec<String> = native.cases.iter().map(|c| time(c.min_us)).collect();
    out += &format!("\nNative minimums, in the same order: {}.\n\n{END}", mins.join(", "));
    out
}

/// Rewrites the generated part of `doc` (creating the file if needed).
pub fn write_doc(doc: &Path, native: &Run, wasm: &Run) -> Result {
    let old = std::fs::read_to_string(doc).unwrap_or_default();
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!("{}{}{}", &old[..b], generated(native, wasm), &old[e + END.len()..])
        }
        _ => format!("# Benchmarks\n\n{}\n", generated(native, wasm)),
    };
    std::fs::write(doc, new).map_err(|e| format!("{}: {e}", doc.display()))
}
