//! Arguments of the partner-search commands: `index build|export`,
//! `search` (one query or a `--queries` batch) and `similar`.

use hitforms_search::Filters;
use lexopt::prelude::*;

/// Where the records come from.
#[derive(Debug, PartialEq)]
pub enum Source {
    /// `--data FILE...`: CSV or JSON files, imported on start.
    Data(Vec<String>),
    /// `--index FILE`: a prebuilt binary index.
    Index(String),
    /// Neither: the real files in `$HITFORMS_DATA` (default `../shared/data`).
    Default,
}

/// A partner-search command.
#[derive(Debug, PartialEq)]
pub enum SearchCommand {
    /// `index build --data FILE... --out FILE`.
    Build { data: Vec<String>, out: String },
    /// `index export --data FILE... [--out FILE]`: the JSON exchange format.
    Export { data: Vec<String>, out: Option<String> },
    /// `search SOURCE [filters] [--limit N] [--json] [--group] (QUERY | --queries FILE.jsonl)`;
    /// `--group` prints the hits by organisation.
    Search { source: Source, filters: Filters, limit: usize, json: bool, group: bool, query: Query },
    /// `similar SOURCE [--limit N] [--json] TEXT`: the synergy finder.
    Similar { source: Source, limit: usize, json: bool, text: String },
}

/// One query, or a file of them.
#[derive(Debug, PartialEq)]
pub enum Query {
    /// The words typed.
    Text(String),
    /// A JSON-lines file (`-` for standard input).
    Batch(String),
}

fn text(p: &mut lexopt::Parser, flag: &str) -> Result<String, String> {
    p.value().map_err(|e| e.to_string())?.string().map_err(|_| format!("{flag} is not valid UTF-8"))
}

/// Parses what follows `search`, `similar` or `index`.
pub fn parse(sub: &str, p: &mut lexopt::Parser) -> Result<SearchCommand, String> {
    let (mut data, mut index, mut out, mut queries) = (Vec::new(), None, None, None);
    let (mut filters, mut limit, mut json, mut positional) =
        (Filters::default(), None, false, Vec::new());
    let mut group = false;
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Long("data") => {
                for v in p.values().map_err(|e| e.to_string())? {
                    data.push(v.string().map_err(|_| "--data is not valid UTF-8")?);
                }
            }
            Long("index") if sub != "index" => index = Some(text(p, "--index")?),
            Long("out") if sub == "index" => out = Some(text(p, "--out")?),
            Long("queries") if sub == "search" => queries = Some(text(p, "--queries")?),
            Long("country") if sub == "search" => filters.country = Some(text(p, "--country")?),
            Long("nuts") if sub == "search" => filters.nuts = Some(text(p, "--nuts")?),
            Long("programme") if sub == "search" => {
                filters.programme = Some(text(p, "--programme")?)
            }
            Long("legal-status") if sub == "search" => {
                filters.legal_status = Some(text(p, "--legal-status")?)
            }
            Long("partner-type") if sub == "search" => {
                filters.partner_type = Some(text(p, "--partner-type")?)
            }
            Long("objective") if sub == "search" => {
                filters.objective = Some(text(p, "--objective")?)
            }
            Long("period") if sub == "search" => filters.period = Some(text(p, "--period")?),
            Long("limit") if sub != "index" => {
                let v = text(p, "--limit")?;
                limit = Some(
                    v.parse::<usize>().map_err(|_| format!("--limit takes a number, not {v:?}"))?,
                );
            }
            Long("json") if sub != "index" => json = true,
            Long("group") if sub == "search" => group = true,
            Value(v) => positional
                .push(v.string().map_err(|_| "an argument is not valid UTF-8".to_owned())?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let source = || match (data.is_empty(), &index) {
        (false, Some(_)) => Err("give --data or --index, not both".to_owned()),
        (false, None) => Ok(Source::Data(data.clone())),
        (true, Some(i)) => Ok(Source::Index(i.clone())),
        (true, None) => Ok(Source::Default),
    };
    match (sub, positional.as_slice()) {
        ("index", [what]) if what == "build" || what == "export" => {
            if data.is_empty() {
                return Err(format!("index {what} needs --data FILE..."));
            }
            if what == "export" {
                return Ok(SearchCommand::Export { data, out });
            }
            let out = out.ok_or("index build needs --out FILE")?;
            Ok(SearchCommand::Build { data, out })
        }
        ("index", _) => {
            Err("index takes `build --data FILE... --out FILE` or `export --data FILE...`".into())
        }
        ("search", rest) => {
            let query = match (queries, rest) {
                (Some(file), []) => Query::Batch(file),
                (None, [_, ..]) => Query::Text(rest.join(" ")),
                (Some(_), _) => return Err("give QUERY or --queries FILE, not both".into()),
                (None, []) => return Err("search needs a QUERY (or --queries FILE.jsonl)".into()),
            };
            Ok(SearchCommand::Search {
                source: source()?,
                filters,
                limit: limit.unwrap_or(10),
                json,
                group,
                query,
            })
        }
        ("similar", [_, ..]) => Ok(SearchCommand::Similar {
            source: source()?,
            limit: limit.unwrap_or(5),
            json,
            text: positional.join(" "),
        }),
        ("similar", []) => Err("similar needs the TEXT of a project idea".into()),
        (other, _) => Err(format!("unknown command {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn parse_str(s: &str) -> Result<SearchCommand, String> {
        let mut words = s.split_whitespace();
        let sub = words.next().unwrap().to_owned();
        let mut p = lexopt::Parser::from_args(words.map(OsString::from).collect::<Vec<_>>());
        parse(&sub, &mut p)
    }

    #[test]
    fn parses_build_search_and_batch() {
        assert_eq!(
            parse_str("index build --data a.csv b.csv --out x.idx"),
            Ok(SearchCommand::Build {
                data: vec!["a.csv".into(), "b.csv".into()],
                out: "x.idx".into()
            })
        );
        let want = SearchCommand::Search {
            source: Source::Index("x.idx".into()),
            filters: Filters { country: Some("DE".into()), ..Filters::default() },
            limit: 3,
            json: true,
            group: false,
            query: Query::Text("rural erfurt".into()),
        };
        assert_eq!(
            parse_str("search --index x.idx --country DE --limit 3 --json rural erfurt"),
            Ok(want)
        );
        match parse_str("search --queries q.jsonl --data a.csv b.csv") {
            Ok(SearchCommand::Search {
                source: Source::Data(d), query: Query::Batch(q), ..
            }) => {
                assert_eq!((d.len(), q.as_str()), (2, "q.jsonl"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_what_does_not_fit() {
        assert!(parse_str("index build --data a.csv").unwrap_err().contains("--out"));
        assert!(parse_str("index build --out x").unwrap_err().contains("--data"));
        assert!(parse_str("search --data a --index b q").unwrap_err().contains("not both"));
        assert!(parse_str("search --limit many q").unwrap_err().contains("--limit"));
        assert!(parse_str("search --data a").unwrap_err().contains("QUERY"));
        assert!(parse_str("similar --index x").unwrap_err().contains("TEXT"));
        assert!(parse_str("index build --country DE --data a --out b").is_err());
    }
}
