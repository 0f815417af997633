//! Code lists: the named option lists selects can use (`"codeList": "nuts3"`)
//! when the template does not list the options itself. They are loaded from
//! the reference data (Eurostat NUTS, ISO countries, the HIT partner types,
//! 2021-2027 policy and specific objectives, legal statuses), read from the
//! folder in `HITFORMS_DATA` (default `../shared/data`), or from small
//! fixtures of our own when that folder is absent.

mod load;

pub use load::{DATA_ENV, default_data_dir};

use crate::template::Text;
use std::collections::BTreeMap;

/// One option of a code list.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The code stored in data (`AT130`, `Sme`, `RSO2.4`).
    pub code: String,
    /// The label shown.
    pub label: Text,
    /// The code of the parent entry (a NUTS 3 region's NUTS 2 region, a
    /// specific objective's policy objective), for cascading selects.
    pub parent: Option<String>,
}

/// Named code lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeLists {
    lists: BTreeMap<String, Vec<Entry>>,
}

impl CodeLists {
    /// The list called `name`.
    pub fn get(&self, name: &str) -> Option<&[Entry]> {
        self.lists.get(name).map(Vec::as_slice)
    }

    /// Whether `code` is in the list `name`; `None` when there is no such list.
    pub fn contains(&self, name: &str, code: &str) -> Option<bool> {
        self.get(name).map(|l| l.iter().any(|e| e.code == code))
    }

    /// Adds or replaces a list.
    pub fn insert(&mut self, name: &str, entries: Vec<Entry>) {
        self.lists.insert(name.to_owned(), entries);
    }

    /// The names of the lists held.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.lists.keys().map(String::as_str)
    }

    /// The lists as JSON (`{"name": [{"value", "label", "parent"?}]}`): the form
    /// a widget fetches, and what [`CodeLists::from_json`] reads.
    pub fn to_json(&self) -> serde_json::Value {
        let lists = self.lists.iter().map(|(name, entries)| {
            let entries = entries
                .iter()
                .map(|e| {
                    let mut o = serde_json::json!({"value": e.code, "label": label_json(&e.label)});
                    if let Some(p) = &e.parent {
                        o["parent"] = serde_json::json!(p);
                    }
                    o
                })
                .collect::<Vec<_>>();
            (name.clone(), serde_json::Value::Array(entries))
        });
        serde_json::Value::Object(lists.collect())
    }

    /// Reads lists written by [`CodeLists::to_json`]; entries that are not
    /// `{value, label}` objects are skipped.
    pub fn from_json(json: &serde_json::Value) -> CodeLists {
        let mut out = CodeLists::default();
        for (name, entries) in json.as_object().into_iter().flatten() {
            let entries = entries
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| {
                    let code = e.get("value")?.as_str()?.to_owned();
                    let label = e.get("label")?.as_object()?;
                    let label: Text = label
                        .iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                        .collect();
                    let parent = e.get("parent").and_then(|p| p.as_str()).map(str::to_owned);
                    Some(Entry { code, label, parent })
                })
                .collect();
            out.insert(name, entries);
        }
        out
    }
}

/// A label as a JSON object of language to text.
fn label_json(label: &Text) -> serde_json::Value {
    let pairs = label.iter().map(|(l, t)| (l.to_owned(), serde_json::Value::from(t)));
    serde_json::Value::Object(pairs.collect())
}
