//! The Swedish 2021-2027 partners (`se_partners_2021_2027.csv`, from
//! Interregbarometern): HIT organisation types, roles LP/PP/AP, NUTS 2/3,
//! policy and specific objectives. Projects are keyed by programme and
//! `source_id`; organisation-type spellings are kept as given (the facet
//! groups them by their folded form).

use super::Problem;
use super::csv_rows;
use crate::fold::fold;
use crate::record::{Dataset, Partner, Project};

const COLUMNS: &[&str] = &[
    "source_id",
    "programme",
    "project_name",
    "organisation_name",
    "partner_role",
    "country_code",
];

/// Reads the file into `data`.
pub fn partners(
    file: &str,
    bytes: &[u8],
    data: &mut Dataset,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    csv_rows::read(file, bytes, COLUMNS, problems, |row, problems| {
        let Some(organisation) = row.required("organisation_name", problems) else { return };
        let programme = row.get("programme");
        let key = format!("se:{programme}|{}", row.get("source_id"));
        let objectives: Vec<String> = ["policy_objective", "specific_objective"]
            .iter()
            .map(|c| row.get(c))
            .filter(|o| !o.is_empty())
            .collect();
        let project = Project {
            programme,
            acronym: String::new(),
            title: row.get("project_name"),
            period: "2021-2027".to_owned(),
            objectives,
            ..Project::default()
        };
        let project = data.upsert_project(&key, project);
        let mut role = row.get("partner_role").to_ascii_uppercase();
        if !matches!(role.as_str(), "LP" | "PP" | "AP") {
            let reason = format!("{role:?} is not LP, PP or AP; kept without a role");
            problems.push(row.problem("partner_role", &reason, false));
            role.clear();
        }
        let nuts2 = row.get("nuts2_code").to_ascii_uppercase();
        let nuts1 = nuts2.get(..3).unwrap_or_default().to_owned();
        data.partners.push(Partner {
            project,
            organisation,
            country: csv_rows::country(row, "country_code", problems),
            nuts: [nuts1, nuts2, row.get("nuts3_code").to_ascii_uppercase()],
            region: csv_rows::region(&[row.get("nuts2_name"), row.get("nuts3_name")]),
            legal_status: fold(&row.get("organisation_ownership")),
            partner_type: row.get("organisation_type"),
            role,
            ..Partner::default()
        });
    })
}
