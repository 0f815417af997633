//! Call configurations against the HIT catalog of 141 visibility ids: the
//! committed examples load without problems, broken ones report every
//! problem with its pointer, and the catalog matches the reference TSV.

use hitforms_engine::Code;
use hitforms_engine::config::{CallType, Config, ParamDecls, Status, Step, VisibilityCatalog};
use hitforms_engine::value::Value;
use rust_decimal::Decimal;

const CATALOG: &str = include_str!("../templates/hit/af-field-settings.json");
const EXAMPLES: &[(&str, &str)] = &[
    ("call-standard-one-step", include_str!("../templates/hit/call-standard-one-step.json")),
    ("call-two-step", include_str!("../templates/hit/call-two-step.json")),
    ("call-spf", include_str!("../templates/hit/call-spf.json")),
];
const BUDGET: &str = "project.partner.budget.and.co.financing";

fn catalog() -> VisibilityCatalog {
    VisibilityCatalog::from_json(CATALOG).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn example(name: &str) -> Config {
    let json = EXAMPLES.iter().find(|(n, _)| *n == name).unwrap().1;
    Config::load(json, &catalog(), &ParamDecls::default()).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn problems(json: &str) -> Vec<(String, Code)> {
    let (_, problems) = Config::load_lenient(json, &catalog(), &ParamDecls::default());
    problems.into_iter().map(|i| (i.path, i.code)).collect()
}

#[test]
fn the_catalog_declares_141_ids_and_the_examples_load_strictly() {
    assert_eq!(catalog().len(), 141);
    for (name, _) in EXAMPLES {
        let config = example(name);
        assert_eq!(config.template(), "hit-application", "{name}");
        assert_eq!(config.check_template("hit-application"), None);
    }
}

#[test]
fn a_one_step_call_shows_everything_not_hidden_in_either_step() {
    let c = example("call-standard-one-step");
    assert!(!c.is_two_step());
    assert_eq!(c.visibility("project.title"), Status::StepTwoOnly);
    assert!(c.field_visible("project.title", Step::One));
    assert!(!c.field_visible("project.partner.nace.group.level", Step::Two));
    assert!(c.field_visible("project.partner.budget.staff.cost.comment", Step::One));
    assert_eq!(c.parameter("periodLength"), Some(&Value::Number(Decimal::from(6))));
    assert_eq!(c.parameter("flatRateOfficeOnStaff"), Some(&Value::Number(Decimal::from(15))));
    assert_eq!(c.parameter("flatRateStaff"), Some(&Value::Null));
    assert_eq!(c.parameter("realCostTravelAllowed"), Some(&Value::Bool(false)));
}

#[test]
fn step_one_of_a_two_step_call_shows_only_what_the_call_allows() {
    let c = example("call-two-step");
    for id in ["project.title", "project.summary", "project.acronym", "project.overall.objective"] {
        assert!(c.field_visible(id, Step::One), "{id}");
    }
    for id in ["project.target.group", "project.partner.type", "project.coordination", BUDGET] {
        assert!(!c.field_visible(id, Step::One), "{id}");
        assert!(c.field_visible(id, Step::Two), "{id}");
    }
    // Budget-dependent fields chose both steps but follow the budget's STEP_TWO_ONLY.
    let periods = "project.partner.budget.periods";
    assert_eq!(c.visibility(periods), Status::StepTwoOnly);
    assert!(!c.field_visible(periods, Step::One));
    // A dependent field left at NONE stays hidden.
    assert!(!c.field_visible("project.partner.budget.equipment.comments", Step::Two));
}

#[test]
fn an_spf_call_uses_the_spf_sets_and_defaults() {
    let c = example("call-spf");
    assert_eq!(c.call_type(), CallType::Spf);
    assert_eq!(c.visibility("project.partner.role"), Status::None);
    assert_eq!(c.visibility("project.partner.budget.spf.description"), Status::StepOneAndTwo);
    assert_eq!(c.visibility("project.spf.recipient.group"), Status::StepOneAndTwo);
    assert_eq!(c.visibility("project.partnership"), Status::None);
    assert_eq!(c.call().flat_rates.other_on_staff.map(|r| r.rate), Some(40));
    // The same statuses are refused in a STANDARD call.
    let standard = include_str!("../templates/hit/call-spf.json").replace("SPF", "STANDARD");
    let got = problems(&standard);
    assert!(got.contains(&(
        "/visibility/project.spf.recipient.group".into(),
        Code::ConfigVisibilityNotAllowed
    )));
    assert!(
        got.contains(&("/visibility/project.partnership".into(), Code::ConfigVisibilityNotAllowed))
    );
}

#[test]
fn a_broken_configuration_reports_every_problem_with_its_pointer() {
    let json = r#"{
      "template": "hit-application", "callType": "STANDARD",
      "inputLanguages": ["EN", "DE", "FR", "IT", "PL"],
      "visibility": {
        "project.acronym": "NONE",
        "project.section.a.3": "STEP_ONE_AND_TWO",
        "project.acronm": "NONE"
      },
      "flatRates": {
        "staff": {"rate": 120, "adjustable": true},
        "officeOnStaff": {"rate": 15, "adjustable": false},
        "officeOnDirect": {"rate": 25, "adjustable": false}
      },
      "funds": [
        {"id": "ERDF", "type": "ERDF", "rate": 80.125, "adjustable": true},
        {"id": "ERDF", "type": "EFRE", "rate": 0, "adjustable": "yes"}
      ],
      "periodLength": 100
    }"#;
    let mut got = problems(json);
    got.sort();
    let mut want: Vec<(String, Code)> = [
        ("/inputLanguages", Code::ConfigOutOfRange),
        ("/visibility/project.acronym", Code::ConfigVisibilityNotAllowed),
        ("/visibility/project.section.a.3", Code::ConfigVisibilityNotAllowed),
        ("/visibility/project.acronm", Code::ConfigUnknownVisibilityId),
        ("/flatRates/staff/rate", Code::ConfigOutOfRange),
        ("/flatRates/officeOnDirect", Code::ConfigFlatRateCombination),
        ("/funds/0/rate", Code::ConfigOutOfRange),
        ("/funds/1/id", Code::ConfigDuplicate),
        ("/funds/1/type", Code::ConfigInvalidValue),
        ("/funds/1/rate", Code::ConfigOutOfRange),
        ("/funds/1/adjustable", Code::ConfigWrongType),
        ("/periodLength", Code::ConfigOutOfRange),
    ]
    .into_iter()
    .map(|(p, c)| (p.to_owned(), c))
    .collect();
    want.sort();
    assert_eq!(got, want);
    assert!(Config::load(json, &catalog(), &ParamDecls::default()).is_err());
}

#[test]
fn messages_name_what_is_wrong() {
    let json = r#"{"template": "t", "inputLanguages": ["EN"],
                   "visibility": {"project.acronym": "NONE"},
                   "flatRates": {"otherOnStaff": {"rate": 40, "adjustable": false},
                                 "travelOnStaff": {"rate": 15, "adjustable": false}}}"#;
    let (_, p) = Config::load_lenient(json, &catalog(), &ParamDecls::default());
    let messages: Vec<String> = p.iter().map(|i| i.message()).collect();
    assert_eq!(
        messages,
        [
            "NONE is not allowed for \"project.acronym\" in STANDARD calls (allowed: STEP_ONE_AND_TWO).",
            "The otherOnStaff flat rate cannot be combined with the travelOnStaff flat rate.",
        ]
    );
}

/// The committed catalog equals the reference TSV (columns: enum name, full
/// id, allowed STANDARD, allowed SPF override or `-`, default STANDARD,
/// default SPF), except where hit-domain.md (§2.3, Appendix A) says a field
/// is not created for SPF calls (infrastructure budget, investments but "why
/// is it needed"): the TSV gives those no SPF set (and infrastructure price
/// per unit an SPF default of 2); the catalog allows and defaults to NONE.
#[test]
fn the_catalog_matches_the_reference_tsv_when_present() {
    let dir = std::env::var_os("HITFORMS_DATA")
        .map(|d| std::path::PathBuf::from(d).join("../reference"))
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/reference").into());
    let Ok(tsv) = std::fs::read_to_string(dir.join("af_field_settings.tsv")) else {
        eprintln!("skipped: no af_field_settings.tsv in {}", dir.display());
        return;
    };
    let catalog = catalog();
    let statuses = |s: &str| -> Vec<Status> {
        s.split('/')
            .map(|c| match c {
                "N" => Status::None,
                "1+2" => Status::StepOneAndTwo,
                "2" => Status::StepTwoOnly,
                other => panic!("unknown status {other}"),
            })
            .collect()
    };
    let mut rows = 0;
    for line in tsv.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let id = cols[1].strip_prefix("application.config.").unwrap();
        let s = catalog.get(id).unwrap_or_else(|| panic!("{id} missing"));
        let not_created_in_spf = id.starts_with("project.partner.budget.infrastructure.and.works.")
            || (id.starts_with("project.investment.")
                && id != "project.investment.why.is.investment.needed");
        let spf_allowed = match cols[3] {
            "-" if not_created_in_spf => Some(vec![Status::None]),
            "-" => None,
            set => Some(statuses(set)),
        };
        assert_eq!(s.allowed, statuses(cols[2]), "{id}");
        assert_eq!(s.allowed_spf, spf_allowed, "{id}");
        assert_eq!(vec![s.default_for(CallType::Standard)], statuses(cols[4]), "{id}");
        let spf_default = if not_created_in_spf { vec![Status::None] } else { statuses(cols[5]) };
        assert_eq!(vec![s.default_for(CallType::Spf)], spf_default, "{id}");
        let dependent = [
            "project.partner.co.financing.add.new.contribution.origin",
            "project.partner.budget.periods",
            "project.lump.sums.description",
        ]
        .contains(&id)
            || ["staff.cost", "travel.and.accommodation", "external.expertise", "equipment"]
                .iter()
                .chain(&["infrastructure.and.works", "unit.costs", "spf"])
                .any(|c| id.starts_with(&format!("project.partner.budget.{c}.")));
        assert_eq!(s.inherits_from.as_deref(), dependent.then_some(BUDGET), "{id}");
        rows += 1;
    }
    assert_eq!(rows, 141);
}

/// The first JSON block after `heading` in docs/configuration.md.
fn doc_json(heading: &str) -> &'static str {
    let doc = include_str!("../../docs/configuration.md");
    let after = doc.split(heading).nth(1).unwrap();
    after.split("```json\n").nth(1).unwrap().split("```").next().unwrap()
}

/// The full example of docs/configuration.md loads against the HIT catalog
/// and the parameter declarations of its *Parameters* section.
#[test]
fn the_documented_example_loads() {
    let decls: serde_json::Value =
        serde_json::from_str(&format!("{{{}}}", doc_json("## Parameters"))).unwrap();
    let mut p = Vec::new();
    let decls = ParamDecls::read(&decls["parameters"], "/parameters", &mut p);
    assert_eq!(p, []);
    let json = doc_json("## A full example");
    let config = Config::load(json, &catalog(), &decls).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(config.parameter("programmeName"), Some(&Value::Text("Interreg".into())));
    assert_eq!(config.visibility("project.partner.budget.periods"), Status::StepTwoOnly);
    let configurable: &[(&str, &[&str])] =
        &[("/summary", &["maxLength"]), ("/project/duration", &["min", "max"])];
    assert_eq!(config.limits().check(configurable), []);
}
