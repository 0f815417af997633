//! The partner-search commands: building and exporting an index, searching
//! (one query, or a JSON-lines batch with timings and p50/p95), and finding
//! similar projects. The same `hitforms-search` code as the widget.

use crate::args_search::{Query as QueryArg, SearchCommand, Source};
use crate::out;
use hitforms_search::import::{Problem, default_data_dir, import, json as exchange};
use hitforms_search::{Filters, Index, Query, Results, binary};
use serde_json::{Value, json};
use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

/// The largest input file read.
const MAX_INPUT: u64 = 1024 * 1024 * 1024;
/// Problems listed one by one before the rest are only counted.
const LISTED: usize = 50;

fn read(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().take(MAX_INPUT).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(bytes)
}

/// The real files used when neither `--data` nor `--index` is given.
fn default_files() -> Result<Vec<String>, String> {
    let dir = default_data_dir();
    let files: Vec<String> = [
        "keep_eucicop/keep_2014_2020_partners.csv",
        "keep_eucicop/keep_2014_2020_projects.csv",
        "interregbarometern_se/se_partners_2021_2027.csv",
    ]
    .iter()
    .map(|f| dir.join(f))
    .filter(|p| p.exists())
    .map(|p| p.to_string_lossy().into_owned())
    .collect();
    if files.is_empty() {
        return Err(format!(
            "no --data or --index given, and no partner files in {}",
            dir.display()
        ));
    }
    Ok(files)
}

/// Imports `paths` into one dataset, with its problems.
fn import_files(paths: &[String]) -> Result<(hitforms_search::Dataset, Vec<Problem>), String> {
    let files =
        paths.iter().map(|p| read(p).map(|b| (p.as_str(), b))).collect::<Result<Vec<_>, _>>()?;
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    import(&sources)
}

/// Prints problems to standard error (the first [`LISTED`], then a count).
fn report(problems: &[Problem]) {
    for p in problems.iter().take(LISTED) {
        eprintln!("{p}");
    }
    if problems.len() > LISTED {
        eprintln!("… and {} more problems", problems.len() - LISTED);
    }
}

/// The index a search reads: imported (problems counted on standard error)
/// or loaded.
fn load(source: Source) -> Result<Index, String> {
    let paths = match source {
        Source::Index(path) => {
            return binary::read(&read(&path)?).map_err(|e| format!("{path}: {e}"));
        }
        Source::Data(paths) => paths,
        Source::Default => default_files()?,
    };
    let (data, problems) = import_files(&paths)?;
    let skipped = problems.iter().filter(|p| p.skipped).count();
    if skipped > 0 {
        eprintln!("hitforms: {skipped} input rows skipped (`hitforms index build` lists them)");
    }
    Ok(Index::new(data))
}

/// Runs a partner-search command.
pub fn run(command: SearchCommand) -> Result<ExitCode, String> {
    match command {
        SearchCommand::Build { data, out: path } => {
            let (data, problems) = import_files(&data)?;
            report(&problems);
            let index = Index::new(data);
            let bytes = binary::write(&index);
            std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {path}: {e}"))?;
            let skipped = problems.iter().filter(|p| p.skipped).count();
            eprintln!(
                "hitforms: {} participations in {} projects, {} problems ({skipped} rows skipped); {} bytes written to {path}",
                index.len(),
                index.data.projects.len(),
                problems.len(),
                bytes.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        SearchCommand::Export { data, out: path } => {
            let (data, problems) = import_files(&data)?;
            report(&problems);
            let text = serde_json::to_string_pretty(&exchange::export(&data))
                .map_err(|e| e.to_string())?;
            match path {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))?
                }
                None => out::line(&text),
            }
            Ok(ExitCode::SUCCESS)
        }
        SearchCommand::Search { source, filters, limit, json, group, query } => {
            let index = load(source)?;
            match query {
                QueryArg::Text(text) => {
                    let mut q = Query::new(&text);
                    (q.filters, q.limit, q.facets) = (filters, limit, json);
                    let start = Instant::now();
                    let results = index.search(&q);
                    let micros = start.elapsed().as_micros() as u64;
                    if json {
                        let mut doc = json!({"query": text, "total": results.total, "relaxed": results.relaxed,
                                             "hits": hits_json(&index, &results), "micros": micros});
                        doc["facets"] = facets_json(&results);
                        doc["organisations"] = crate::organisations::json(&index, &results);
                        out::line(&serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?);
                    } else if group {
                        crate::organisations::print(&index, &results);
                    } else {
                        print_text(&index, &results);
                    }
                    Ok(ExitCode::SUCCESS)
                }
                QueryArg::Batch(path) => batch(&index, &read(&path)?, &filters, limit),
            }
        }
        SearchCommand::Similar { source, limit, json, text } => {
            let index = load(source)?;
            crate::similar_cmd::print(&index, &text, limit, json)
        }
    }
}

/// One JSON object per hit.
pub fn hits_json(index: &Index, results: &Results) -> Vec<Value> {
    results
        .hits
        .iter()
        .map(|h| {
            let p = &index.data.partners[h.doc as usize];
            let project = index.data.project_of(p);
            json!({"organisation_name": p.organisation, "department": p.department, "town": p.town,
                   "country": p.country, "nuts": p.nuts, "legal_status": p.legal_status,
                   "partner_type": p.partner_type, "role": p.role, "programme": project.programme,
                   "acronym": project.acronym, "title": project.title, "period": project.period,
                   "score": (f64::from(h.score) * 1000.0).round() / 1000.0})
        })
        .collect()
}

fn facets_json(results: &Results) -> Value {
    let mut map = serde_json::Map::new();
    for (facet, counts) in &results.facets {
        let counts: Vec<Value> = counts.iter().map(|(v, n)| json!([v, n])).collect();
        map.insert(facet.name().to_owned(), Value::Array(counts));
    }
    Value::Object(map)
}

fn print_text(index: &Index, results: &Results) {
    for h in &results.hits {
        let p = &index.data.partners[h.doc as usize];
        let project = index.data.project_of(p);
        let place: Vec<&str> = [p.department.as_str(), &p.town, &p.country]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let what = if project.acronym.is_empty() { &project.title } else { &project.acronym };
        out::line(&format!(
            "{:8.3}  {} ({}) · {what} [{}]",
            h.score,
            p.organisation,
            place.join(", "),
            p.role
        ));
    }
    let relaxed =
        if results.relaxed { "; no participation has every word, these have some" } else { "" };
    out::line(&format!("{} of {} participations{relaxed}", results.hits.len(), results.total));
}

/// Runs every line of a JSON-lines file as a query; prints one line per
/// query and a summary line with the 50th and 95th percentile times.
fn batch(index: &Index, bytes: &[u8], filters: &Filters, limit: usize) -> Result<ExitCode, String> {
    let text = String::from_utf8_lossy(bytes);
    let mut times: Vec<u64> = Vec::new();
    let mut failed = 0;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: Value = match serde_json::from_str(line) {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                failed += 1;
                out::line(&json!({"line": n + 1, "error": "not a JSON object"}).to_string());
                continue;
            }
        };
        let Some(text) = item.get("query").and_then(Value::as_str) else {
            failed += 1;
            out::line(
                &json!({"line": n + 1, "id": item.get("id"), "error": "no \"query\" string"})
                    .to_string(),
            );
            continue;
        };
        let mut q = Query::new(text);
        (q.filters, q.limit, q.facets) = (filters.clone(), limit, false);
        if let Some(c) = item.get("country").and_then(Value::as_str) {
            q.filters.country = Some(c.to_owned());
        }
        let start = Instant::now();
        let results = index.search(&q);
        let micros = start.elapsed().as_micros() as u64;
        times.push(micros);
        let id = item.get("id").cloned().unwrap_or(Value::Null);
        out::line(
            &json!({"id": id, "hits": hits_json(index, &results), "micros": micros}).to_string(),
        );
    }
    times.sort_unstable();
    let pct = |p: usize| {
        if times.is_empty() { 0 } else { times[(times.len() * p).div_ceil(100).max(1) - 1] }
    };
    let summary = json!({"summary": {"queries": times.len(), "failed": failed, "p50_micros": pct(50),
                                     "p95_micros": pct(95), "max_micros": times.last().copied().unwrap_or(0)}});
    out::line(&summary.to_string());
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
