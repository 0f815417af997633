//! The hitforms JSON exchange format for partner data (docs/index-format.md):
//!
//! ```json
//! {"format": "hitforms-partners", "version": 1,
//!  "projects": [{"id": "p1", "programme": "…", "acronym": "…", "title": "…",
//!                "period": "2021-2027", "objectives": ["RSO1.1"],
//!                "description": "…", "website": "…"}],
//!  "partners": [{"project": "p1", "organisation": "…", "department": "…",
//!                "street": "…", "postal_code": "…", "town": "…", "country": "DE",
//!                "nuts": ["DEG", "DEG0", "DEG01"], "region": "…",
//!                "legal_status": "public", "partner_type": "…", "role": "LP",
//!                "website": "…"}]}
//! ```
//!
//! Every field but `id`, `project` and `organisation` may be left out. A
//! problem names the JSON pointer of the value.

use super::Problem;
use crate::record::{Dataset, Partner, Project};
use serde_json::{Map, Value, json};

/// The `format` value.
pub const FORMAT: &str = "hitforms-partners";
/// The version this code reads and writes.
pub const VERSION: u64 = 1;

struct Ctx<'a> {
    file: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn problem(&mut self, pointer: String, reason: &str, skipped: bool) {
        let (file, reason) = (self.file.to_owned(), reason.to_owned());
        self.problems.push(Problem { file, line: 0, column: pointer, reason, skipped });
    }

    /// The string at `key`, "" when absent; `Err` (reported, row skipped)
    /// when it is there but not a string.
    fn text(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Result<String, ()> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_owned()),
            Some(_) => {
                self.problem(format!("{at}/{key}"), "not a string", true);
                Err(())
            }
        }
    }

    fn texts(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Result<Vec<String>, ()> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                Ok(items.iter().filter_map(Value::as_str).map(|s| s.trim().to_owned()).collect())
            }
            Some(_) => {
                self.problem(format!("{at}/{key}"), "not an array of strings", true);
                Err(())
            }
        }
    }
}

/// Reads one JSON exchange document into `data`.
pub fn import(
    file: &str,
    bytes: &[u8],
    data: &mut Dataset,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    let root: Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("not valid JSON: line {}, column {}: {e}", e.line(), e.column()))?;
    let format = root.get("format").and_then(Value::as_str);
    let version = root.get("version").and_then(Value::as_u64);
    if format != Some(FORMAT) || version != Some(VERSION) {
        return Err(format!(
            "expected \"format\": \"{FORMAT}\" and \"version\": {VERSION} (docs/index-format.md)"
        ));
    }
    let mut ctx = Ctx { file, problems };
    let key = |id: &str| format!("json:{file}:{id}");
    let empty = Vec::new();
    let list = |name: &str| root.get(name).and_then(Value::as_array).unwrap_or(&empty);
    for (i, item) in list("projects").iter().enumerate() {
        let at = format!("/projects/{i}");
        let Some(obj) = item.as_object() else {
            ctx.problem(at, "not an object", true);
            continue;
        };
        let Ok(id) = ctx.text(obj, &at, "id") else { continue };
        if id.is_empty() {
            ctx.problem(format!("{at}/id"), "missing or empty", true);
            continue;
        }
        if data.project_id(&key(&id)).is_some() {
            ctx.problem(format!("{at}/id"), "repeats an earlier project's id", true);
            continue;
        }
        let mut field = |k: &str| ctx.text(obj, &at, k);
        let (Ok(programme), Ok(acronym), Ok(title), Ok(period), Ok(description), Ok(website)) = (
            field("programme"),
            field("acronym"),
            field("title"),
            field("period"),
            field("description"),
            field("website"),
        ) else {
            continue;
        };
        let Ok(objectives) = ctx.texts(obj, &at, "objectives") else { continue };
        let project =
            Project { programme, acronym, title, period, objectives, description, website };
        data.upsert_project(&key(&id), project);
    }
    for (i, item) in list("partners").iter().enumerate() {
        let at = format!("/partners/{i}");
        if let Some(partner) = read_partner(&mut ctx, item, &at, |id| data.project_id(&key(id))) {
            data.partners.push(partner);
        }
    }
    Ok(())
}

fn read_partner(
    ctx: &mut Ctx,
    item: &Value,
    at: &str,
    project_of: impl Fn(&str) -> Option<u32>,
) -> Option<Partner> {
    let Some(obj) = item.as_object() else {
        ctx.problem(at.to_owned(), "not an object", true);
        return None;
    };
    let project_id = ctx.text(obj, at, "project").ok()?;
    let Some(project) = project_of(&project_id) else {
        ctx.problem(format!("{at}/project"), "names no project of this file", true);
        return None;
    };
    let mut t = |k: &str| ctx.text(obj, at, k).ok();
    let mut p = Partner {
        project,
        organisation: t("organisation")?,
        department: t("department")?,
        street: t("street")?,
        postal_code: t("postal_code")?,
        town: t("town")?,
        country: t("country")?.to_ascii_uppercase(),
        region: t("region")?,
        legal_status: crate::fold::fold(&t("legal_status")?),
        partner_type: t("partner_type")?,
        role: t("role")?.to_ascii_uppercase(),
        website: t("website")?,
        nuts: Default::default(),
    };
    if p.organisation.is_empty() {
        ctx.problem(format!("{at}/organisation"), "missing or empty", true);
        return None;
    }
    let nuts = ctx.texts(obj, at, "nuts").ok()?;
    if nuts.len() > 3 {
        ctx.problem(format!("{at}/nuts"), "more than three levels; the first three kept", false);
    }
    for (slot, code) in p.nuts.iter_mut().zip(nuts) {
        *slot = code.to_ascii_uppercase();
    }
    let two_letters = p.country.len() == 2 && p.country.bytes().all(|b| b.is_ascii_uppercase());
    if !p.country.is_empty() && !two_letters {
        ctx.problem(
            format!("{at}/country"),
            "not a two-letter code; kept without a country",
            false,
        );
        p.country.clear();
    }
    Some(p)
}

/// The dataset as a JSON exchange document (projects `p0`, `p1`, … by index).
pub fn export(data: &Dataset) -> Value {
    let projects: Vec<Value> = data
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({"id": format!("p{i}"), "programme": p.programme, "acronym": p.acronym,
                   "title": p.title, "period": p.period, "objectives": p.objectives,
                   "description": p.description, "website": p.website})
        })
        .collect();
    let partners: Vec<Value> = data
        .partners
        .iter()
        .map(|p| {
            json!({"project": format!("p{}", p.project), "organisation": p.organisation,
                   "department": p.department, "street": p.street, "postal_code": p.postal_code,
                   "town": p.town, "country": p.country, "nuts": p.nuts, "region": p.region,
                   "legal_status": p.legal_status, "partner_type": p.partner_type,
                   "role": p.role, "website": p.website})
        })
        .collect();
    json!({"format": FORMAT, "version": VERSION, "projects": projects, "partners": partners})
}
