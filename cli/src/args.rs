//! Command-line arguments: exactly what the user typed, checked for shape only.

use lexopt::prelude::*;
use std::ffi::OsString;

/// A parsed command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `--help` or no arguments.
    Help,
    /// `templates`: list the built-in templates.
    Templates,
    /// `check [--json] TEMPLATE`.
    Check { template: String, json: bool },
    /// `validate --template T [--config C] [--step 1|2] [--json] [--data DIR]
    /// [--code-lists FILE]... DATA`.
    Validate {
        template: String,
        data: String,
        json: bool,
        data_dir: Option<String>,
        code_list_files: Vec<String>,
        config: Option<String>,
        step: u8,
    },
    /// `compute --template T [--config C] DATA`: the document with every computed value filled.
    Compute { template: String, data: String, config: Option<String> },
    /// `compile [--config C] [--out F] TEMPLATE`: the template (or, with
    /// `--config`, the configuration checked against it) in the compiled
    /// format the `hitforms/full` widget reads.
    Compile { template: String, config: Option<String>, out: Option<String> },
    /// `schema template`: the JSON Schema of the template format.
    SchemaTemplate,
    /// `schema data --template T`: the JSON Schema of T's data documents.
    SchemaData { template: String },
    /// `index …`, `search …`, `similar …`: the partner search.
    Search(crate::args_search::SearchCommand),
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut p = lexopt::Parser::from_args(args);
    let sub = match p.next().map_err(|e| e.to_string())? {
        None | Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Value(v)) => v.string().map_err(|_| "the command is not valid UTF-8".to_owned())?,
        Some(other) => return Err(format!("expected a command, found {}", other.unexpected())),
    };
    if matches!(sub.as_str(), "index" | "search" | "similar") {
        return crate::args_search::parse(&sub, &mut p).map(Command::Search);
    }
    let (mut template, mut json, mut positional, mut data_dir) = (None, false, Vec::new(), None);
    let (mut config, mut step, mut code_list_files) = (None, 2u8, Vec::new());
    let mut out = None;
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Long("template") | Short('t')
                if ["validate", "schema", "compute"].contains(&sub.as_str()) =>
            {
                template = Some(
                    p.value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|_| "--template is not valid UTF-8")?,
                )
            }
            Long("config") | Short('c')
                if ["validate", "compute", "compile"].contains(&sub.as_str()) =>
            {
                config = Some(
                    p.value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|_| "--config is not valid UTF-8")?,
                )
            }
            Long("step") if sub == "validate" => {
                let v = p.value().map_err(|e| e.to_string())?;
                step = match v.to_str() {
                    Some("1") => 1,
                    Some("2") => 2,
                    _ => return Err(format!("--step takes 1 or 2, not {}", v.to_string_lossy())),
                };
            }
            Long("data") if sub == "validate" => {
                data_dir = Some(
                    p.value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|_| "--data is not valid UTF-8")?,
                )
            }
            Long("code-lists") if sub == "validate" => code_list_files.push(
                p.value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|_| "--code-lists is not valid UTF-8")?,
            ),
            Long("out") | Short('o') if sub == "compile" => {
                out = Some(
                    p.value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|_| "--out is not valid UTF-8")?,
                )
            }
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(v) => positional
                .push(v.string().map_err(|_| "an argument is not valid UTF-8".to_owned())?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match (sub.as_str(), positional.as_slice()) {
        ("templates", []) => Ok(Command::Templates),
        ("check", [t]) => Ok(Command::Check { template: t.clone(), json }),
        ("check", _) => Err("check takes exactly one TEMPLATE".into()),
        ("compile", [t]) => Ok(Command::Compile { template: t.clone(), config, out }),
        ("compile", _) => Err("compile takes exactly one TEMPLATE".into()),
        ("validate", [d]) => match template {
            Some(template) => {
                let data = d.clone();
                Ok(Command::Validate {
                    template,
                    data,
                    json,
                    data_dir,
                    code_list_files,
                    config,
                    step,
                })
            }
            None => Err("validate needs --template TEMPLATE".into()),
        },
        ("validate", _) => Err("validate takes exactly one DATA file".into()),
        ("compute", [d]) => match template {
            Some(template) => Ok(Command::Compute { template, data: d.clone(), config }),
            None => Err("compute needs --template TEMPLATE".into()),
        },
        ("compute", _) => Err("compute takes exactly one DATA file".into()),
        ("schema", [what]) if what == "template" => Ok(Command::SchemaTemplate),
        ("schema", [what]) if what == "data" => match template {
            Some(template) => Ok(Command::SchemaData { template }),
            None => Err("schema data needs --template TEMPLATE".into()),
        },
        ("schema", _) => Err("schema takes `template` or `data --template T`".into()),
        (other, _) => Err(format!("unknown command {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Command, String> {
        parse(s.split_whitespace().map(OsString::from))
    }

    #[test]
    fn parses_validate_in_any_order() {
        let want = Command::Validate {
            template: "t.json".into(),
            data: "d.json".into(),
            json: true,
            data_dir: None,
            code_list_files: vec![],
            config: None,
            step: 2,
        };
        assert_eq!(parse_str("validate --template t.json --json d.json"), Ok(want));
        let want = Command::Validate {
            template: "t.json".into(),
            data: "d.json".into(),
            json: false,
            data_dir: Some("x".into()),
            code_list_files: vec!["a.json".into(), "b.json".into()],
            config: Some("c.json".into()),
            step: 1,
        };
        assert_eq!(
            parse_str(
                "validate d.json --template=t.json --data x --code-lists a.json --config c.json \
                 --step 1 --code-lists b.json"
            ),
            Ok(want)
        );
    }

    #[test]
    fn rejects_what_is_missing_or_unknown() {
        assert!(parse_str("validate d.json").unwrap_err().contains("--template"));
        assert!(parse_str("check").is_err());
        assert!(parse_str("frobnicate").unwrap_err().contains("frobnicate"));
        assert!(parse_str("check --bogus t").is_err());
        assert_eq!(parse_str(""), Ok(Command::Help));
        assert_eq!(parse_str("schema template"), Ok(Command::SchemaTemplate));
        assert_eq!(parse_str("schema data -t x"), Ok(Command::SchemaData { template: "x".into() }));
        assert!(parse_str("schema data").is_err());
        assert!(parse_str("schema both").is_err());
        assert!(parse_str("validate -t t --step 3 d").unwrap_err().contains("--step takes 1 or 2"));
    }
}
