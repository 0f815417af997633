//! Built-in templates, embedded at build time and selectable by name.

/// `(name, template JSON)` of every built-in template.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("project-idea", include_str!("../templates/project-idea.json")),
    ("hit-partner-report", include_str!("../templates/hit/hit-partner-report.json")),
    ("hit-project-report", include_str!("../templates/hit/hit-project-report.json")),
    ("academy-application", include_str!("../templates/academy-application.json")),
    ("knowledge-fair-registration", include_str!("../templates/knowledge-fair-registration.json")),
];

/// The JSON of the built-in template called `name`.
pub fn builtin_template(name: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, json)| *json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    #[test]
    fn every_builtin_loads_strictly_under_its_name() {
        for (name, json) in BUILTIN_TEMPLATES {
            let t = Template::load(json).unwrap_or_else(|p| panic!("{name}: {p:#?}"));
            assert_eq!(&t.id, name);
        }
    }
}
