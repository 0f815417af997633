//! Built-in templates, embedded at build time and selectable by name.

/// `(name, template JSON)` of every built-in template.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("project-idea", include_str!("../templates/project-idea.json")),
    ("hit-application", include_str!("../templates/hit/hit-application.json")),
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

    #[test]
    fn hit_application_declares_the_whole_af_field_catalog() {
        let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
        let catalog = crate::config::VisibilityCatalog::from_json(include_str!(
            "../templates/hit/af-field-settings.json"
        ))
        .unwrap();
        assert_eq!(t.visibility, catalog);
    }

    #[test]
    fn every_af_field_id_governs_a_field_or_a_rule_of_hit_application() {
        use crate::template::{FieldKind, Group};
        fn walk(g: &Group, ids: &mut Vec<String>, rules: &mut Vec<String>) {
            rules.extend(
                g.rules.iter().flat_map(|r| {
                    r.when.iter().map(|w| w.src.clone()).chain([r.assert.src.clone()])
                }),
            );
            for f in &g.fields {
                ids.extend(f.visibility_id.clone());
                match &f.kind {
                    FieldKind::Group(inner) => walk(inner, ids, rules),
                    FieldKind::Repeat(r) => walk(&r.item, ids, rules),
                    _ => {}
                }
            }
        }
        let t = Template::load(builtin_template("hit-application").unwrap()).unwrap();
        let (mut ids, mut rules) = (Vec::new(), Vec::new());
        walk(&t.root, &mut ids, &mut rules);
        let json = include_str!("../templates/hit/af-field-settings.json");
        let catalog: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(json).unwrap();
        assert_eq!(catalog.len(), 141);
        for id in catalog.keys() {
            let in_rule = rules.iter().any(|r| r.contains(&format!("'{id}'")));
            assert!(ids.contains(id) || in_rule, "{id} governs nothing");
        }
    }
}
