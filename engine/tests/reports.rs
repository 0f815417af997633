//! The report templates and the two small Interact templates (issue #4):
//! every conformance case of `tests/fixtures/reports/conformance/` (format in
//! its README) gives exactly its hand-computed values and its codes, and
//! every example of `tests/fixtures/reports/examples.json` validates as
//! stated, through the shared runner `hitforms-conformance`
//! (tests/conformance-runner; it runs the same files in wasm). The CLI runs
//! the same files (cli/tests/reports.rs).
//!
//! The expected numbers in the case files are worked out by hand from
//! hit-domain.md §3.1, §3.2, §4.1–§4.3; the arithmetic of each is in the
//! comment of the test that names the case, and in the README.

use hitforms_conformance::{Disk, Options, run_file, run_files};
use hitforms_engine::config::{Config, Step};
use hitforms_engine::number::{decimal_of, parse_decimal};
use hitforms_engine::{FormState, Template, builtin_template};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn template(name: &str) -> Template {
    let json = builtin_template(name).unwrap_or_else(|| panic!("no built-in template {name}"));
    Template::load(json).unwrap_or_else(|p| panic!("{name}: {p:#?}"))
}

fn config(t: &Template, path: &Value) -> Option<Config> {
    let path = path.as_str()?;
    let text = std::fs::read_to_string(repo().join(path)).unwrap();
    let c = Config::load(&text, &t.visibility, &t.parameters)
        .unwrap_or_else(|p| panic!("{path}: {p:#?}"));
    assert!(c.check_template(&t.id).is_none(), "{path} is not for {}", t.id);
    Some(c)
}

fn step(v: &Value) -> Step {
    if v.as_u64() == Some(1) { Step::One } else { Step::Two }
}

fn expected_codes(case: &Value) -> Vec<String> {
    case["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect()
}

/// Whether a computed value equals the expected one: numbers as exact
/// decimals (`87.3` equals `"87.30"`), other values as their text.
fn same(got: Option<&Value>, expected: &Value) -> bool {
    match (got, expected) {
        (Some(g), Value::String(e)) => match (decimal_of(g), parse_decimal(e)) {
            (Some(g), Some(e)) => g == e,
            _ => g.as_str() == Some(e.as_str()),
        },
        _ => false,
    }
}

/// Runs one conformance case with the shared runner (tests/conformance-runner):
/// the form (which fills computed values) gives the expected values and
/// codes, and validating the raw document or the computed one gives the
/// same codes (no rule depends on computed values being present in the
/// data). The same runner runs every case in wasm.
fn run_case(file: &str) {
    let path = format!("tests/fixtures/reports/conformance/{file}");
    let report = run_file(&path, &Disk::repo(), &Options::default());
    assert_eq!(report.cases, 1, "{path}");
    assert!(report.mismatches.is_empty(), "{}", report.describe());
}

/// The computed document of a case (its form's data).
fn computed_doc(file: &str) -> Value {
    let case = read_json(&repo().join("tests/fixtures/reports/conformance").join(file));
    let t = template(case["template"].as_str().unwrap());
    let c = config(&t, &case["config"]);
    let mut form = FormState::new(t, case["data"].clone()).unwrap();
    if let Some(c) = c {
        form = form.with_config(Arc::new(c), step(&case["step"]));
    }
    form.data()
}

/// Asserts that these computed values are empty (the shared case format
/// holds value strings only, so "no value" is checked here).
fn assert_empty(file: &str, pointers: &[&str]) {
    let doc = computed_doc(file);
    for pointer in pointers {
        let got = doc.pointer(pointer);
        assert!(got.is_none() || got == Some(&Value::Null), "{file} {pointer}: {got:?}");
    }
}

fn case_files() -> Vec<String> {
    let dir = repo().join("tests/fixtures/reports/conformance");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_conformance_case_gives_its_values_and_codes() {
    let files = case_files();
    assert!(files.len() >= 40, "only {} cases", files.len());
    let paths: Vec<String> =
        files.iter().map(|f| format!("tests/fixtures/reports/conformance/{f}")).collect();
    let report = run_files(paths.iter().map(String::as_str), &Disk::repo(), &Options::default());
    assert_eq!(report.cases, files.len());
    assert!(report.mismatches.is_empty(), "{}", report.describe());
}

#[test]
fn every_case_file_has_the_shared_shape() {
    for file in case_files() {
        let case = read_json(&repo().join("tests/fixtures/reports/conformance").join(&file));
        let keys: Vec<&str> = case.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(sorted, ["codes", "computed", "config", "data", "step", "template"], "{file}");
        let codes = expected_codes(&case);
        let mut again = codes.clone();
        again.sort();
        assert_eq!(codes, again, "{file}: codes are sorted");
        assert!(case["computed"].as_object().unwrap().values().all(Value::is_string), "{file}");
    }
}

/// §3.1, §4.1: declared amount ÷ rate, HALF_UP to 2 decimals.
/// 1000.00 SEK ÷ 11.4525: 11.4525 × 87 = 996.3675, remainder 3.6325;
/// 3.6325 ÷ 11.4525 = 0.31718 → 87.31718 → 87.32 (truncation would give 87.31).
/// 100.50 PLN ÷ 4 = 25.125 exactly → 25.13 (a half goes up; HALF_DOWN and
/// HALF_EVEN give 25.12); −100.50 ÷ 4 = −25.125 → −25.13 (away from zero).
/// 10.01 EUR stays 10.01. 123456.78 HUF ÷ 309.45: 309.45 × 398 = 123161.10,
/// remainder 295.68; 295.68 ÷ 309.45 = 0.95550 → 398.9555 → 398.96.
/// External costs: 87.32 + 25.13 − 25.13 + 10.01 + 398.96 = 496.29, the
/// total (no flat rates, no funds: all of it is partner contribution).
#[test]
fn currency_conversion_is_half_up_to_the_cent() {
    run_case("pr-conversion-half-up.json");
}

/// §0.1, §4.1: at most 150 expenditure items. 150 × 1.01 = 151.50 is fine;
/// 151 items give `list.too_many` (the total 151 × 1.01 = 152.51 is still
/// computed).
#[test]
fn a_partner_report_has_at_most_150_expenditure_items() {
    run_case("pr-expenditure-cap-150.json");
    run_case("pr-expenditure-cap-151.json");
}

/// §3.2 re-applied to the current report, office 15 % and travel 15 % on
/// staff. S = 1234.56 + 1000.01 = 2234.57; 2234.57 × 15 / 100 = 335.1855
/// → down 335.18 for travel and for office. A multi-category unit cost
/// 2.5 × 33.33 = 83.325 → 83.32 (declared as such, so no finding).
/// Total 2234.57 + 335.18 + 335.18 + 500.00 + 83.32 = 3488.25.
#[test]
fn office_and_travel_flat_rates_on_staff() {
    run_case("pr-flat-rates-office-travel-on-staff.json");
    // Staff is not a flat rate here: its line has no rate.
    assert_empty(
        "pr-flat-rates-office-travel-on-staff.json",
        &["/financialOverview/costCategory/staff/flatRate"],
    );
}

/// Staff 20 % on direct costs, office 7 % on direct costs.
/// Base T + E + Q = 333.33 + 1000.00 + 666.66 = 1999.99; × 20 / 100 =
/// 399.998 → down 399.99 (HALF_UP would give 400.00). Office: (399.99 +
/// 333.33 + 1000.00 + 666.66) = 2399.98 × 7 / 100 = 167.9986 → 167.99.
/// Total 399.99 + 333.33 + 1000.00 + 666.66 + 167.99 = 2567.97.
#[test]
fn staff_and_office_flat_rates_on_direct_costs() {
    run_case("pr-flat-rates-staff-office-on-direct.json");
}

/// Staff 20 % with travel 15 % on staff: travel is left out of the staff
/// base (T' = 0). S = (1000.00 + 234.56) × 20 / 100 = 246.912 → 246.91;
/// T = 246.91 × 15 / 100 = 37.0365 → 37.03. Total 246.91 + 37.03 + 1000.00
/// + 234.56 = 1518.50.
#[test]
fn travel_is_not_in_the_staff_base_when_it_is_a_flat_rate() {
    run_case("pr-flat-rates-staff-travel-on-staff.json");
}

/// Other costs 40 % on staff: 1234.57 × 40 / 100 = 493.828 → 493.82. A lump
/// sum (5000.00) is never part of a flat-rate base. Total 1234.57 + 493.82
/// + 5000.00 = 6728.39.
#[test]
fn other_costs_flat_rate_and_lump_sums() {
    run_case("pr-flat-rate-other-on-staff.json");
}

/// A category a flat rate covers cannot be declared: with 40 % other costs,
/// travel and equipment rows are refused (staff is fine); with staff 20 %
/// and office 7 % on direct, staff and office rows are refused.
#[test]
fn categories_covered_by_a_flat_rate_cannot_be_declared() {
    run_case("pr-flat-rate-covers-category.json");
    run_case("pr-flat-rate-covers-staff-and-office.json");
}

/// §4.3 with funds 62.55 % and 17.45 %, total eligible budget 10000.00 with
/// contributions public 1200.00, automatic public 500.00, private 300.00.
/// A = 1234.57. Fund 1: 1234.57 × 62.55 / 100 = 772.223535 → down 772.22;
/// fund 2: 1234.57 × 17.45 / 100 = 215.432465 → 215.43; partner contribution
/// 1234.57 − 772.22 − 215.43 = 246.92. Public 1234.57 × 1200 / 10000 =
/// 148.1484 → floor 148.14; automatic public × 500 / 10000 = 61.7285 →
/// 61.72; private × 300 / 10000 = 37.0371 → 37.03. Reported so far 5000.00
/// + 1234.57 = 6234.57 = 62.3457 % → HALF_UP 62.35; remaining 3765.43.
///
/// A correction of −1234.57: funds round toward zero (−772.22, −215.43),
/// contribution −246.92; the parts FLOOR, i.e. downwards: −148.1484 →
/// −148.15, −61.7285 → −61.73, −37.0371 → −37.04. So far 3765.43 =
/// 37.6543 % → 37.65; remaining 6234.57.
#[test]
fn amounts_are_split_over_funds_and_contribution_sources() {
    run_case("pr-fund-split.json");
    run_case("pr-fund-split-negative.json");
}

/// §4.1 spending profile and §3.1 report percentages. Cumulative budget
/// 200.00, previously 20.00, current 4.69: (20.00 + 4.69) × 100 / 200 =
/// 12.345 exactly → HALF_UP 12.35; difference 200.00 − 24.69 = 175.31.
/// Of the budget 800.00: 24.69 × 100 / 800 = 3.08625 → 3.09. With a budget
/// of 0, nothing reported is 100 %, anything reported has no percentage
/// (0.01 reported: none, remaining −0.01).
#[test]
fn report_percentages() {
    run_case("pr-spending-profile-half-up.json");
    run_case("pr-percentage-zero-budget.json");
    run_case("pr-percentage-zero-budget-reported.json");
    assert_empty(
        "pr-percentage-zero-budget-reported.json",
        &["/financialOverview/costCategory/total/totalReportedSoFarPercentage"],
    );
}

/// Statuses: only Jems' nine are known; every status but Draft (re-opened
/// ones too) has been submitted, so the submission checks apply (dates, at
/// least one expenditure, the month's rate of every currency but EUR). A
/// draft may lack a rate: that item then has no EUR amount (850.00 total).
#[test]
fn partner_report_statuses() {
    run_case("pr-status-unknown.json");
    run_case("pr-submitted-needs-dates-and-expenditure.json");
    run_case("pr-reopened-is-submitted.json");
    run_case("pr-submitted-rate-missing.json");
    run_case("pr-draft-rate-missing.json");
    assert_empty("pr-draft-rate-missing.json", &["/expenditures/0/declaredAmountAfterSubmission"]);
}

/// Expenditure rules of §4.1: unit cost 2.5 × 33.33 = 83.325 → down 83.32,
/// so 83.32 is right and 83.33 is not; a lump sum is 1 unit in "Multiple";
/// not both; staff has no invoice; no investment for staff or travel; a EUR
/// partner declares EUR, at rate 1.
#[test]
fn expenditure_rules() {
    run_case("pr-expenditure-rules.json");
}

/// Financial overview breakdowns (c)–(e) of §4.1: each line's current
/// report is the EUR amount of the items that name it. Lump sum LS1: 5000.00
/// of 10000.00 = 50.00 %. Unit cost UC1: 3 × 333.33 = 999.99 EUR and
/// 2201.00 SEK ÷ 11.2345 = 195.9144… → half-up 195.91, current 1195.90, so
/// far 1000.01 + 1195.90 = 2195.91 = 73.197 % → 73.20, remaining 804.09.
/// Investment I1.1: 1234.56 of 2000.00 = 61.728 % → 61.73; I2.1 with no
/// budget and nothing reported: 100 %. An item naming a lump sum or an
/// investment the breakdowns do not list is reported; the cost-category
/// line still counts it (5000.00 + 100.00).
#[test]
fn lump_sum_unit_cost_and_investment_breakdowns() {
    run_case("pr-breakdowns.json");
}

/// Breakdown rows: UC1 listed twice (both rows reported, each counting the
/// 333.33 of the one UC1 item), an item naming UC7, which is not listed;
/// the external line counts both items: 20.00 + 333.33 = 353.33.
#[test]
fn breakdown_rows_name_listed_items_once() {
    run_case("pr-breakdown-rows.json");
}

/// Contributions (§4.1): so far = previously + current: 150.00 + 100.25 =
/// 250.25; a source added in this report has no AF amount: 0 + 50.10. The
/// overview: current 100.25 + 50.10 = 150.35, so far 250.25 + 50.10 =
/// 300.35, AF 2000.00, private 50.10. A call without direct contributions
/// refuses the added source.
#[test]
fn contributions_and_new_sources() {
    run_case("pr-new-contribution-source.json");
    run_case("pr-new-contribution-source-not-allowed.json");
}

/// Project report financial overview: certificates per partner and §4.3
/// per partner. LP1 (85 %): 5000.00 + 369.38 = 5369.38; × 85 / 100 =
/// 4563.973 → 4563.97, contribution 805.41; 5369.38 × 100 / 20000 =
/// 26.8469 → 26.85 %; remaining 14630.62; plan 10000.00 − 5369.38 =
/// 4630.62. PP2 (80 % + 5 %): 2000.01 × 80 / 100 = 1600.008 → 1600.00,
/// × 5 / 100 = 100.0005 → 100.00, contribution 300.01; so far 1000.00 +
/// 2000.01 = 3000.01 = 33.3334 % → 33.33; remaining 5999.99; plan 4500.00
/// − 3000.01 = 1499.99. Project: budget 29000.00, current 7369.39, so far
/// 8369.39 = 28.85996 % → 28.86, remaining 20630.61, funds 6163.97 and
/// 100.00, contributions 1105.42 (6163.97 + 100.00 + 1105.42 = 7369.39).
#[test]
fn project_report_financial_overview() {
    run_case("prj-financial-overview.json");
    run_case("prj-certificate-unknown-partner.json");
}

/// Project report breakdown per cost category (§4.2): each line adds the
/// certificates' amounts of that category. Staff 3000.00 + 1000.01 + 300.00
/// = 4300.01, so far 4800.01 of 12000.00 = 40.000083 % → 40.00, remaining
/// 7199.99; office 450.00 + 45.00 = 495.00 of 1800.00 = 27.50 %; lump sums
/// 1000.00 of 1000.00; infrastructure nothing of nothing: 100 %. Total
/// budget 14800.00, current 7345.01, so far 7845.01 = 53.0068 % → 53.01.
/// The third certificate's categories (345.00) miss its total (369.38) by
/// 24.38, which is why the project's current report (7369.39) is 24.38
/// more: `certificate.categories_sum`.
#[test]
fn project_report_cost_categories() {
    run_case("prj-cost-categories.json");
}

/// Project report partners: the lead partner is number 1 and no other
/// partner is (a partner numbered 1, a lead numbered 3), numbers unique.
#[test]
fn project_report_partner_numbers() {
    run_case("prj-partner-numbers.json");
}

/// Project report header: a deadline link excludes type, period and date;
/// without a link all three are needed; start ≤ end; statuses as for the
/// partner report.
#[test]
fn project_report_header_and_statuses() {
    run_case("prj-header-deadline-and-manual.json");
    run_case("prj-header-manual-incomplete.json");
    run_case("prj-header-manual.json");
    run_case("prj-dates-order.json");
    run_case("prj-submitted-needs-dates.json");
    run_case("prj-status-unknown.json");
}

/// §3.3: the report period is one of the project's periods (the number of
/// periods comes from the configuration; 4 here: period 4 is fine, 5 not).
#[test]
fn the_report_period_exists() {
    run_case("pr-period-known.json");
    run_case("pr-period-unknown.json");
    run_case("prj-period-unknown.json");
}

/// Project closure (§4.2): only in the final report; a submitted final
/// report tells the story; every prize has a text; story ≤ 5000.
#[test]
fn project_closure() {
    for file in [
        "prj-closure-valid.json",
        "prj-closure-story-missing.json",
        "prj-closure-draft-without-story.json",
        "prj-closure-not-final.json",
        "prj-closure-unanswered-final.json",
        "prj-closure-blank-prize.json",
        "prj-closure-story-too-long.json",
    ] {
        run_case(file);
    }
}

/// The knowledge fair: capacity from the event's configuration (S2B full,
/// at most 2 sessions), one session per time slot, consent.
#[test]
fn knowledge_fair_sessions_and_consent() {
    for file in [
        "kf-session-full.json",
        "kf-max-sessions-config.json",
        "kf-one-per-slot.json",
        "kf-same-slot.json",
        "kf-no-session-no-consent.json",
    ] {
        run_case(file);
    }
}

/// The academy: the required experience comes from the configuration.
#[test]
fn academy_experience_and_support() {
    run_case("academy-experience-default.json");
    run_case("academy-experience-config.json");
    run_case("academy-no-support.json");
}

#[test]
fn every_example_validates_as_stated() {
    // Validated as given and through the form, which fills the computed
    // values first: the same codes.
    let report =
        run_file("tests/fixtures/reports/examples.json", &Disk::repo(), &Options::default());
    assert_eq!(report.cases, 8);
    assert!(report.mismatches.is_empty(), "{}", report.describe());
}

#[test]
fn the_example_partner_report_converts_and_splits_as_worked_out() {
    // cobium-partner-report.json under its configuration (office and travel
    // 15 % on staff, ERDF 85 %), by hand: staff 42000.00 SEK ÷ 9.6123 =
    // 4369.4017… → 4369.40; external 18500.00 ÷ 9.6123 = 1924.6174… →
    // 1924.62 plus 850.00 EUR = 2774.62; equipment 31990.00 ÷ 9.6123 =
    // 3328.0276… → 3328.03. Travel and office: 4369.40 × 15 / 100 = 655.41.
    // Total 4369.40 + 655.41 + 655.41 + 2774.62 + 3328.03 = 11782.87; ERDF
    // 11782.87 × 85 / 100 = 10015.4395 → 10015.43; contribution 1767.44.
    // Staff: 4369.40 of 9000.00 = 48.5488… % → 48.55; total budget 20000.00,
    // 11782.87 × 100 / 20000 = 58.91435 → 58.91; remaining 8217.13.
    let dir = repo().join("tests/fixtures/reports");
    let t = template("hit-partner-report");
    let c = config(&t, &Value::from("tests/fixtures/reports/cobium-partner.config.json")).unwrap();
    let form = FormState::new(t, read_json(&dir.join("cobium-partner-report.json")))
        .unwrap()
        .with_config(Arc::new(c), Step::Two);
    let doc = form.data();
    for (pointer, expected) in [
        ("/expenditures/0/declaredAmountAfterSubmission", "4369.40"),
        ("/expenditures/1/declaredAmountAfterSubmission", "1924.62"),
        ("/expenditures/2/declaredAmountAfterSubmission", "3328.03"),
        ("/financialOverview/costCategory/travel/currentReport", "655.41"),
        ("/financialOverview/costCategory/office/currentReport", "655.41"),
        ("/financialOverview/costCategory/total/currentReport", "11782.87"),
        ("/financialOverview/costCategory/staff/totalReportedSoFarPercentage", "48.55"),
        ("/financialOverview/costCategory/total/totalEligibleBudget", "20000.00"),
        ("/financialOverview/costCategory/total/totalReportedSoFarPercentage", "58.91"),
        ("/financialOverview/costCategory/total/remainingBudget", "8217.13"),
        ("/spendingProfile/differenceFromPlanPercentage", "58.91"),
        ("/financialOverview/coFinancing/fund1/currentReport", "10015.43"),
        ("/financialOverview/coFinancing/partnerContribution/currentReport", "1767.44"),
    ] {
        assert!(
            same(doc.pointer(pointer), &Value::from(expected)),
            "{pointer}: {:?}",
            doc.pointer(pointer)
        );
    }
}

/// Every label, title, help, option and message of the two Interact
/// templates is in English, German and French.
#[test]
fn the_interact_templates_speak_english_german_and_french() {
    fn texts<'v>(v: &'v Value, at: String, out: &mut Vec<(String, &'v Value)>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    let here = format!("{at}/{k}");
                    if ["label", "title", "help", "message", "text"].contains(&k.as_str())
                        && x.is_object()
                    {
                        out.push((here.clone(), x));
                    }
                    texts(x, here, out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    texts(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    for name in ["academy-application", "knowledge-fair-registration"] {
        let t: Value = serde_json::from_str(builtin_template(name).unwrap()).unwrap();
        let mut found = Vec::new();
        texts(&t, String::new(), &mut found);
        assert!(found.len() > 40, "{name}: {} texts", found.len());
        for (at, text) in found {
            for lang in ["en", "de", "fr"] {
                let s = text[lang].as_str().unwrap_or_default();
                assert!(!s.trim().is_empty(), "{name}{at}: no {lang}");
            }
        }
    }
}

#[test]
fn the_knowledge_fair_form_shows_its_labels_in_the_ui_language() {
    let data = read_json(&repo().join("tests/fixtures/reports/knowledge-fair-registration.json"));
    let form = FormState::new(template("knowledge-fair-registration"), data).unwrap();
    let label = |pointer: &str, lang: &str| form.view(pointer, lang).unwrap().label;
    assert_eq!(label("/firstName", "de"), "Vorname");
    assert_eq!(label("/firstName", "fr"), "Prénom");
    assert_eq!(label("/sessions/0/session", "fr"), "Session");
    assert_eq!(label("/consentDataProcessing", "de").split(' ').next(), Some("Ich"));
    assert_eq!(label("/accessibilityDetails", "en"), "What do you need?");
}
