//! Built-in templates, embedded at build time and selectable by name.

/// `(name, template JSON)` of every built-in template.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("project-idea", include_str!("../templates/project-idea.json")),
    ("hit-application", include_str!("../templates/hit/hit-application.json")),
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

    #[test]
    fn hit_application_declares_the_whole_af_field_catalog() {
        let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
        let catalog = crate::config::VisibilityCatalog::from_json(include_str!(
            "../templates/hit/af-field-settings.json"
        ))
        .unwrap();
        assert_eq!(t.visibility, catalog);
    }
}
