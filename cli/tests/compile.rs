//! `hitforms compile`: a checked template or configuration in the compiled
//! format, read back by the engine as the loader made it; nothing is
//! written for a template or configuration with problems.

use hitforms_engine::Template;
use hitforms_engine::config::Config;
use std::process::{Command, Output};

fn hitforms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hitforms")).args(args).output().expect("the binary runs")
}

const HIT: &str = "../engine/templates/hit/";

#[test]
fn a_builtin_template_compiles_to_what_the_engine_reads_back() {
    let out = hitforms(&["compile", "hit-application"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let read = Template::from_compiled(&text).unwrap();
    let loaded = Template::load(hitforms_engine::builtin_template("hit-application").unwrap());
    assert_eq!(format!("{read:?}"), format!("{:?}", loaded.unwrap()));
}

#[test]
fn a_configuration_compiles_against_its_template_into_a_file() {
    let dir = std::env::temp_dir().join(format!("hitforms-compile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("call.json");
    let config = format!("{HIT}call-two-step.json");
    let template = format!("{HIT}hit-application.json");
    let args = ["compile", "--config", &config, "--out", file.to_str().unwrap(), &template];
    let out = hitforms(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let t = Template::load(&std::fs::read_to_string(&template).unwrap()).unwrap();
    let read = Config::from_compiled(&std::fs::read_to_string(&file).unwrap(), &t).unwrap();
    let loaded =
        Config::load(&std::fs::read_to_string(&config).unwrap(), &t.visibility, &t.parameters);
    assert_eq!(read, loaded.unwrap());
}

#[test]
fn problems_are_reported_and_nothing_is_written() {
    let dir = std::env::temp_dir().join(format!("hitforms-compile-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("out.json");
    let template = r#"{"id": "t", "version": "1", "title": {"en": "T"},
        "sections": [{"id": "s", "title": {"en": "S"}, "fields": [
            {"id": "a", "kind": "computed", "type": "number", "expression": "b + 1"}]}]}"#;
    let path = dir.join("t.json");
    std::fs::write(&path, template).unwrap();
    let out = hitforms(&["compile", "-o", file.to_str().unwrap(), path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("/sections/0/fields/0/expression"));
    assert!(!file.exists());
    // A configuration for another template: exit 1, a message, no file.
    let other = dir.join("other.json");
    std::fs::write(&other, r#"{"template": "project-idea", "inputLanguages": ["EN"]}"#).unwrap();
    let (other, file_arg) = (other.to_str().unwrap(), file.to_str().unwrap());
    let out = hitforms(&["compile", "--config", other, "-o", file_arg, "hit-application"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("project-idea"));
    assert!(!file.exists());
}
