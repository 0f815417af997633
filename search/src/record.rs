//! The records the search holds: projects, and partner participations that
//! point at their project. One organisation taking part in three projects is
//! three participations (the organisation view groups them: `group.rs`).

use std::collections::HashMap;

/// A project (or, for application-stage data, a project idea).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Project {
    /// The programme's name as the source gives it.
    pub programme: String,
    /// The project acronym.
    pub acronym: String,
    /// The project title (English when the source has it).
    pub title: String,
    /// The programme period, e.g. `2014-2020`.
    pub period: String,
    /// Objectives and themes: thematic objectives (`TO6`), keep.eu themes,
    /// policy and specific objectives (`PO1`, `RSO1.1`), as the source says.
    pub objectives: Vec<String>,
    /// The description (English when the source has it, else the first
    /// language).
    pub description: String,
    /// The project's website.
    pub website: String,
}

/// One organisation's participation in one project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Partner {
    /// Index of the project in [`Dataset::projects`].
    pub project: u32,
    /// The organisation's name, as given (mojibake included: see
    /// `fold::repair_mojibake`).
    pub organisation: String,
    /// Department or unit.
    pub department: String,
    /// Street address.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// Town or city.
    pub town: String,
    /// ISO 3166 alpha-2 country code, upper case (Greece is `EL` in NUTS
    /// but `GR` here when the source says so: codes are kept as given).
    pub country: String,
    /// NUTS 1, 2 and 3 codes, as given (versions 2006-2021 are mixed in the
    /// keep.eu data; they are kept, not mapped).
    pub nuts: [String; 3],
    /// The names of those regions, joined (searchable).
    pub region: String,
    /// Legal status: `public` or `private` (folded; empty when unknown).
    pub legal_status: String,
    /// Type of partner (the HIT list for 2021-2027; free text otherwise).
    pub partner_type: String,
    /// `LP` (lead partner), `PP` (project partner) or `AP` (associated).
    pub role: String,
    /// The organisation's website.
    pub website: String,
}

/// Projects and participations, with the projects addressable by a key
/// while importing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Every project.
    pub projects: Vec<Project>,
    /// Every participation; `Partner::project` indexes `projects`.
    pub partners: Vec<Partner>,
    keys: HashMap<String, u32>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Dataset {
        Dataset::default()
    }

    /// A dataset from parts; a partner whose project index is out of range is
    /// dropped (the binary index checks this before calling).
    pub fn from_parts(projects: Vec<Project>, partners: Vec<Partner>) -> Dataset {
        let n = projects.len() as u32;
        let partners = partners.into_iter().filter(|p| p.project < n).collect();
        Dataset { projects, partners, keys: HashMap::new() }
    }

    /// The project under `key` (e.g. keep.eu's `project_key`), if known.
    pub fn project_id(&self, key: &str) -> Option<u32> {
        self.keys.get(key).copied()
    }

    /// Adds `project` under `key`, or, when the key is known, fills the
    /// known project's empty fields from it. Returns the project's index.
    pub fn upsert_project(&mut self, key: &str, project: Project) -> u32 {
        if let Some(&id) = self.keys.get(key) {
            let known = &mut self.projects[id as usize];
            for (mine, theirs) in [
                (&mut known.title, project.title),
                (&mut known.period, project.period),
                (&mut known.description, project.description),
                (&mut known.website, project.website),
            ] {
                if mine.is_empty() {
                    *mine = theirs;
                }
            }
            if known.objectives.is_empty() {
                known.objectives = project.objectives;
            }
            return id;
        }
        let id = self.projects.len() as u32;
        self.projects.push(project);
        self.keys.insert(key.to_owned(), id);
        id
    }

    /// The project of a participation.
    pub fn project_of(&self, partner: &Partner) -> &Project {
        &self.projects[partner.project as usize]
    }
}

/// The period a keep.eu programme name starts with (`2014 - 2020 INTERREG…`
/// → `2014-2020`), if any.
pub fn period_from_programme(programme: &str) -> Option<String> {
    let b = programme.as_bytes();
    let digits = |s: &[u8]| s.len() == 4 && s.iter().all(u8::is_ascii_digit);
    if b.len() >= 11 && digits(&b[..4]) && &b[4..7] == b" - " && digits(&b[7..11]) {
        return Some(format!("{}-{}", &programme[..4], &programme[7..11]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsert_fills_only_what_is_missing() {
        let mut d = Dataset::new();
        let a = d.upsert_project("k", Project { acronym: "A".into(), ..Project::default() });
        let first = Project { title: "T".into(), ..Project::default() };
        let b = d.upsert_project("k", first);
        let second =
            Project { title: "other".into(), period: "2014-2020".into(), ..Project::default() };
        d.upsert_project("k", second);
        assert_eq!((a, b), (0, 0));
        assert_eq!(d.projects.len(), 1);
        assert_eq!(d.projects[0].title, "T");
        assert_eq!(d.projects[0].period, "2014-2020");
        assert_eq!(d.project_id("k"), Some(0));
        assert_eq!(d.project_id("x"), None);
    }

    #[test]
    fn reads_the_period_of_a_programme_name() {
        assert_eq!(
            period_from_programme("2014 - 2020 INTERREG VB Central Europe").as_deref(),
            Some("2014-2020")
        );
        assert_eq!(period_from_programme("Interreg Aurora"), None);
        assert_eq!(period_from_programme("2014"), None);
    }

    #[test]
    fn from_parts_drops_dangling_partners() {
        let p = Partner { project: 3, ..Partner::default() };
        let d = Dataset::from_parts(vec![Project::default()], vec![p, Partner::default()]);
        assert_eq!(d.partners.len(), 1);
    }
}
