//! The `hit-application` template against hit-domain.md §0.1 and §1: the
//! repetition caps, Jems' numbering and the character limits, typed here
//! from the specification (not read back from the template).

use hitforms_engine::{Field, FieldKind, Group, Template, builtin_template};

fn template() -> Template {
    Template::load(builtin_template("hit-application").unwrap()).unwrap()
}

/// The field at a schema path such as `/partners/budget/costs/staffCosts`.
fn field<'t>(t: &'t Template, path: &str) -> &'t Field {
    let mut group: &Group = &t.root;
    let mut found = None;
    for id in path.trim_start_matches('/').split('/') {
        let (_, f) = group.field(id).unwrap_or_else(|| panic!("{path}: no {id}"));
        found = Some(f);
        group = match &f.kind {
            FieldKind::Group(g) => g,
            FieldKind::Repeat(r) => &r.item,
            _ => group,
        };
    }
    found.unwrap()
}

#[test]
fn repetition_caps_are_jems() {
    let t = template();
    let caps = [
        ("/partners", 50),
        ("/associatedOrganizations", 30),
        ("/partners/budget/coFinancing/partnerContributions", 10),
        ("/partners/budget/coFinancing/finances", 5),
        ("/projectRelevance/projectBenefits", 20),
        ("/projectRelevance/projectSpfRecipients", 20),
        ("/projectRelevance/projectStrategies", 20),
        ("/projectRelevance/projectSynergies", 20),
        ("/workPackages", 20),
        ("/workPackages/activities", 20),
        ("/workPackages/activities/deliverables", 20),
        ("/workPackages/outputs", 10),
        ("/workPackages/investments", 20),
        ("/results", 20),
        ("/lumpSums", 50),
        ("/projectUnitCosts", 10),
    ];
    let categories = ["staffCosts", "travelCosts", "externalCosts", "equipmentCosts"];
    let more = ["infrastructureCosts", "unitCosts", "spfCosts"];
    let rows = categories.iter().chain(&more).map(|c| (format!("/partners/budget/costs/{c}"), 300));
    for (path, cap) in caps.iter().map(|(p, c)| (p.to_string(), *c)).chain(rows) {
        match &field(&t, &path).kind {
            FieldKind::Repeat(r) => assert_eq!(r.max_items, cap, "{path}"),
            k => panic!("{path} is a {}", k.name()),
        }
    }
}

#[test]
fn numbering_is_jems() {
    let t = template();
    for (path, numbering) in [
        ("/workPackages", "WP{n}"),
        ("/workPackages/activities", "A{wp}.{n}"),
        ("/workPackages/activities/deliverables", "D{wp}.{act}.{n}"),
        ("/workPackages/outputs", "O{wp}.{n}"),
        ("/workPackages/investments", "I{wp}.{n}"),
        ("/associatedOrganizations", "AO{n}"),
    ] {
        let FieldKind::Repeat(r) = &field(&t, path).kind else { panic!("{path}") };
        assert_eq!(r.numbering.as_deref(), Some(numbering), "{path}");
    }
}

#[test]
fn character_limits_are_jems() {
    let t = template();
    let limits: &[(&str, u32)] = &[
        ("/acronym", 25),
        ("/title", 200),
        ("/intro", 5000),
        ("/partners/abbreviation", 15),
        ("/partners/nameInOriginalLanguage", 250),
        ("/partners/nameInEnglish", 250),
        ("/partners/department", 250),
        ("/partners/vat", 50),
        ("/partners/otherIdentifierNumber", 50),
        ("/partners/otherIdentifierDescription", 100),
        ("/partners/pic", 9),
        ("/partners/mainAddress/street", 50),
        ("/partners/mainAddress/houseNumber", 20),
        ("/partners/mainAddress/postalCode", 20),
        ("/partners/mainAddress/city", 50),
        ("/partners/mainAddress/homepage", 250),
        ("/partners/legalRepresentative/title", 25),
        ("/partners/legalRepresentative/firstName", 50),
        ("/partners/contactPerson/lastName", 50),
        ("/partners/contactPerson/email", 255),
        ("/partners/contactPerson/telephone", 25),
        ("/partners/motivation/organizationRelevance", 3000),
        ("/partners/motivation/organizationRole", 3000),
        ("/partners/motivation/organizationExperience", 3000),
        ("/partners/stateAid/justification1", 1000),
        ("/partners/budget/costs/staffCosts/description", 255),
        ("/partners/budget/costs/staffCosts/comments", 250),
        ("/partners/budget/costs/staffCosts/unitType", 100),
        ("/partners/budget/costs/externalCosts/awardProcedures", 250),
        ("/partners/budget/costs/spfCosts/comments", 250),
        ("/partners/budget/coFinancing/partnerContributions/name", 255),
        ("/associatedOrganizations/nameInOriginalLanguage", 250),
        ("/associatedOrganizations/roleDescription", 3000),
        ("/projectOverallObjective/overallObjective", 500),
        ("/projectRelevance/territorialChallenge", 5000),
        ("/projectRelevance/projectBenefits/specification", 2000),
        ("/projectRelevance/projectSynergies/synergy", 2000),
        ("/projectRelevance/availableKnowledge", 5000),
        ("/projectPartnership/partnership", 5000),
        ("/workPackages/name", 100),
        ("/workPackages/specificObjective", 1000),
        ("/workPackages/objectiveAndAudience", 1000),
        ("/workPackages/investments/title", 50),
        ("/workPackages/investments/justificationPilot", 2000),
        ("/workPackages/investments/ownershipMaintenance", 2000),
        ("/workPackages/activities/title", 200),
        ("/workPackages/activities/description", 3000),
        ("/workPackages/activities/deliverables/title", 100),
        ("/workPackages/activities/deliverables/description", 300),
        ("/workPackages/outputs/title", 200),
        ("/workPackages/outputs/description", 500),
        ("/results/description", 1000),
        ("/projectManagement/projectCoordination", 5000),
        ("/projectManagement/projectJointStaffingDescription", 2000),
        ("/projectManagement/projectHorizontalPrinciples/sexualEqualityDescription", 2000),
        ("/projectLongTermPlans/projectTransferability", 5000),
        ("/projectUnitCosts/name", 50),
        ("/projectUnitCosts/description", 255),
        ("/projectUnitCosts/unitType", 25),
        ("/projectUnitCosts/justification", 5000),
    ];
    for (path, max) in limits {
        let rules = match &field(&t, path).kind {
            FieldKind::Text(r) | FieldKind::Multilingual { rules: r, .. } => r,
            k => panic!("{path} is a {}", k.name()),
        };
        assert_eq!(rules.max_length, Some(*max), "{path}");
    }
}

#[test]
fn multilingual_fields_are_multilingual_and_names_single_language() {
    let t = template();
    for path in
        ["/title", "/intro", "/partners/department", "/workPackages/name", "/results/description"]
    {
        assert!(matches!(field(&t, path).kind, FieldKind::Multilingual { .. }), "{path}");
    }
    for path in
        ["/acronym", "/partners/nameInEnglish", "/partners/vat", "/partners/mainAddress/city"]
    {
        assert!(matches!(field(&t, path).kind, FieldKind::Text(_)), "{path}");
    }
}

#[test]
fn list_items_are_numbered_as_in_jems() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/hit/examples/one-step-valid.json");
    let data = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let t = template();
    let form = hitforms_engine::FormState::new(t, data).unwrap();
    let number = |p: &str| form.item_number(p);
    assert_eq!(number("/workPackages/1").as_deref(), Some("WP2"));
    assert_eq!(number("/workPackages/1/activities/0").as_deref(), Some("A2.1"));
    assert_eq!(number("/workPackages/0/activities/1/deliverables/0").as_deref(), Some("D1.2.1"));
    assert_eq!(number("/associatedOrganizations/0").as_deref(), Some("AO1"));
    // The lead partner is LP1, the others PP2, PP3 (Jems' numbering).
    assert_eq!(number("/partners/0").as_deref(), Some("LP1"));
    assert_eq!(number("/partners/2").as_deref(), Some("PP3"));
    // Not items: a list, a field of an item, an index past the end.
    assert_eq!(number("/workPackages"), None);
    assert_eq!(number("/workPackages/1/activities/0/title"), None);
    assert_eq!(number("/workPackages/7"), None);
}

#[test]
fn the_lead_partner_comes_first() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/hit/examples/one-step-valid.json");
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    data["partners"].as_array_mut().unwrap().swap(0, 1);
    let form = hitforms_engine::FormState::new(template(), data).unwrap();
    let found: Vec<_> = form
        .issues()
        .into_iter()
        .filter(|i| i.code.as_str() == "hit.partner.lead_first")
        .map(|i| i.path)
        .collect();
    assert_eq!(found, ["/partners/1/role"]);
    // Numbered by role and place: the lead shows LP2 until it is moved up.
    assert_eq!(form.item_number("/partners/1").as_deref(), Some("LP2"));
    assert_eq!(form.item_number("/partners/0").as_deref(), Some("PP1"));
}
