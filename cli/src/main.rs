//! `hitforms`: the form engine on the command line, for servers and scripts.
//!
//! Exit codes: 0 the input is valid, 1 it is invalid (findings printed),
//! 2 it could not be used at all (unreadable file, malformed JSON, bad
//! arguments), with a message naming the file and the place.

mod args;
mod args_search;
mod input;
mod organisations;
mod out;
mod report;
mod search_cmd;
mod similar_cmd;

use args::Command;
use hitforms_engine::config::Step;
use std::process::ExitCode;

const USAGE: &str = "\
hitforms: check form templates and validate data against them

USAGE:
    hitforms check [--json] TEMPLATE
    hitforms compile [--config CALL] [--out FILE] TEMPLATE
    hitforms validate --template TEMPLATE [--config CALL] [--step 1|2] [--json] [--data DIR]
                      [--code-lists FILE]... DATA
    hitforms compute --template TEMPLATE [--config CALL] DATA
    hitforms schema template
    hitforms schema data --template TEMPLATE
    hitforms templates
    hitforms index build --data FILE... --out INDEX
    hitforms index export --data FILE... [--out FILE.json]
    hitforms search [--data FILE... | --index INDEX] [FILTERS] [--limit N] [--json] [--group] QUERY
    hitforms search [--data FILE... | --index INDEX] [FILTERS] [--limit N] --queries FILE.jsonl
    hitforms similar [--data FILE... | --index INDEX] [--limit N] [--json] TEXT

`compile` checks TEMPLATE (and CALL against it) as `check` does and writes
it, or with --config the call configuration, in the compiled format that
the `hitforms/full` widget reads (docs/embedding.md), to FILE or standard
output. A template or configuration with problems is not written (exit 1).

TEMPLATE is a path to a template JSON file or the name of a built-in template
(see `hitforms templates`). DATA is a path to a JSON data document, or - for
standard input. CALL is a call configuration (docs/configuration.md): its
input languages and field visibility apply, for --step 1 (step 1 of a
two-step call) or 2 (the default: step 2, or a one-step call). Code lists (NUTS, countries, partner types, objectives) are
read from --data DIR, else $HITFORMS_DATA, else ../shared/data; without
them, codes of those lists are not checked. Each --code-lists FILE adds or
replaces lists: {\"name\": [{\"value\": \"AT\", \"label\": {\"en\": \"Austria\"}}]}.

Partner search (docs/index-format.md): FILE is keep.eu partners or projects
CSV, the Swedish 2021-2027 CSV, or hitforms JSON; INDEX a file written by
`index build`. Without --data or --index, the real files in $HITFORMS_DATA
(default ../shared/data) are read. FILTERS: --country CC, --nuts CODE-PREFIX,
--programme P, --legal-status S, --partner-type T, --objective O, --period P.
--group lists the hits by organisation (JSON output always has both).
As --data takes several files, give QUERY before it or after another option.
--queries reads one {\"id\", \"query\", \"country\"?} per line and prints one
JSON line per query, then a summary line with p50/p95 times.

EXIT CODES:
    0  valid            1  invalid (the problems are printed)
    2  unusable input (a file cannot be read, is not JSON, or bad arguments)
";

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hitforms: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("hitforms: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Search(command) => search_cmd::run(command),
        Command::Help => {
            out::write(USAGE);
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates => {
            for (name, _) in hitforms_engine::BUILTIN_TEMPLATES {
                out::line(name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { template, json } => {
            let (source, text) = input::template_text(&template)?;
            let (_, problems) = hitforms_engine::Template::load_lenient(&text);
            report::print(&source, &problems, json, None);
            Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Compile { template, config, out } => compile(&template, config.as_deref(), out),
        Command::Compute { template, data, config } => {
            let template = input::template(&template)?;
            let config = config.map(|c| input::config(&c, &template)).transpose()?;
            let data = input::data(&data)?;
            let form = form(template, data, config, Step::Two, None)?;
            print_json(&form.data())
        }
        Command::SchemaTemplate => print_json(&hitforms_engine::schema::template_schema()),
        Command::SchemaData { template } => {
            print_json(&hitforms_engine::schema::data_schema(&input::template(&template)?))
        }
        Command::Validate { template, data, json, data_dir, code_list_files, config, step } => {
            let template = input::template(&template)?;
            let config = config.map(|c| input::config(&c, &template)).transpose()?;
            let data = input::data(&data)?;
            let lists = input::code_lists(data_dir.as_deref(), &code_list_files)?;
            let step = if step == 1 { Step::One } else { Step::Two };
            if !data.is_object() {
                let issue = hitforms_engine::Issue::error("", hitforms_engine::Code::DataNotObject);
                report::print("data", &[issue], json, None);
                return Ok(ExitCode::from(1));
            }
            // Computed values are filled first, as the form does, so rules
            // read them as computed, never as the document states them.
            let form = form(template, data, config, step, lists)?;
            let issues = form.issues();
            report::print("data", &issues, json, Some(form.template()));
            Ok(if hitforms_engine::is_valid(&issues) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// `hitforms compile`: the checked template, or the configuration checked
/// against it, in the compiled format; problems are printed as by `check`.
fn compile(template: &str, config: Option<&str>, out: Option<String>) -> Result<ExitCode, String> {
    let (source, text) = input::template_text(template)?;
    let template = match hitforms_engine::Template::load_lenient(&text) {
        (Some(t), problems) if problems.is_empty() => t,
        (_, problems) => {
            report::print(&source, &problems, false, None);
            return Ok(ExitCode::from(1));
        }
    };
    let compiled = match config {
        None => template.to_compiled(),
        Some(path) => match input::config(path, &template) {
            Ok(config) => config.to_compiled(&template),
            Err(message) => {
                eprintln!("hitforms: {message}");
                return Ok(ExitCode::from(1));
            }
        },
    };
    match out {
        Some(path) => std::fs::write(&path, compiled + "\n")
            .map_err(|e| format!("cannot write {path}: {e}"))?,
        None => out::line(&compiled),
    }
    Ok(ExitCode::SUCCESS)
}

/// The form over `data` under the call configuration at `step`, with every
/// computed value filled.
fn form(
    template: hitforms_engine::Template,
    data: serde_json::Value,
    config: Option<hitforms_engine::config::Config>,
    step: Step,
    lists: Option<hitforms_engine::codelists::CodeLists>,
) -> Result<hitforms_engine::FormState, String> {
    let setup = hitforms_engine::Setup {
        code_lists: lists.map(std::sync::Arc::new),
        config: config.map(|c| (std::sync::Arc::new(c), step)),
    };
    hitforms_engine::FormState::new_with(template, data, setup)
        .map_err(|issue| format!("the data is unusable: {}", report::line(&issue)))
}

fn print_json(value: &serde_json::Value) -> Result<ExitCode, String> {
    out::line(&serde_json::to_string_pretty(value).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}
