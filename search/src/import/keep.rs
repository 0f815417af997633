//! keep.eu exports: `keep_2014_2020_projects.csv` and
//! `keep_2014_2020_partners.csv` (also `keep_2000_2013_participations.csv`,
//! which has the partner columns plus `period`), joined by `project_key`.

use super::Problem;
use super::csv_rows::{self, Row};
use crate::fold::fold;
use crate::record::{Dataset, Partner, Project, period_from_programme};

const PARTNER_COLUMNS: &[&str] =
    &["project_key", "programme", "acronym", "organisation_name", "country_code"];
const PROJECT_COLUMNS: &[&str] = &["project_key", "programme", "acronym", "project_name"];

/// The first non-empty of `columns` in `row`.
fn first(row: &Row, columns: &[&str]) -> String {
    columns.iter().map(|c| row.get(c)).find(|v| !v.is_empty()).unwrap_or_default()
}

/// `TO6` from keep.eu's "(6) preserving and protecting …", if it has that form.
fn thematic_objective(text: &str) -> Option<String> {
    let rest = text.strip_prefix('(')?;
    let end = rest.find(')')?;
    let n = &rest[..end];
    (!n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("TO{n}"))
}

fn period(row: &Row, programme: &str) -> String {
    let given = row.get("period");
    if given.is_empty() { period_from_programme(programme).unwrap_or_default() } else { given }
}

/// Reads the projects file into `data` (rows without a key are skipped).
pub fn projects(
    file: &str,
    bytes: &[u8],
    data: &mut Dataset,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    csv_rows::read(file, bytes, PROJECT_COLUMNS, problems, |row, problems| {
        let Some(key) = row.required("project_key", problems) else { return };
        let programme = row.get("programme");
        let mut objectives: Vec<String> =
            thematic_objective(&row.get("thematic_obj")).into_iter().collect();
        for c in ["thematic1", "thematic2", "thematic3"] {
            let theme = row.get(c);
            if !theme.is_empty() && !objectives.contains(&theme) {
                objectives.push(theme);
            }
        }
        let project = Project {
            period: period(row, &programme),
            acronym: row.get("acronym"),
            title: first(
                row,
                &["project_name", "project_name_language_2", "project_name_language_3"],
            ),
            objectives,
            description: first(row, &["description_en", "description_1", "description_2"]),
            website: row.get("website"),
            programme,
        };
        data.upsert_project(&key, project);
    })
}

/// Reads a partners (or participations) file into `data`, joining each row
/// to its project by `project_key` (a project the projects file lacks is
/// made from the row's programme and acronym).
pub fn partners(
    file: &str,
    bytes: &[u8],
    data: &mut Dataset,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    csv_rows::read(file, bytes, PARTNER_COLUMNS, problems, |row, problems| {
        let Some(organisation) = row.required("organisation_name", problems) else { return };
        let programme = row.get("programme");
        let acronym = row.get("acronym");
        let mut key = row.get("project_key");
        if key.is_empty() {
            key = format!("{programme} | {acronym}");
        }
        let project = data.project_id(&key).unwrap_or_else(|| {
            let period = period(row, &programme);
            data.upsert_project(&key, Project { programme, acronym, period, ..Project::default() })
        });
        let lead = fold(&row.get("is_lead_partner"));
        let department = row.get("department");
        let names = ["nuts1_name", "nuts2_name", "nuts3_name"].map(|c| row.get(c));
        data.partners.push(Partner {
            project,
            country: csv_rows::country(row, "country_code", problems),
            department: if department.trim_matches('-').is_empty() {
                String::new()
            } else {
                department
            },
            street: row.get("street"),
            postal_code: row.get("postal_code"),
            town: row.get("town"),
            nuts: ["nuts1_code", "nuts2_code", "nuts3_code"]
                .map(|c| row.get(c).to_ascii_uppercase()),
            region: csv_rows::region(&names),
            legal_status: fold(&row.get("legal_status")),
            partner_type: String::new(),
            role: if matches!(lead.as_str(), "true" | "yes" | "1") { "LP" } else { "PP" }
                .to_owned(),
            website: row.get("website"),
            organisation,
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_thematic_objectives() {
        assert_eq!(thematic_objective("(6) preserving the environment").as_deref(), Some("TO6"));
        assert_eq!(thematic_objective("(11) institutional capacity").as_deref(), Some("TO11"));
        assert_eq!(thematic_objective("preserving"), None);
        assert_eq!(thematic_objective("(x) odd"), None);
    }
}
