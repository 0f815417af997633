//! Validation of data documents against the built-in `project-idea` template.

use hitforms_engine::{Code, FormState, Severity, Template, builtin_template, validate};
use serde_json::{Value, json};

fn template() -> Template {
    Template::load(builtin_template("project-idea").unwrap()).unwrap()
}

fn found(data: Value) -> Vec<(String, Code)> {
    validate(&template(), &data).into_iter().map(|i| (i.path, i.code)).collect()
}

fn sorted(mut issues: Vec<hitforms_engine::Issue>) -> Vec<String> {
    let mut keys: Vec<String> =
        issues.drain(..).map(|i| serde_json::to_string(&i).unwrap()).collect();
    keys.sort();
    keys
}

fn valid_doc() -> Value {
    json!({
        "acronym": "GREEN-LINK",
        "duration": 24,
        "summary": [{"language": "EN", "translation": "Cross-border cycling."},
                    {"language": "DE", "translation": "Grenzüberschreitendes Radfahren."}]
    })
}

#[test]
fn a_complete_document_is_valid() {
    assert_eq!(found(valid_doc()), []);
}

#[test]
fn an_empty_document_lacks_every_required_value() {
    let issues = validate(&template(), &json!({}));
    let got: Vec<_> = issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.clone(), i.params.get("language")))
        .collect();
    assert_eq!(
        got,
        [
            ("/acronym", Code::Required, None),
            ("/duration", Code::Required, None),
            ("/summary", Code::Required, Some(&json!("EN"))),
            ("/summary", Code::Required, Some(&json!("DE"))),
        ]
    );
}

#[test]
fn text_limits_count_utf16_code_units() {
    let mut doc = valid_doc();
    doc["acronym"] = json!("😀".repeat(12)); // 24 code units: fits 25
    assert_eq!(found(doc.clone()), []);
    doc["acronym"] = json!("😀".repeat(13)); // 26 code units
    let issues = validate(&template(), &doc);
    assert_eq!(issues[0].code, Code::TextTooLong);
    assert_eq!(issues[0].params["length"], 26);
    assert_eq!(issues[0].params["max"], 25);
}

#[test]
fn blank_text_is_missing() {
    let mut doc = valid_doc();
    doc["acronym"] = json!("   ");
    doc["summary"][1]["translation"] = json!("\n");
    let got = found(doc);
    assert_eq!(got, [("/acronym".into(), Code::Required), ("/summary".into(), Code::Required)]);
}

#[test]
fn number_rules() {
    let cases = [
        (json!(0), Some(Code::NumberBelowMin)),
        (json!(37), Some(Code::NumberAboveMax)),
        (json!("12"), None),
        (serde_json::from_str::<Value>("12.0").unwrap(), None),
        (serde_json::from_str::<Value>("12.5").unwrap(), Some(Code::NumberNotInteger)),
        (json!("twelve"), Some(Code::NumberInvalid)),
        (json!(true), Some(Code::WrongType)),
        (json!([12]), Some(Code::WrongType)),
        (serde_json::from_str::<Value>("1e400").unwrap(), Some(Code::NumberInvalid)),
    ];
    for (value, want) in cases {
        let mut doc = valid_doc();
        doc["duration"] = value.clone();
        let got: Vec<Code> = found(doc).into_iter().map(|(_, c)| c).collect();
        assert_eq!(got.first().cloned(), want, "duration = {value}");
    }
}

#[test]
fn multilingual_checks_each_language_separately() {
    let mut doc = valid_doc();
    doc["summary"] = json!([
        {"language": "EN", "translation": "x".repeat(2001)},
        {"language": "DE", "translation": "ok"},
        {"language": "FR", "translation": "non"},
        {"language": "DE", "translation": "noch mal"},
        {"lang": "EN"}
    ]);
    let issues = validate(&template(), &doc);
    let got: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.code.clone())).collect();
    assert_eq!(
        got,
        [
            ("/summary/0/translation", Code::TextTooLong),
            ("/summary/2/language", Code::LanguageUnknown),
            ("/summary/3/language", Code::LanguageDuplicate),
            ("/summary/4", Code::WrongType),
        ]
    );
    assert_eq!(issues[0].params["language"], "EN");
}

#[test]
fn well_formed_multilingual_findings_come_in_entry_order() {
    // No malformed entry: the findings come straight from the entries, in
    // their order, and "required" names each input language left empty.
    let mut doc = valid_doc();
    doc["summary"] = json!([
        {"language": "FR", "translation": "non"},
        {"language": "EN", "translation": "x".repeat(2001)},
        {"language": "EN", "translation": "again"},
        {"language": "DE", "translation": "   "}
    ]);
    let got = found(doc);
    let got: Vec<_> = got.iter().map(|(p, c)| (p.as_str(), c.clone())).collect();
    assert_eq!(
        got,
        [
            ("/summary/0/language", Code::LanguageUnknown),
            ("/summary/1/translation", Code::TextTooLong),
            ("/summary/2/language", Code::LanguageDuplicate),
            ("/summary", Code::Required),
        ]
    );
}

#[test]
fn blank_translations_are_never_too_long() {
    // White space beyond the limit is blank, not too long: the summary is
    // missing in DE only.
    let mut doc = valid_doc();
    doc["summary"][1]["translation"] = json!(" ".repeat(2100));
    let issues = validate(&template(), &doc);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!((issues[0].path.as_str(), &issues[0].code), ("/summary", &Code::Required));
    assert_eq!(issues[0].params["language"], "DE");
}

#[test]
fn trailing_zeros_are_no_decimals() {
    for (text, want) in [("24.000", None), ("24.0001", Some(Code::NumberNotInteger))] {
        let mut doc = valid_doc();
        doc["duration"] = serde_json::from_str(text).unwrap();
        assert_eq!(found(doc).first().map(|(_, c)| c.clone()), want, "duration = {text}");
    }
}

#[test]
fn wrong_data_types_name_their_path() {
    let doc = json!({"acronym": 5, "duration": {}, "summary": "plain", "extra": 1});
    let issues = validate(&template(), &doc);
    let got: Vec<_> =
        issues.iter().map(|i| (i.path.as_str(), i.code.clone(), i.severity)).collect();
    assert_eq!(
        got,
        [
            ("/acronym", Code::WrongType, Severity::Error),
            ("/duration", Code::WrongType, Severity::Error),
            ("/summary", Code::WrongType, Severity::Error),
            ("/extra", Code::DataUnknownField, Severity::Warning),
        ]
    );
    assert_eq!(found(json!([1, 2])), [("".into(), Code::DataNotObject)]);
}

#[test]
fn form_state_agrees_with_validate_after_edits() {
    let mut form = FormState::new(template(), json!({})).unwrap();
    let edits: [(&str, Option<&str>, &str); 6] = [
        ("acronym", None, "A very long acronym indeed, too long"),
        ("duration", None, "4x"),
        ("summary", Some("DE"), "Hallo"),
        ("summary", Some("EN"), "Hello"),
        ("duration", None, "12"),
        ("summary", Some("DE"), ""),
    ];
    for (id, lang, typed) in edits {
        let pointer = format!("/{id}");
        let changed = match lang {
            Some(l) => form.set_translation(&pointer, l, typed),
            None => form.set_input(&pointer, typed),
        }
        .unwrap();
        assert_eq!(changed, std::slice::from_ref(&pointer));
        assert_eq!(
            form.issues(),
            validate(form.template(), &form.data()),
            "after {id} = {typed:?}"
        );
        let incremental = sorted(form.field_issues().cloned().collect());
        assert_eq!(incremental, sorted(form.issues()), "incremental = full after {id}");
    }
    assert_eq!(form.data()["duration"], json!(12));
    assert_eq!(form.data()["summary"], json!([{"language": "EN", "translation": "Hello"}]));
}

#[test]
fn views_carry_counters_and_part_issues() {
    let mut form = FormState::new(template(), json!({})).unwrap();
    form.set_translation("/summary", "DE", "Grüße 😀").unwrap();
    let view = form.view("/summary", "de").unwrap();
    assert_eq!(view.label, "Projektzusammenfassung");
    let langs: Vec<_> = view.parts.iter().map(|p| p.language.as_deref()).collect();
    assert_eq!(langs, [Some("EN"), Some("DE")]);
    assert_eq!(view.parts[1].length, 8);
    assert_eq!(view.parts[1].max_length, Some(2000));
    assert_eq!(view.parts[0].issues[0].code, Code::Required);
    assert!(view.parts[1].issues.is_empty());
    assert!(view.issues.is_empty());
    assert!(form.view("/nope", "en").is_none());
    assert!(form.set_input("/nope", "x").is_err());
}
