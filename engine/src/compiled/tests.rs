//! Compiled templates read back as the very model the loader made, and
//! forms built from them behave as forms built from the JSON; damaged or
//! edited files are refused without a panic.

use super::*;
use crate::config::Step;
use crate::{BUILTIN_TEMPLATES, FormState, Setup};
use std::sync::Arc;

const HIT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/hit/");
const CONFIGS: &[&str] = &["call-standard-one-step.json", "call-two-step.json", "call-spf.json"];

fn hit_application() -> Template {
    Template::load(crate::builtin_template("hit-application").unwrap()).unwrap()
}

fn config_for(template: &Template, file: &str) -> Config {
    let text = std::fs::read_to_string(format!("{HIT}{file}")).unwrap();
    Config::load(&text, &template.visibility, &template.parameters).unwrap()
}

#[test]
fn every_builtin_template_reads_back_as_loaded() {
    for (name, json) in BUILTIN_TEMPLATES {
        let loaded = Template::load(json).unwrap();
        let compiled = loaded.to_compiled();
        let read = Template::from_compiled(&compiled).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(format!("{read:#?}"), format!("{loaded:#?}"), "{name}");
    }
}

#[test]
fn every_hit_configuration_reads_back_as_loaded() {
    let template = hit_application();
    for file in CONFIGS {
        let loaded = config_for(&template, file);
        let read = Config::from_compiled(&loaded.to_compiled(&template), &template).unwrap();
        assert_eq!(read, loaded, "{file}");
    }
}

#[test]
fn a_form_from_compiled_files_behaves_as_one_from_json() {
    let template = hit_application();
    let config = config_for(&template, "call-two-step.json");
    let data = serde_json::json!({
        "acronym": "WAYFARER", "duration": 24,
        "partners": [{"role": "LEAD_PARTNER", "abbreviation": "CITY"}, {"abbreviation": "UNI"}],
    });
    let form = |t: Template, c: Config, step: Step| {
        let setup = Setup { code_lists: None, config: Some((Arc::new(c), step)) };
        FormState::new_with(t, data.clone(), setup).unwrap()
    };
    let read_t = Template::from_compiled(&template.to_compiled()).unwrap();
    let read_c = Config::from_compiled(&config.to_compiled(&template), &read_t).unwrap();
    for step in [Step::One, Step::Two] {
        let mut a = form(template.clone(), config.clone(), step);
        let mut b = form(read_t.clone(), read_c.clone(), step);
        assert_eq!(a.data_text(), b.data_text());
        assert_eq!(a.issues(), b.issues());
        assert!(!a.issues().is_empty(), "the sample data has findings to compare");
        let changed = |f: &mut FormState| f.set_input("/acronym", "WAY").unwrap();
        assert_eq!(changed(&mut a), changed(&mut b));
        assert_eq!(a.data_text(), b.data_text());
    }
}

#[test]
fn a_plain_template_or_other_kind_is_refused_with_its_code() {
    let json = crate::builtin_template("project-idea").unwrap();
    assert_eq!(Template::from_compiled(json).unwrap_err().code, Code::CompiledRequired);
    let template = Template::load(json).unwrap();
    let compiled = template.to_compiled();
    let as_config = Config::from_compiled(&compiled, &template).unwrap_err();
    assert_eq!(as_config.code, Code::CompiledDamaged);
    let newer = compiled.replace(r#""format":1"#, r#""format":2"#);
    let err = Template::from_compiled(&newer).unwrap_err();
    assert_eq!((err.code, err.params["format"].as_str()), (Code::CompiledFormat, Some("2")));
}

#[test]
fn a_configuration_is_read_only_for_its_template_and_version() {
    let template = hit_application();
    let compiled = config_for(&template, "call-spf.json").to_compiled(&template);
    let mut other = template.clone();
    other.version.push_str("-next");
    let err = Config::from_compiled(&compiled, &other).unwrap_err();
    assert_eq!(err.code, Code::CompiledTemplateMismatch);
}

/// The `data` bytes of a compiled document, and the document with other bytes.
fn data_of(doc: &str) -> Vec<u8> {
    let v = crate::json::parse(doc).unwrap();
    base64::decode(v["data"].as_str().unwrap()).unwrap()
}

fn with_data(doc: &str, bytes: &[u8]) -> String {
    let v = crate::json::parse(doc).unwrap();
    doc.replace(v["data"].as_str().unwrap(), &base64::encode(bytes))
}

#[test]
fn any_changed_or_cut_byte_is_refused() {
    let doc =
        Template::load(crate::builtin_template("project-idea").unwrap()).unwrap().to_compiled();
    let bytes = data_of(&doc);
    for at in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[at] ^= 0x5a;
        let err = Template::from_compiled(&with_data(&doc, &changed)).unwrap_err();
        assert_eq!(err.code, Code::CompiledDamaged, "byte {at}");
    }
    for cut in [0, 1, 5, 12, bytes.len() / 2, bytes.len() - 1] {
        let err = Template::from_compiled(&with_data(&doc, &bytes[..cut])).unwrap_err();
        assert_eq!(err.code, Code::CompiledDamaged, "cut at {cut}");
    }
    // A label changed in the string table.
    let edited = doc.replacen(r#""Project idea""#, r#""Project ideas""#, 1);
    assert_ne!(edited, doc);
    assert_eq!(Template::from_compiled(&edited).unwrap_err().code, Code::CompiledDamaged);
    let not_base64 = doc.replacen(r#""data":""#, r#""data":"!"#, 1);
    assert_eq!(Template::from_compiled(&not_base64).unwrap_err().code, Code::CompiledDamaged);
}

/// Edits that keep the checksum right (a forger's, or a bug's) still read
/// as an error or a template, never a panic or a hang.
#[test]
fn edited_bytes_with_a_matching_checksum_never_panic() {
    let doc = hit_application().to_compiled();
    let bytes = data_of(&doc);
    let body = bytes.len() - 8;
    let mut refused = 0;
    for (i, at) in (5..body).step_by(body / 150).enumerate() {
        let mut changed = bytes[..body].to_vec();
        changed[at] = changed[at].wrapping_add(1 + (i % 255) as u8);
        let strings = crate::json::parse(&doc).unwrap()["strings"].clone();
        let texts = strings.as_array().unwrap().iter().map(|s| s.as_str().unwrap());
        let sum = checksum(&changed, texts);
        changed.extend_from_slice(&sum);
        refused += usize::from(Template::from_compiled(&with_data(&doc, &changed)).is_err());
    }
    assert!(refused > 0);
}
