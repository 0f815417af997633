//! The partner search at 100,000 records, natively (docs/benchmarks.md,
//! "Partner search"). `cargo bench -p hitforms-search` prints a Markdown
//! table: build, binary size (raw and gzip), load time and memory, and
//! p50/p95 per query kind (exact, prefix, typo, filtered) and for the
//! synergy finder.
//!
//! Records (all real, from $HITFORMS_DATA, default ../shared/data): keep.eu
//! 2014-2020 partners joined to projects, keep.eu 2000-2013 participations,
//! the Swedish 2021-2027 partners, and the 58,855 deduplicated EUCICOP
//! organisations 2000-2020 (no project: one pseudo-project holds them).
//! That is about 96,500 records; the rest up to 100,000 are copies of the
//! first records, in order. Queries come from the records themselves with a
//! fixed-seed generator, 100 per kind; each is timed as the median of
//! three runs.

use hitforms_search::import::{default_data_dir, import};
use hitforms_search::{Index, Partner, Project, Query, binary};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

const TARGET: usize = 100_000;
const PER_KIND: usize = 100;

fn data_dir() -> PathBuf {
    let dir = default_data_dir();
    if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(dir)
    } else {
        dir
    }
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

fn records() -> hitforms_search::Dataset {
    let dir = data_dir();
    let names = [
        "keep_eucicop/keep_2014_2020_partners.csv",
        "keep_eucicop/keep_2014_2020_projects.csv",
        "keep_eucicop/keep_2000_2013_participations.csv",
        "interregbarometern_se/se_partners_2021_2027.csv",
    ];
    let files: Vec<(&str, Vec<u8>)> = names
        .iter()
        .map(|n| (*n, std::fs::read(dir.join(n)).expect("the data folder (HITFORMS_DATA)")))
        .collect();
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let (mut data, _) = import(&sources).expect("import");
    let pseudo = data.upsert_project(
        "eucicop",
        Project { programme: "EUCICOP organisations 2000-2020".into(), ..Project::default() },
    );
    let mut reader =
        csv::Reader::from_path(dir.join("keep_eucicop/eucicop_unique_partners_2000_2020.csv"))
            .unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (org, town, cc, dept, legal) = (
        col("organisation_name"),
        col("town"),
        col("country_code"),
        col("department"),
        col("legal_status"),
    );
    let (n1, n2, n3) = (col("nuts1_code"), col("nuts2_code"), col("nuts3_code"));
    let (r1, r2, r3) = (col("nuts1_name"), col("nuts2_name"), col("nuts3_name"));
    for row in reader.records().flatten() {
        let get = |i: usize| row.get(i).unwrap_or("").trim().to_owned();
        if get(org).is_empty() {
            continue;
        }
        data.partners.push(Partner {
            project: pseudo,
            organisation: get(org),
            town: get(town),
            country: get(cc).to_ascii_uppercase(),
            department: get(dept),
            legal_status: get(legal).to_lowercase(),
            nuts: [get(n1), get(n2), get(n3)],
            region: [get(r1), get(r2), get(r3)].join(", "),
            ..Partner::default()
        });
    }
    let real = data.partners.len();
    for i in 0..TARGET.saturating_sub(real) {
        let copy = data.partners[i].clone();
        data.partners.push(copy);
    }
    data.partners.truncate(TARGET);
    eprintln!("{real} real records, {} in all", data.partners.len());
    data
}

/// 100 queries of each kind, from the records.
fn queries(index: &Index) -> Vec<(&'static str, Query)> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    let words = |doc: usize| -> Vec<String> {
        hitforms_search::fold::tokens(&index.data.partners[doc].organisation)
            .into_iter()
            .filter(|w| w.chars().count() >= 5 && !w.chars().any(|c| c.is_ascii_digit()))
            .collect()
    };
    for kind in ["exact", "prefix", "typo", "filtered"] {
        while out.iter().filter(|(k, _)| *k == kind).count() < PER_KIND {
            let doc = rng.below(index.len());
            let w = words(doc);
            if w.is_empty() {
                continue;
            }
            let word = w[rng.below(w.len())].clone();
            let chars: Vec<char> = word.chars().collect();
            let text = match kind {
                "exact" | "filtered" => format!("{word} "),
                "prefix" => chars[..(chars.len() * 6 / 10).max(2)].iter().collect(),
                _ => {
                    let mut c = chars.clone();
                    let i = rng.below(c.len());
                    c[i] = if c[i] == 'e' { 'a' } else { 'e' };
                    format!("{} ", c.iter().collect::<String>())
                }
            };
            let mut q = Query::new(&text);
            if kind == "filtered" {
                q.filters.country = Some(index.data.partners[doc].country.clone());
            }
            out.push((kind, q));
        }
    }
    out
}

/// gzip -9 size of `bytes`.
fn gzip(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

/// Each section's tag, raw size and gzip size (docs/index-format.md).
fn sections(bytes: &[u8]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 12;
    while pos + 12 <= bytes.len() {
        let tag = String::from_utf8_lossy(&bytes[pos..pos + 4]).into_owned();
        let len = u32::from_le_bytes(bytes[pos + 4..pos + 8].try_into().unwrap()) as usize;
        let payload = &bytes[pos + 12..pos + 12 + len];
        out.push((tag, len, gzip(payload)));
        pos += 12 + len;
    }
    out
}

fn percentile(sorted: &[f64], p: usize) -> f64 {
    sorted[((sorted.len() * p).div_ceil(100)).max(1) - 1]
}

/// Resident memory in MB (Linux), else 0.
fn rss_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let data = records();
    let start = Instant::now();
    let built = Index::new(data);
    let build_ms = start.elapsed().as_secs_f64() * 1e3;
    let bytes = binary::write(&built);
    let gzip = gzip(&bytes);
    drop(built);
    let before = rss_mb();
    let start = Instant::now();
    let index = binary::read(&bytes).expect("loads");
    let load_ms = start.elapsed().as_secs_f64() * 1e3;
    let memory = rss_mb() - before;
    let queries = queries(&index);
    // For the wasm run (docs/benchmarks.md): the index and the queries.
    if let Some(dir) = std::env::var_os("HITFORMS_BENCH_OUT") {
        let dir = PathBuf::from(dir);
        std::fs::write(dir.join("partners-100k.hfsx"), &bytes).unwrap();
        let lines: Vec<String> = queries
            .iter()
            .map(|(kind, q)| {
                let country = q.filters.country.clone().unwrap_or_default();
                serde_json::json!({"id": kind, "query": q.text, "country": country}).to_string()
            })
            .collect();
        std::fs::write(dir.join("queries-400.jsonl"), lines.join("\n") + "\n").unwrap();
        // The same records as plain JSON lines, for the MiniSearch run.
        let records: Vec<String> = (0..index.len())
            .map(|doc| {
                let p = &index.data.partners[doc];
                let project = index.data.project_of(p);
                serde_json::json!({"id": doc, "name": p.organisation, "department": p.department,
                    "town": p.town, "acronym": project.acronym, "title": project.title,
                    "region": p.region, "programme": project.programme, "country": p.country})
                .to_string()
            })
            .collect();
        std::fs::write(dir.join("records-100k.jsonl"), records.join("\n") + "\n").unwrap();
    }
    for (_, q) in &queries {
        std::hint::black_box(index.search(q));
    }
    println!("| measure | value |\n|---|---|");
    println!("| records | {} |", index.len());
    println!("| build (import excluded) | {build_ms:.0} ms |");
    println!(
        "| index file | {:.1} MB raw, {:.1} MB gzip |",
        bytes.len() as f64 / 1e6,
        gzip as f64 / 1e6
    );
    for (tag, raw, gz) in sections(&bytes) {
        println!(
            "| section {tag} | {:.1} MB raw, {:.1} MB gzip |",
            raw as f64 / 1e6,
            gz as f64 / 1e6
        );
    }
    println!("| load (binary::read) | {load_ms:.0} ms |");
    println!("| memory after load (RSS growth) | {memory:.0} MB |");
    println!("\n| query kind | p50 | p95 | max | mean hits |\n|---|---|---|---|---|");
    for kind in ["exact", "prefix", "typo", "filtered"] {
        let mut times = Vec::new();
        let mut hits = 0;
        for (_, q) in queries.iter().filter(|(k, _)| *k == kind) {
            // The median of three runs of the query: the machine is shared.
            let mut runs = [0f64; 3];
            for run in &mut runs {
                let start = Instant::now();
                hits += std::hint::black_box(index.search(q)).total;
                *run = start.elapsed().as_secs_f64() * 1e3;
            }
            runs.sort_by(f64::total_cmp);
            times.push(runs[1]);
        }
        times.sort_by(f64::total_cmp);
        let (p50, p95, max) =
            (percentile(&times, 50), percentile(&times, 95), times[times.len() - 1]);
        println!(
            "| {kind} | {p50:.2} ms | {p95:.2} ms | {max:.2} ms | {} |",
            hits / times.len() / 3
        );
    }
    let mut times = Vec::new();
    let mut rng = Rng(7);
    for _ in 0..50 {
        let p = &index.data.projects[rng.below(index.data.projects.len())];
        let idea = format!("{} {}", p.title, p.description);
        let start = Instant::now();
        std::hint::black_box(index.similar(&idea, 10));
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "| synergy (50 project texts, top 10) | {:.2} ms | {:.2} ms | {:.2} ms | 10 |",
        percentile(&times, 50),
        percentile(&times, 95),
        times[49]
    );
}
