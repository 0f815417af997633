//! Reading the files a command names, with messages that say which file and
//! where it went wrong.

use hitforms_engine::codelists::{CodeLists, default_data_dir};
use hitforms_engine::config::Config;
use hitforms_engine::{Template, builtin_template};
use serde_json::Value;
use std::io::Read;

/// The largest input file read (a guard against reading something absurd).
const MAX_INPUT: u64 = 256 * 1024 * 1024;

fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().take(MAX_INPUT).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT).read_to_string(&mut text))
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(text)
}

/// The text of a template given as a path or a built-in name, and a name for
/// the source to use in messages.
pub fn template_text(arg: &str) -> Result<(String, String), String> {
    if !std::path::Path::new(arg).exists()
        && let Some(json) = builtin_template(arg)
    {
        return Ok((format!("built-in template {arg}"), json.to_owned()));
    }
    Ok((arg.to_owned(), read(arg)?))
}

/// A strictly loaded template; all of its problems in the error message.
pub fn template(arg: &str) -> Result<Template, String> {
    let (source, text) = template_text(arg)?;
    Template::load(&text).map_err(|problems| {
        let lines: Vec<String> =
            problems.iter().map(|p| format!("  {}", crate::report::line(p))).collect();
        format!(
            "the template {source} is unusable ({} problems):\n{}",
            problems.len(),
            lines.join("\n")
        )
    })
}

/// A data document: any JSON value (validation reports a non-object).
pub fn data(path: &str) -> Result<Value, String> {
    let text = read(path)?;
    serde_json::from_str(&text).map_err(|e| {
        format!("{path} is not valid JSON: line {}, column {}: {e}", e.line(), e.column())
    })
}

/// Code lists from `--data DIR` (an error if unreadable), else from the
/// default data folder when it exists, else none; then the lists of each
/// `--code-lists FILE`, which add to or replace those.
pub fn code_lists(dir: Option<&str>, files: &[String]) -> Result<Option<CodeLists>, String> {
    let mut lists = match dir {
        Some(dir) => CodeLists::from_data_dir(std::path::Path::new(dir)).map(Some)?,
        None => CodeLists::from_data_dir(&default_data_dir()).ok(),
    };
    for path in files {
        let extra = code_list_file(path)?;
        let all = lists.get_or_insert_with(CodeLists::default);
        for name in extra.names() {
            all.insert(name, extra.get(name).unwrap_or_default().to_vec());
        }
    }
    Ok(lists)
}

/// A code-list file: `{"name": [{"value", "label": {"en": …}, "parent"?}]}`
/// (the shape `CodeLists::to_json` writes). Every entry must be well
/// formed: one that is not is an error naming the list and the entry.
fn code_list_file(path: &str) -> Result<CodeLists, String> {
    let json = data(path)?;
    let Some(object) = json.as_object() else {
        return Err(format!("{path}: a code-list file is an object of named lists"));
    };
    let lists = CodeLists::from_json(&json);
    for (name, entries) in object {
        let given = entries.as_array().map(Vec::len);
        let read = lists.get(name).map_or(0, <[_]>::len);
        match given {
            None => return Err(format!("{path}: list {name:?} is not an array")),
            Some(n) if n != read => {
                return Err(format!(
                    "{path}: list {name:?} has entries that are not {{\"value\", \"label\"}} \
                     objects ({read} of {n} read)"
                ));
            }
            Some(_) => {}
        }
    }
    Ok(lists)
}

/// A call configuration for `template`, strictly loaded; all its problems
/// in the error message.
pub fn config(path: &str, template: &Template) -> Result<Config, String> {
    let text = read(path)?;
    let config =
        Config::load(&text, &template.visibility, &template.parameters).map_err(|problems| {
            let lines: Vec<String> =
                problems.iter().map(|p| format!("  {}", crate::report::line(p))).collect();
            format!(
                "the configuration {path} is unusable ({} problems):\n{}",
                problems.len(),
                lines.join("\n")
            )
        })?;
    if let Some(problem) = config.check_template(&template.id) {
        return Err(format!(
            "the configuration {path} does not fit: {}",
            crate::report::line(&problem)
        ));
    }
    // Limits may only be changed where the template allows it.
    let declared = template.configurable_limits();
    let declared: Vec<(&str, &[&str])> =
        declared.iter().map(|(p, n)| (p.as_str(), n.as_slice())).collect();
    let problems = config.limits().check(&declared);
    if !problems.is_empty() {
        let lines: Vec<String> =
            problems.iter().map(|p| format!("  {}", crate::report::line(p))).collect();
        return Err(format!(
            "the configuration {path} changes limits it may not:\n{}",
            lines.join("\n")
        ));
    }
    Ok(config)
}
