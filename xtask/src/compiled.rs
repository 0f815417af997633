//! The demo's compiled templates and configurations (`demo/compiled/`, not
//! committed): the `hitforms/full` build reads only the compiled format
//! (`hitforms compile`; docs/decisions.md, "Compiled templates"), so the
//! demo, the Playwright tests and the browser benchmark load these. Written
//! by `cargo xtask build` with the engine itself, as the CLI writes them.

use crate::util::{Result, root};
use hitforms_engine::config::Config;
use hitforms_engine::{BUILTIN_TEMPLATES, Template};

/// Call configurations, each with the built-in template it is checked against.
const CONFIGS: &[(&str, &str)] = &[
    ("hit-application", "engine/templates/hit/call-standard-one-step.json"),
    ("hit-application", "engine/templates/hit/call-two-step.json"),
    ("hit-application", "engine/templates/hit/call-spf.json"),
    ("hit-partner-report", "tests/fixtures/reports/cobium-partner.config.json"),
];

/// Writes `demo/compiled/<template>.json` for every built-in template and
/// `demo/compiled/<config file name>` for every configuration above.
pub fn write() -> Result {
    let dir = root().join("demo/compiled");
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut templates = Vec::new();
    for (name, json) in BUILTIN_TEMPLATES {
        let template = Template::load(json).map_err(|p| format!("{name}: {p:?}"))?;
        std::fs::write(dir.join(format!("{name}.json")), template.to_compiled()).map_err(io)?;
        templates.push(template);
    }
    for (name, path) in CONFIGS {
        let template = templates.iter().find(|t| t.id == *name).ok_or("no such template")?;
        let text =
            std::fs::read_to_string(root().join(path)).map_err(|e| format!("{path}: {e}"))?;
        let config = Config::load(&text, &template.visibility, &template.parameters)
            .map_err(|p| format!("{path}: {p:?}"))?;
        let file = path.rsplit('/').next().unwrap_or(path);
        std::fs::write(dir.join(file), config.to_compiled(template)).map_err(io)?;
    }
    println!("compiled templates and configurations written to {}", dir.display());
    Ok(())
}
