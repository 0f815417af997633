//! `hitforms index`, `search` and `similar` end to end over our fixtures:
//! building and loading an index, text and JSON output, filters, the batch
//! mode's lines and summary, and clear errors.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const FIXTURES: &str = "../tests/fixtures/search";

fn hitforms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hitforms")).args(args).output().expect("the binary runs")
}

fn hitforms_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hitforms"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn data_files() -> Vec<String> {
    ["keep_partners.csv", "keep_projects.csv", "se_partners.csv", "partners.json"]
        .map(fixture)
        .to_vec()
}

/// Builds the fixtures' index into a fresh temp file.
fn built_index(name: &str) -> (PathBuf, Output) {
    let dir = std::env::temp_dir().join(format!("hitforms-search-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(name);
    let mut args = vec!["index", "build", "--data"];
    let files = data_files();
    args.extend(files.iter().map(String::as_str));
    args.extend(["--out", out.to_str().unwrap()]);
    let o = hitforms(&args);
    (out, o)
}

#[test]
fn builds_an_index_and_lists_the_bad_rows() {
    let (path, o) = built_index("build.idx");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("keep_partners.csv:6: 6 fields where the header has 19 (row skipped)"),
        "{err}"
    );
    assert!(err.contains("14 participations in 6 projects, 10 problems (7 rows skipped)"), "{err}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"HFSX"));
}

#[test]
fn searches_an_index_and_data_files_alike() {
    let (path, _) = built_index("same.idx");
    let from_index =
        hitforms(&["search", "--index", path.to_str().unwrap(), "--limit", "2", "padagogische"]);
    let mut args = vec!["search", "--limit", "2", "padagogische", "--data"];
    let files = data_files();
    args.extend(files.iter().map(String::as_str));
    let from_data = hitforms(&args);
    assert_eq!(from_index.status.code(), Some(0));
    assert_eq!(text(&from_index.stdout), text(&from_data.stdout));
    let out = text(&from_index.stdout);
    assert!(out.lines().next().unwrap().contains("Pädagogische Hochschule Salzburg"), "{out}");
    assert!(out.contains("2 of 2 participations"), "{out}");
    assert!(text(&from_data.stderr).contains("7 input rows skipped"));
}

#[test]
fn prints_json_with_filters_and_facets() {
    let (path, _) = built_index("json.idx");
    let o = hitforms(&[
        "search",
        "--index",
        path.to_str().unwrap(),
        "--country",
        "DE",
        "--json",
        "erfurt",
    ]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["total"], 1);
    assert_eq!(
        doc["hits"][0]["organisation_name"],
        "Association for Rural Development Thuringia, Erfurt"
    );
    assert!(doc["hits"][0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(doc["facets"]["country"][0], serde_json::json!(["DE", 1]));
    assert!(doc["micros"].is_u64());
}

#[test]
fn groups_hits_by_organisation() {
    let (path, _) = built_index("group.idx");
    let o = hitforms(&["search", "--index", path.to_str().unwrap(), "--group", "museum"]);
    let out = text(&o.stdout);
    assert!(out.contains("1 organisations in 2 of 2 participations"), "{out}");
    assert!(out.contains("FabLabNet [LP]") && out.contains("FabLabNet [PP]"), "{out}");
    let o = hitforms(&["search", "--index", path.to_str().unwrap(), "--json", "museum"]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["organisations"].as_array().unwrap().len(), 1);
    assert_eq!(doc["organisations"][0]["participations"].as_array().unwrap().len(), 2);
}

#[test]
fn runs_a_batch_with_a_summary() {
    let (path, _) = built_index("batch.idx");
    let queries = "{\"id\":\"a\",\"query\":\"museum\"}\n\n{\"id\":7,\"query\":\"erfurt\",\"country\":\"SI\"}\n[1]\n";
    let o =
        hitforms_stdin(&["search", "--index", path.to_str().unwrap(), "--queries", "-"], queries);
    let lines: Vec<Value> =
        text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["hits"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["id"], 7);
    assert!(lines[1]["hits"].as_array().unwrap().iter().all(|h| h["country"] == "SI"));
    assert_eq!(lines[2]["line"], 4);
    let summary = &lines[3]["summary"];
    assert_eq!((summary["queries"].as_u64(), summary["failed"].as_u64()), (Some(2), Some(1)));
    assert!(summary["p95_micros"].as_u64() >= summary["p50_micros"].as_u64());
    assert_eq!(o.status.code(), Some(1), "a line that is not a query is a failure");
}

#[test]
fn runs_the_batch_fixture_from_a_file() {
    let (path, _) = built_index("batch-file.idx");
    let queries = fixture("queries.jsonl");
    let o = hitforms(&[
        "search",
        "--index",
        path.to_str().unwrap(),
        "--limit",
        "1",
        "--queries",
        &queries,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<Value> =
        text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let first =
        |i: usize| lines[i]["hits"][0]["organisation_name"].as_str().unwrap_or("").to_owned();
    assert_eq!(first(2), "Pädagogische Hochschule Salzburg");
    assert_eq!(first(3), "Universität Passau");
    assert_eq!(lines[4]["summary"]["queries"], 4);
}

#[test]
fn finds_similar_projects() {
    let (path, _) = built_index("similar.idx");
    let o = hitforms(&[
        "similar",
        "--index",
        path.to_str().unwrap(),
        "--json",
        "heat pumps replacing oil boilers",
    ]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["similar"][0]["acronym"], "HEATWISE");
    assert!(doc["similar"][0]["shared_terms"].as_array().unwrap().contains(&"boilers".into()));
    assert_eq!(doc["similar"][0]["partners"].as_array().unwrap().len(), 3);
}

#[test]
fn exports_the_exchange_format() {
    let o = hitforms(&["index", "export", "--data", &fixture("se_partners.csv")]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["format"], "hitforms-partners");
    assert_eq!(doc["partners"].as_array().unwrap().len(), 3);
}

#[test]
fn unusable_input_is_a_clear_error() {
    let o = hitforms(&["search", "--index", &fixture("partners.json"), "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not a hitforms search index"), "{}", text(&o.stderr));
    let o = hitforms(&["search", "--data", "/nonexistent.csv", "--limit", "1", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot read /nonexistent.csv"));
    let o = hitforms(&[
        "index",
        "build",
        "--data",
        &fixture("../all-kinds.json"),
        "--out",
        "/tmp/never.idx",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("hitforms-partners"), "{}", text(&o.stderr));
}
