//! Import of the three layouts from our fixtures: joins, problems with
//! line, column and reason, and the JSON exchange round trip.

mod common;

use hitforms_search::import::{Layout, detect, import, json};

#[test]
fn detects_each_layout() {
    assert_eq!(detect(&common::fixture("keep_partners.csv")), Ok(Layout::KeepPartners));
    assert_eq!(detect(&common::fixture("keep_projects.csv")), Ok(Layout::KeepProjects));
    assert_eq!(detect(&common::fixture("se_partners.csv")), Ok(Layout::Swedish));
    assert_eq!(detect(&common::fixture("partners.json")), Ok(Layout::Json));
    assert!(detect(b"a,b,c\n1,2,3\n").unwrap_err().contains("not a known layout"));
    let err = import(&[("x.csv", b"name\nfoo\n".as_slice())]).unwrap_err();
    assert!(err.starts_with("x.csv: "), "{err}");
}

#[test]
fn joins_partners_to_projects_whatever_the_order() {
    let (data, _) = common::dataset();
    let p = data
        .partners
        .iter()
        .find(|p| p.organisation == "Pädagogische Hochschule Salzburg")
        .unwrap();
    let project = data.project_of(p);
    assert_eq!(project.title, "Cross-border teacher education network");
    assert_eq!(project.objectives, ["TO10", "Education and training"]);
    assert!(project.description.contains("school pedagogy"));
    assert_eq!(project.period, "2014-2020");
    assert_eq!((p.role.as_str(), p.country.as_str()), ("LP", "AT"));
    assert_eq!(p.nuts, ["AT3", "AT32", "AT323"]);
    assert_eq!(p.region, "WESTÖSTERREICH, Salzburg, Salzburg und Umgebung");
    // The description in the first language when there is no English one.
    let fab = data.projects.iter().find(|p| p.acronym == "FabLabNet").unwrap();
    assert!(fab.description.starts_with("Fab labs"));
    // "-" as a department means none.
    let maribor =
        data.partners.iter().find(|p| p.organisation == "Municipality of Maribor").unwrap();
    assert_eq!(maribor.department, "");
}

#[test]
fn reports_bad_rows_with_line_column_and_reason() {
    let (data, problems) = common::dataset();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |want: &str| text.iter().any(|t| t.contains(want));
    assert!(
        has("keep_partners.csv:6: 6 fields where the header has 19 (row skipped)"),
        "{text:#?}"
    );
    assert!(has("keep_partners.csv:7: organisation_name: empty (row skipped)"), "{text:#?}");
    assert!(has("keep_partners.csv:8: country_code: \"AUSTRIA\" is not a two-letter country code"));
    assert!(has("keep_projects.csv:5: project_key: empty (row skipped)"));
    assert!(has(
        "se_partners.csv:4: partner_role: \"XX\" is not LP, PP or AP; kept without a role (row kept)"
    ));
    assert!(has("partners.json: /projects/1/id: repeats an earlier project's id (row skipped)"));
    assert!(has("partners.json: /projects/2/id: missing or empty"));
    assert!(has("partners.json: /partners/2/project: names no project of this file"));
    assert!(has("partners.json: /partners/3/organisation: not a string"));
    assert!(has("partners.json: /partners/4/country: not a two-letter code"));
    assert_eq!(problems.len(), 10, "{text:#?}");
    // Kept rows are there; skipped ones are not.
    assert!(
        data.partners.iter().any(|p| p.organisation == "Bad Country Org" && p.country.is_empty())
    );
    assert!(
        data.partners
            .iter()
            .any(|p| p.organisation == "Luleå tekniska universitet" && p.role.is_empty())
    );
    assert!(!data.partners.iter().any(|p| p.organisation == "Orphan Ltd" || p.town == "Nowhere"));
    assert_eq!(data.partners.len(), 8 + 3 + 3);
}

#[test]
fn reads_the_swedish_layout() {
    let (data, _) = common::dataset();
    let p = data.partners.iter().find(|p| p.organisation == "BioFuel Region BFR AB").unwrap();
    let project = data.project_of(p);
    assert_eq!(project.title, "Boost Nordic Biogas");
    assert_eq!(project.period, "2021-2027");
    assert_eq!(project.objectives, ["PO1", "RSO1.1"]);
    assert_eq!(p.nuts, ["SE3", "SE33", "SE331"]);
    assert_eq!(
        (p.legal_status.as_str(), p.partner_type.as_str()),
        ("public", "Regional public authority")
    );
    // Two rows of project 23 are one project.
    let umea = data.partners.iter().find(|p| p.organisation == "Umeå universitet").unwrap();
    assert_eq!(umea.project, p.project);
}

#[test]
fn the_exchange_format_round_trips() {
    let (data, _) = common::dataset();
    let exported = serde_json::to_vec(&json::export(&data)).unwrap();
    let (again, problems) = import(&[("export.json", exported.as_slice())]).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again.partners, data.partners);
    assert_eq!(again.projects, data.projects);
}

#[test]
fn a_wrong_json_document_is_an_error_naming_the_file() {
    let err = import(&[("x.json", br#"{"format": "other"}"#.as_slice())]).unwrap_err();
    assert!(err.contains("x.json") && err.contains("hitforms-partners"), "{err}");
    let err = import(&[("y.json", b"{ not json".as_slice())]).unwrap_err();
    assert!(err.contains("line 1"), "{err}");
}

/// A keep.eu partner row with the given organisation name (raw bytes).
fn keep_row(organisation: &[u8]) -> Vec<u8> {
    let mut row = b"P | A,P,A,".to_vec();
    row.extend_from_slice(organisation);
    row.extend_from_slice(b",True,,,Town,,DE,,,public,,,,,,\n");
    row
}

const KEEP_HEADER: &[u8] = b"project_key,programme,acronym,organisation_name,is_lead_partner,street,postal_code,town,country,country_code,website,department,legal_status,nuts1_code,nuts1_name,nuts2_code,nuts2_name,nuts3_code,nuts3_name\n";

#[test]
fn keeps_a_row_that_is_not_utf8_and_says_so() {
    let mut file = KEEP_HEADER.to_vec();
    file.extend(keep_row(b"Stadt K\xf6ln"));
    let (data, problems) = import(&[("latin1.csv", file.as_slice())]).unwrap();
    assert_eq!(data.partners[0].organisation, "Stadt K\u{fffd}ln");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "latin1.csv:2: organisation_name: not valid UTF-8; kept with U+FFFD (row kept)"
    );
}

#[test]
fn an_unclosed_quote_costs_only_the_rows_it_swallows() {
    let mut file = KEEP_HEADER.to_vec();
    file.extend(keep_row(b"Good One"));
    file.extend(keep_row(b"\"Broken, never closed"));
    let (data, problems) = import(&[("quote.csv", file.as_slice())]).unwrap();
    assert_eq!(data.partners.len(), 1);
    assert_eq!(data.partners[0].organisation, "Good One");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].skipped && problems[0].line == 3, "{}", problems[0]);
}

#[test]
fn a_header_without_a_required_column_is_an_error() {
    let file = b"project_key,programme,acronym,organisation_name\nk,p,a,o\n";
    let err = import(&[("short.csv", file.as_slice())]).unwrap_err();
    assert!(err.contains("short.csv") && err.contains("country_code"), "{err}");
}
