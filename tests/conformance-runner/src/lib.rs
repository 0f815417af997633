//! # hitforms-conformance (test support, not published)
//!
//! One runner for the hand-computed conformance cases and the example
//! expectations of `tests/fixtures` (docs/conformance.md), used by the native
//! engine tests (files read from disk) and by the wasm tests of this crate in
//! headless Chromium (files embedded at build time by `build.rs`).
//!
//! It understands three kinds of file, told apart by their keys:
//!
//! - a **suite** (`cases`: several cases; `tests/fixtures/hit/conformance`,
//!   format in its README): errors only, as `[path, code]`, narrowed by
//!   `watch` / `watchPaths`; the fixture code lists;
//! - a **single case** (`codes`; `tests/fixtures/reports/conformance`,
//!   format in its README): every finding's code, sorted; the data as given
//!   and the computed document must give the same codes as the form;
//! - an **example manifest** (`examples`; `tests/fixtures/hit/examples/
//!   expected.json`, `tests/fixtures/reports/examples.json`): one case per
//!   example document, compared like a suite (`errors`) or a single case
//!   (`codes`).
//!
//! A case's result is a list of [`Mismatch`]es, empty when the engine gives
//! exactly what the case says. A malformed case file is a mismatch too (the
//! runner never panics on one), and so is a file a case names that cannot
//! be read.

use hitforms_engine::codelists::CodeLists;
use hitforms_engine::config::{Config, Step};
use hitforms_engine::number::{decimal_of, parse_decimal};
use hitforms_engine::{
    Context, FormState, Issue, Severity, Template, builtin_template, validate_with,
};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

mod sources;
pub use sources::{CASE_DIRS, MANIFESTS};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One difference between a case and what the engine gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The case: `file` or `file / case name`.
    pub case: String,
    /// What differed: a JSON pointer of the computed document, `findings`,
    /// or the part of the case file that is unusable.
    pub what: String,
    /// What the case expects.
    pub expected: String,
    /// What the engine gave (or what the case file holds).
    pub got: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}\n    expected {}\n    got      {}",
            self.case, self.what, self.expected, self.got
        )
    }
}

/// The outcome of running case files.
#[derive(Debug, Default)]
pub struct Report {
    /// Case files read.
    pub files: usize,
    /// Cases run (a suite or a manifest holds several).
    pub cases: usize,
    /// Every difference found, in file and case order.
    pub mismatches: Vec<Mismatch>,
}

impl Report {
    /// Adds another report's counts and mismatches.
    pub fn merge(&mut self, other: Report) {
        self.files += other.files;
        self.cases += other.cases;
        self.mismatches.extend(other.mismatches);
    }

    /// Every mismatch, one after the other, with a count first.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "{} mismatches in {} cases of {} files",
            self.mismatches.len(),
            self.cases,
            self.files
        );
        for m in &self.mismatches {
            out.push('\n');
            out.push_str(&m.to_string());
        }
        out
    }
}

/// Where the runner reads the files a case names, by path from the
/// repository root (`/`-separated, no `..`).
pub trait Files {
    /// The text of the file, or why it cannot be had.
    fn read(&self, path: &str) -> Result<String, String>;
}

/// The files `build.rs` embedded: every case file and every file they name.
pub struct Embedded;

const NOT_EMBEDDED: &str = "not embedded (tests/conformance-runner/build.rs embeds the case \
    files and every `.json` path they name)";

impl Files for Embedded {
    fn read(&self, path: &str) -> Result<String, String> {
        let found = embedded::FILES.iter().find(|(p, _)| *p == path);
        found.map(|(_, text)| (*text).to_owned()).ok_or_else(|| NOT_EMBEDDED.to_owned())
    }
}

/// The files on disk, under the repository root.
#[cfg(not(target_arch = "wasm32"))]
pub struct Disk {
    /// The repository root.
    pub root: std::path::PathBuf,
}

#[cfg(not(target_arch = "wasm32"))]
impl Disk {
    /// This repository's files.
    pub fn repo() -> Disk {
        Disk { root: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..") }
    }

    /// The case files on disk now (as `build.rs` finds them), sorted.
    pub fn case_files(&self) -> Vec<String> {
        let mut out: Vec<String> = MANIFESTS.iter().map(|m| (*m).to_owned()).collect();
        for dir in CASE_DIRS {
            for entry in std::fs::read_dir(self.root.join(dir)).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".json") && entry.path().is_file() {
                    out.push(format!("{dir}/{name}"));
                }
            }
        }
        out.sort();
        out
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Files for Disk {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.root.join(path)).map_err(|e| e.to_string())
    }
}

/// The case files embedded at build time (every `*.json` of [`CASE_DIRS`]
/// and the [`MANIFESTS`]), sorted.
pub fn embedded_case_files() -> &'static [&'static str] {
    embedded::CASE_FILES
}

/// Every file embedded at build time, by path from the repository root.
pub fn embedded_files() -> impl Iterator<Item = &'static str> {
    embedded::FILES.iter().map(|(p, _)| *p)
}

/// Choices a caller may make.
#[derive(Clone, Default)]
pub struct Options {
    /// The code lists of the suite and `errors` cases (default: the
    /// engine's fixture lists, `CodeLists::fixtures()`).
    pub code_lists: Option<Arc<CodeLists>>,
    /// Read every template and configuration through the compiled format
    /// (`to_compiled`, then `from_compiled`), as the `hitforms/full` widget
    /// reads them.
    pub compiled: bool,
}

/// Runs every case of the case files `paths`, read through `files`.
pub fn run_files<'p>(
    paths: impl IntoIterator<Item = &'p str>,
    files: &dyn Files,
    options: &Options,
) -> Report {
    let mut runner = Runner::new(files, options);
    let mut report = Report::default();
    for path in paths {
        report.merge(runner.file(path));
    }
    report
}

/// Runs every embedded case file through the embedded files: what the wasm
/// tests do.
pub fn run_embedded(options: &Options) -> Report {
    run_files(embedded_case_files().iter().copied(), &Embedded, options)
}

/// Runs one case file (`path` from the repository root).
pub fn run_file(path: &str, files: &dyn Files, options: &Options) -> Report {
    Runner::new(files, options).file(path)
}

/// Runs the case file text `text` as if read from `path`.
pub fn run_text(path: &str, text: &str, files: &dyn Files, options: &Options) -> Report {
    Runner::new(files, options).text(path, text)
}

// ---------------------------------------------------------------------------
// Case files → cases

/// What a case expects of the findings.
enum Expect {
    /// Every finding's code (errors and warnings), sorted; the data as given
    /// and the computed document must give the same.
    Codes(Vec<String>),
    /// Errors only, as (path, code), of the watched codes and paths.
    Errors { want: Vec<(String, String)>, watch: Vec<String>, paths: Vec<String> },
}

struct Case {
    name: String,
    template: String,
    /// The configuration's text, with where it came from.
    config: Option<(String, String)>,
    step: Step,
    data: Value,
    computed: Vec<(String, Value)>,
    expect: Expect,
}

/// A problem of a case file.
struct Bad {
    what: String,
    expected: String,
    got: String,
}

fn bad(what: impl Into<String>, expected: impl Into<String>, got: impl Into<String>) -> Bad {
    Bad { what: what.into(), expected: expected.into(), got: got.into() }
}

impl Bad {
    fn at(self, case: &str) -> Mismatch {
        Mismatch { case: case.to_owned(), what: self.what, expected: self.expected, got: self.got }
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

fn object<'v>(v: &'v Value, what: &str) -> Result<&'v Map<String, Value>, Bad> {
    v.as_object().ok_or_else(|| bad(what, "an object", short(v)))
}

fn only_keys(o: &Map<String, Value>, allowed: &[&str], what: &str) -> Result<(), Bad> {
    match o.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(bad(
            format!("{what}: unknown key `{k}`"),
            format!("only {}", allowed.join(", ")),
            k.clone(),
        )),
        None => Ok(()),
    }
}

fn string<'v>(o: &'v Map<String, Value>, key: &str) -> Result<&'v str, Bad> {
    match o.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(v) => Err(bad(format!("`{key}`"), "a string", short(v))),
        None => Err(bad(format!("`{key}`"), "a string", "nothing")),
    }
}

fn strings(v: Option<&Value>, key: &str) -> Result<Vec<String>, Bad> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| bad(format!("`{key}`"), "strings", short(i)))
            })
            .collect(),
        Some(v) => Err(bad(format!("`{key}`"), "an array of strings", short(v))),
    }
}

/// `null` or absent: step 2 (or the only step); `1` or `2`.
fn step(v: Option<&Value>) -> Result<Step, Bad> {
    match v {
        None | Some(Value::Null) => Ok(Step::Two),
        Some(v) if v.as_u64() == Some(1) => Ok(Step::One),
        Some(v) if v.as_u64() == Some(2) => Ok(Step::Two),
        Some(v) => Err(bad("`step`", "null, 1 or 2", short(v))),
    }
}

fn computed(v: Option<&Value>) -> Result<Vec<(String, Value)>, Bad> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (pointer, want) in object(v, "`computed`")? {
        if !(want.is_string() || want.is_null())
            || !(pointer.is_empty() || pointer.starts_with('/'))
        {
            return Err(bad(
                format!("`computed` {pointer:?}"),
                "a JSON pointer → a value as a string, or null for no value",
                short(want),
            ));
        }
        out.push((pointer.clone(), want.clone()));
    }
    Ok(out)
}

fn path_codes(v: Option<&Value>) -> Result<Vec<(String, String)>, Bad> {
    let items = v.and_then(Value::as_array).ok_or_else(|| {
        bad("`errors`", "an array of [path, code]", v.map_or("nothing".into(), short))
    })?;
    let mut out = Vec::new();
    for item in items {
        match item.as_array().map(Vec::as_slice) {
            Some([Value::String(p), Value::String(c)]) => out.push((p.clone(), c.clone())),
            _ => return Err(bad("`errors`", "[path, code] pairs of strings", short(item))),
        }
    }
    out.sort();
    Ok(out)
}

fn sorted_codes(v: Option<&Value>) -> Result<Vec<String>, Bad> {
    if !v.is_some_and(Value::is_array) {
        return Err(bad("`codes`", "an array of codes", v.map_or("nothing".into(), short)));
    }
    let codes = strings(v, "codes")?;
    if !codes.is_sorted() {
        return Err(bad("`codes`", "sorted codes", format!("{codes:?}")));
    }
    Ok(codes)
}

fn parse_json(text: &str, what: &str) -> Result<Value, Bad> {
    serde_json::from_str(text).map_err(|e| bad(what, "JSON", e.to_string()))
}

/// Applies `patch` (`[{"path", "value"?}]`) to `doc`.
fn patch(doc: &mut Value, edits: Option<&Value>) -> Result<(), Bad> {
    let edits = match edits {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(a)) => a,
        Some(v) => return Err(bad("`patch`", "an array of edits", short(v))),
    };
    for edit in edits {
        let e = object(edit, "`patch` edit")?;
        only_keys(e, &["path", "value"], "`patch` edit")?;
        let pointer = string(e, "path")?;
        let cannot = |why: &str| {
            bad(format!("`patch` {pointer}"), "a pointer into the base document", why.to_owned())
        };
        let (parent, key) = pointer.rsplit_once('/').ok_or_else(|| cannot("not a pointer"))?;
        let target = doc.pointer_mut(parent).ok_or_else(|| cannot("its parent is not there"))?;
        match (e.get("value"), target) {
            (Some(v), Value::Object(o)) => {
                o.insert(key.to_owned(), v.clone());
            }
            (value, Value::Array(a)) => {
                let i: usize = key.parse().map_err(|_| cannot("not an index"))?;
                match value {
                    // The index one past the end appends.
                    Some(v) if i == a.len() => a.push(v.clone()),
                    Some(v) if i < a.len() => a[i] = v.clone(),
                    None if i < a.len() => {
                        a.remove(i);
                    }
                    _ => return Err(cannot("index out of range")),
                }
            }
            (None, Value::Object(o)) => {
                o.remove(key).ok_or_else(|| cannot("nothing to remove"))?;
            }
            _ => return Err(cannot("its parent is neither an object nor an array")),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Running

struct Runner<'f> {
    files: &'f dyn Files,
    lists: Arc<CodeLists>,
    templates: HashMap<String, Result<Template, String>>,
    compiled: bool,
}

impl<'f> Runner<'f> {
    fn new(files: &'f dyn Files, options: &Options) -> Self {
        let lists = options.code_lists.clone().unwrap_or_else(|| Arc::new(CodeLists::fixtures()));
        Runner { files, lists, templates: HashMap::new(), compiled: options.compiled }
    }

    fn file(&mut self, path: &str) -> Report {
        match self.files.read(path) {
            Ok(text) => self.text(path, &text),
            Err(e) => Report {
                files: 1,
                cases: 0,
                mismatches: vec![bad("the case file", "readable", e).at(path)],
            },
        }
    }

    fn text(&mut self, path: &str, text: &str) -> Report {
        let mut report = Report { files: 1, ..Report::default() };
        let cases = match self.cases(path, text) {
            Ok(cases) => cases,
            Err(b) => {
                report.mismatches.push(b.at(path));
                return report;
            }
        };
        if cases.is_empty() {
            report.mismatches.push(bad("the case file", "at least one case", "none").at(path));
        }
        for case in cases {
            report.cases += 1;
            match case {
                Ok(case) => {
                    let name = case.name.clone();
                    if let Err(b) = self.run(&case, &mut report.mismatches) {
                        report.mismatches.push(b.at(&name));
                    }
                }
                Err(m) => report.mismatches.push(m),
            }
        }
        report
    }

    /// The cases of a file; a case that cannot be read is its mismatch.
    fn cases(&self, path: &str, text: &str) -> Result<Vec<Result<Case, Mismatch>>, Bad> {
        let json = parse_json(text, "the case file")?;
        let top = object(&json, "the case file")?;
        if top.contains_key("cases") {
            self.suite(path, top)
        } else if top.contains_key("examples") {
            self.manifest(path, top)
        } else if top.contains_key("codes") {
            Ok(vec![self.single(path, top).map_err(|b| b.at(path))])
        } else {
            Err(bad(
                "the case file",
                "`cases` (a suite), `examples` (a manifest) or `codes` (a case)",
                "none of them",
            ))
        }
    }

    fn read_config(&self, dir: &str, v: Option<&Value>) -> Result<Option<(String, String)>, Bad> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(rel)) => {
                let path = sources::join(dir, rel)
                    .ok_or_else(|| bad("`config`", "a path inside the repository", rel.clone()))?;
                let text = self
                    .files
                    .read(&path)
                    .map_err(|e| bad(format!("`config` {path}"), "readable", e))?;
                Ok(Some((path, text)))
            }
            Some(inline @ Value::Object(_)) => {
                Ok(Some(("the inline configuration".into(), inline.to_string())))
            }
            Some(v) => Err(bad("`config`", "null, a path or an object", short(v))),
        }
    }

    fn suite(
        &self,
        path: &str,
        top: &Map<String, Value>,
    ) -> Result<Vec<Result<Case, Mismatch>>, Bad> {
        only_keys(
            top,
            &["title", "template", "config", "step", "watch", "watchPaths", "cases"],
            "the suite",
        )?;
        let dir = sources::dir_of(path);
        let template = string(top, "template")?;
        // Relative to the suite's folder.
        let config = self.read_config(dir, top.get("config"))?;
        let suite_step = top.get("step");
        let watch = strings(top.get("watch"), "watch")?;
        let cases = top
            .get("cases")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("`cases`", "an array", "something else"))?;
        Ok(cases
            .iter()
            .enumerate()
            .map(|(i, case)| {
                let label = match case.get("name").and_then(Value::as_str) {
                    Some(n) => format!("{path} / {n}"),
                    None => format!("{path} / case {i}"),
                };
                let read = || -> Result<Case, Bad> {
                    let c = object(case, "the case")?;
                    only_keys(
                        c,
                        &[
                            "name",
                            "why",
                            "step",
                            "data",
                            "base",
                            "patch",
                            "computed",
                            "errors",
                            "watchPaths",
                        ],
                        "the case",
                    )?;
                    string(c, "name")?;
                    let data = match (c.get("data"), c.get("base")) {
                        (Some(d), None) => {
                            if c.contains_key("patch") {
                                return Err(bad("`patch`", "only with `base`", "with `data`"));
                            }
                            d.clone()
                        }
                        (None, Some(Value::String(base))) => {
                            let at = sources::join(dir, base).ok_or_else(|| {
                                bad("`base`", "a path inside the repository", base.clone())
                            })?;
                            let text = self
                                .files
                                .read(&at)
                                .map_err(|e| bad(format!("`base` {at}"), "readable", e))?;
                            let mut doc = parse_json(&text, &format!("`base` {at}"))?;
                            patch(&mut doc, c.get("patch"))?;
                            doc
                        }
                        _ => {
                            return Err(bad(
                                "the case",
                                "`data`, or `base` (a path) and `patch`",
                                "neither, or both",
                            ));
                        }
                    };
                    let paths =
                        strings(c.get("watchPaths").or(top.get("watchPaths")), "watchPaths")?;
                    Ok(Case {
                        name: label.clone(),
                        template: template.to_owned(),
                        config: config.clone(),
                        step: step(c.get("step").or(suite_step))?,
                        data,
                        computed: computed(c.get("computed"))?,
                        expect: Expect::Errors {
                            want: path_codes(c.get("errors"))?,
                            watch: watch.clone(),
                            paths,
                        },
                    })
                };
                read().map_err(|b| b.at(&label))
            })
            .collect())
    }

    fn single(&self, path: &str, top: &Map<String, Value>) -> Result<Case, Bad> {
        only_keys(top, &["template", "config", "step", "data", "computed", "codes"], "the case")?;
        Ok(Case {
            name: path.to_owned(),
            template: string(top, "template")?.to_owned(),
            // From the repository root.
            config: self.read_config("", top.get("config"))?,
            step: step(top.get("step"))?,
            data: top
                .get("data")
                .cloned()
                .ok_or_else(|| bad("`data`", "the data document", "nothing"))?,
            computed: computed(top.get("computed"))?,
            expect: Expect::Codes(sorted_codes(top.get("codes"))?),
        })
    }

    fn manifest(
        &self,
        path: &str,
        top: &Map<String, Value>,
    ) -> Result<Vec<Result<Case, Mismatch>>, Bad> {
        only_keys(top, &["about", "template", "examples"], "the manifest")?;
        let dir = sources::dir_of(path);
        let examples = top
            .get("examples")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("`examples`", "an array", "something else"))?;
        Ok(examples
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let file = e.get("file").and_then(Value::as_str).unwrap_or("?");
                let label = format!(
                    "{path} / {i}: {file} (step {})",
                    e.get("step").map_or("-".into(), short)
                );
                let read = || -> Result<Case, Bad> {
                    let o = object(e, "the example")?;
                    only_keys(
                        o,
                        &["file", "template", "config", "step", "codes", "errors", "computed"],
                        "the example",
                    )?;
                    let at = sources::join(dir, string(o, "file")?)
                        .ok_or_else(|| bad("`file`", "a path inside the repository", file))?;
                    let text = self
                        .files
                        .read(&at)
                        .map_err(|e| bad(format!("`file` {at}"), "readable", e))?;
                    let template = match o.get("template") {
                        Some(_) => string(o, "template")?,
                        None => string(top, "template")?,
                    };
                    let expect = match (o.get("codes"), o.get("errors")) {
                        (Some(c), None) => Expect::Codes(sorted_codes(Some(c))?),
                        (None, Some(e)) => Expect::Errors {
                            want: path_codes(Some(e))?,
                            watch: Vec::new(),
                            paths: Vec::new(),
                        },
                        _ => {
                            return Err(bad(
                                "the example",
                                "`codes` or `errors`",
                                "neither, or both",
                            ));
                        }
                    };
                    Ok(Case {
                        name: label.clone(),
                        template: template.to_owned(),
                        // From the repository root.
                        config: self.read_config("", o.get("config"))?,
                        step: step(o.get("step"))?,
                        data: parse_json(&text, &format!("`file` {at}"))?,
                        computed: computed(o.get("computed"))?,
                        expect,
                    })
                };
                read().map_err(|b| b.at(&label))
            })
            .collect())
    }

    fn template(&mut self, name: &str) -> Result<Template, Bad> {
        let compiled = self.compiled;
        let loaded = self.templates.entry(name.to_owned()).or_insert_with(|| {
            let json =
                builtin_template(name).ok_or_else(|| "no such built-in template".to_owned())?;
            let t = Template::load(json).map_err(|problems| issues_text(&problems))?;
            if !compiled {
                return Ok(t);
            }
            Template::from_compiled(&t.to_compiled()).map_err(|p| issues_text(&[p]))
        });
        loaded.clone().map_err(|e| {
            bad("`template`", "a built-in template that loads", format!("{name}: {e}"))
        })
    }

    /// Runs one case, adding a mismatch for every difference.
    fn run(&mut self, case: &Case, out: &mut Vec<Mismatch>) -> Result<(), Bad> {
        let t = self.template(&case.template)?;
        let config = match &case.config {
            None => None,
            Some((from, text)) => {
                let c = Config::load(text, &t.visibility, &t.parameters).map_err(|p| {
                    bad(format!("`config` {from}"), "a configuration that loads", issues_text(&p))
                })?;
                if let Some(p) = c.check_template(&t.id) {
                    return Err(bad(
                        format!("`config` {from}"),
                        format!("a configuration of {}", t.id),
                        issues_text(&[p]),
                    ));
                }
                // As loaded: the step given to the form (and to the
                // validation context) sets `$step` and `$hiddenIds`.
                let c = match self.compiled {
                    false => c,
                    true => Config::from_compiled(&c.to_compiled(&t), &t).map_err(|p| {
                        bad(
                            format!("`config` {from}"),
                            "a compiled configuration",
                            issues_text(&[p]),
                        )
                    })?,
                };
                Some(Arc::new(c))
            }
        };
        let mut form = FormState::new(t.clone(), case.data.clone())
            .map_err(|p| bad("`data`", "a data document", issues_text(&[p])))?;
        let with_lists = matches!(case.expect, Expect::Errors { .. });
        if with_lists {
            form = form.with_code_lists(self.lists.clone());
        }
        if let Some(c) = &config {
            form = form.with_config(c.clone(), case.step);
        }
        let doc = form.data();
        let mismatch = |what: String, expected: String, got: String| Mismatch {
            case: case.name.clone(),
            what,
            expected,
            got,
        };
        for (pointer, want) in &case.computed {
            let got = doc.pointer(pointer);
            if !same(got, want) {
                let got = got.map_or("no value".into(), short);
                let expected = if want.is_null() { "no value".into() } else { short(want) };
                out.push(mismatch(format!("computed {pointer}"), expected, got));
            }
        }
        let issues = form.issues();
        match &case.expect {
            Expect::Codes(want) => {
                let ctx = match &config {
                    Some(c) => Context::configured(&t, c, case.step),
                    None => Context::of(&t),
                };
                for (what, issues) in [
                    ("findings of the form", issues),
                    ("findings of the data as given", validate_with(&ctx, &case.data)),
                    ("findings of the computed document", validate_with(&ctx, &doc)),
                ] {
                    let mut got: Vec<String> = issues.iter().map(|i| i.code.to_string()).collect();
                    got.sort();
                    if &got != want {
                        out.push(mismatch(
                            format!("{what} ({})", diff(want, &got)),
                            format!("{want:?}"),
                            format!("{got:?}"),
                        ));
                    }
                }
            }
            Expect::Errors { want, watch, paths } => {
                let mut got: Vec<(String, String)> = issues
                    .iter()
                    .filter(|i| i.severity == Severity::Error)
                    .map(|i| (i.path.clone(), i.code.to_string()))
                    .filter(|(p, c)| {
                        (watch.is_empty() || watch.iter().any(|w| c.starts_with(w.as_str())))
                            && (paths.is_empty() || paths.iter().any(|w| p.starts_with(w.as_str())))
                    })
                    .collect();
                got.sort();
                if &got != want {
                    out.push(mismatch(
                        format!("errors ({})", diff(want, &got)),
                        format!("{want:?}"),
                        format!("{got:?}"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Whether a computed value is the expected one: `null` = no value; numbers
/// as exact decimals (`"87.30"` equals `87.3`), other values as their text.
fn same(got: Option<&Value>, want: &Value) -> bool {
    match (got, want) {
        (None | Some(Value::Null), Value::Null) => true,
        (Some(g), Value::String(w)) => match (decimal_of(g), parse_decimal(w)) {
            (Some(g), Some(w)) => g == w,
            _ => g.as_str() == Some(w.as_str()),
        },
        _ => false,
    }
}

/// "missing […], unexpected […]" between two sorted lists.
fn diff<T: Ord + Clone + fmt::Debug>(want: &[T], got: &[T]) -> String {
    let mut missing = want.to_vec();
    let mut unexpected = Vec::new();
    for g in got {
        match missing.iter().position(|w| w == g) {
            Some(i) => {
                missing.remove(i);
            }
            None => unexpected.push(g.clone()),
        }
    }
    format!("missing {missing:?}, unexpected {unexpected:?}")
}

fn issues_text(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("{}: {}", i.path, i.code)).collect::<Vec<_>>().join("; ")
}
