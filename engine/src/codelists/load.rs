//! Reading code lists from the reference data folder, or the fixtures.

use super::{CodeLists, Entry};
use crate::template::Text;
use std::path::{Path, PathBuf};

/// The environment variable naming the data folder.
pub const DATA_ENV: &str = "HITFORMS_DATA";

/// The data folder: `$HITFORMS_DATA`, else `../shared/data`.
pub fn default_data_dir() -> PathBuf {
    std::env::var_os(DATA_ENV).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/data"))
}

/// One list: its name, file, and the columns of code, English label and parent.
struct Source {
    name: &'static str,
    file: &'static str,
    code: &'static str,
    label: &'static str,
    parent: Option<&'static str>,
    /// Keep only rows whose `column` equals `value` (NUTS levels).
    only: Option<(&'static str, &'static str)>,
}

const SOURCES: &[Source] = &[
    Source {
        name: "countries",
        file: "reference/countries.csv",
        code: "iso2",
        label: "name",
        parent: None,
        only: None,
    },
    Source {
        name: "nuts1",
        file: "nuts_eurostat/nuts2024.csv",
        code: "nuts_id",
        label: "name_latin",
        parent: Some("country_code"),
        only: Some(("level", "1")),
    },
    Source {
        name: "nuts2",
        file: "nuts_eurostat/nuts2024.csv",
        code: "nuts_id",
        label: "name_latin",
        parent: Some("parent_id"),
        only: Some(("level", "2")),
    },
    Source {
        name: "nuts3",
        file: "nuts_eurostat/nuts2024.csv",
        code: "nuts_id",
        label: "name_latin",
        parent: Some("parent_id"),
        only: Some(("level", "3")),
    },
    Source {
        name: "partnerTypes",
        file: "reference/partner_types_2021_2027.csv",
        code: "code",
        label: "label_en",
        parent: None,
        only: None,
    },
    Source {
        name: "policyObjectives",
        file: "reference/policy_objectives_2021_2027.csv",
        code: "po_code",
        label: "title",
        parent: None,
        only: None,
    },
    Source {
        name: "specificObjectives",
        file: "reference/specific_objectives_2021_2027.csv",
        code: "so_code",
        label: "title",
        parent: Some("po_code"),
        only: None,
    },
    Source {
        name: "legalStatus",
        file: "reference/legal_status.csv",
        code: "code",
        label: "label_en",
        parent: None,
        only: None,
    },
];

impl CodeLists {
    /// Reads every list from the data folder `dir`. A file that is missing
    /// or unreadable is named in the error; nothing is half-loaded.
    pub fn from_data_dir(dir: &Path) -> Result<CodeLists, String> {
        let mut lists = CodeLists::default();
        for source in SOURCES {
            let path = dir.join(source.file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let entries =
                read_csv(source, &text).map_err(|e| format!("{}: {e}", path.display()))?;
            lists.insert(source.name, entries);
        }
        Ok(lists)
    }

    /// The data folder's lists when it exists, else the fixtures.
    pub fn load_default() -> CodeLists {
        CodeLists::from_data_dir(&default_data_dir()).unwrap_or_else(|_| CodeLists::fixtures())
    }

    /// Small lists of our own (a few entries each), for tests and for
    /// machines without the data folder.
    pub fn fixtures() -> CodeLists {
        CodeLists::from_json(
            &serde_json::from_str(include_str!("fixtures.json")).unwrap_or_default(),
        )
    }
}

fn read_csv(source: &Source, text: &str) -> Result<Vec<Entry>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column =
        |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name}"));
    let (code, label) = (column(source.code)?, column(source.label)?);
    let parent = source.parent.map(column).transpose()?;
    let only = source.only.map(|(c, v)| column(c).map(|i| (i, v))).transpose()?;
    let mut out = Vec::new();
    for (line, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", line + 2))?;
        if only.is_some_and(|(i, v)| row.get(i) != Some(v)) {
            continue;
        }
        let get = |i: usize| row.get(i).unwrap_or("").to_owned();
        let label: Text = [("en".to_owned(), get(label))].into_iter().collect();
        out.push(Entry {
            code: get(code),
            label,
            parent: parent.map(get).filter(|p| !p.is_empty()),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_hold_every_list() {
        let f = CodeLists::fixtures();
        for s in SOURCES {
            assert!(f.get(s.name).is_some_and(|l| !l.is_empty()), "fixture list {}", s.name);
        }
        assert_eq!(f.contains("nuts3", "AT130"), Some(true));
        assert_eq!(f.contains("nuts3", "XX999"), Some(false));
        assert_eq!(f.contains("nope", "x"), None);
    }

    #[test]
    fn json_round_trip() {
        let f = CodeLists::fixtures();
        assert_eq!(CodeLists::from_json(&f.to_json()), f);
    }

    #[test]
    fn reads_the_real_data_when_present() {
        // Tests run in engine/; the data folder sits beside the workspace.
        let dir = std::env::var_os(DATA_ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
        if !dir.join("nuts_eurostat/nuts2024.csv").exists() {
            eprintln!("no data folder at {}: only the fixtures are tested", dir.display());
            return;
        }
        let lists = CodeLists::from_data_dir(&dir).unwrap();
        let nuts3 = lists.get("nuts3").unwrap();
        assert!(nuts3.len() > 1000, "{} NUTS 3 regions", nuts3.len());
        let vienna = nuts3.iter().find(|e| e.code == "AT130").unwrap();
        assert_eq!((vienna.label.get("en"), vienna.parent.as_deref()), ("Wien", Some("AT13")));
        assert_eq!(lists.get("partnerTypes").unwrap().len(), 17);
        assert_eq!(lists.contains("specificObjectives", "RSO2.4"), Some(true));
        assert_eq!(lists.contains("countries", "EL"), Some(false), "ISO code for Greece is GR");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let err = CodeLists::from_data_dir(Path::new("/no/such/dir")).unwrap_err();
        assert!(err.contains("/no/such/dir/reference/countries.csv"), "{err}");
    }
}
