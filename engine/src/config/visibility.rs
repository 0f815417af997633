//! Visibility: the statuses a call gives a template's visibility ids, the
//! catalog a template declares (which statuses each id allows, its defaults,
//! whose status it inherits), and the resolution of a call's choices.

use super::CallType;
use crate::issue::{Code, Issue, pointer_push};
use crate::sorted_map::SortedMap;
use crate::template::read::{Doc, Obj, object_in, parse};
use serde_json::Value;

/// A visibility status (Jems' `FieldVisibilityStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Hidden (`NONE`).
    None,
    /// Shown in both steps of a two-step call, or always in a one-step call.
    StepOneAndTwo,
    /// Shown only in step 2 of a two-step call (always in a one-step call).
    StepTwoOnly,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 3] = [Status::None, Status::StepOneAndTwo, Status::StepTwoOnly];

    /// The JSON form: `NONE`, `STEP_ONE_AND_TWO` or `STEP_TWO_ONLY`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::None => "NONE",
            Status::StepOneAndTwo => "STEP_ONE_AND_TWO",
            Status::StepTwoOnly => "STEP_TWO_ONLY",
        }
    }

    /// Reads the JSON form.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// What a template declares about one visibility id.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    /// The statuses a STANDARD call may choose (non-empty, distinct).
    pub allowed: Vec<Status>,
    /// The statuses an SPF call may choose, when they differ from `allowed`.
    pub allowed_spf: Option<Vec<Status>>,
    /// The status of a STANDARD call that does not choose one.
    pub default: Status,
    /// The status of an SPF call that does not choose one, when it differs.
    pub default_spf: Option<Status>,
    /// An id whose status this one takes whenever its own is not `NONE`.
    pub inherits_from: Option<String>,
}

impl Setting {
    /// The statuses a call of this type may choose.
    pub fn allowed_for(&self, call: CallType) -> &[Status] {
        match (call, &self.allowed_spf) {
            (CallType::Spf, Some(spf)) => spf,
            _ => &self.allowed,
        }
    }

    /// The status a call of this type gets when it chooses none.
    pub fn default_for(&self, call: CallType) -> Status {
        match call {
            CallType::Spf => self.default_spf.unwrap_or(self.default),
            CallType::Standard => self.default,
        }
    }
}

/// The visibility ids a template declares (its top-level `visibility`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisibilityCatalog {
    /// Sorted by id, ids unique: a sorted vector rather than one more
    /// BTreeMap instantiation in the wasm build (docs/decisions.md).
    pub(crate) settings: Vec<(String, Setting)>,
}

const SETTING_KEYS: &[&str] = &["allowed", "allowedSpf", "default", "defaultSpf", "inheritsFrom"];

impl VisibilityCatalog {
    /// Reads a catalog from a template's `visibility` value at `path`,
    /// reporting every problem (`template.*` codes). Entries with problems are
    /// left out, or keep what was usable.
    pub fn read(value: &Value, path: &str, problems: &mut Vec<Issue>) -> VisibilityCatalog {
        let mut settings: Vec<(String, Setting)> = Vec::new();
        let Some(map) = value.as_object() else {
            problems.push(Doc::Template.wrong_type(path, "object of visibility id to setting"));
            return VisibilityCatalog { settings };
        };
        for (id, v) in map {
            let at = pointer_push(path, id);
            if !valid_id(id) {
                problems.push(
                    Issue::error(&at, Code::TemplateInvalidValue)
                        .with("value", id.as_str())
                        .with("expected", "an id of letters, digits, '.', '-' and '_'"),
                );
            } else if let Some(obj) = object_in(Doc::Template, v, &at, SETTING_KEYS, problems)
                && let Some(setting) = read_setting(&obj, problems)
            {
                match settings.binary_search_by(|(n, _)| n.cmp(id)) {
                    Ok(at) => settings[at].1 = setting,
                    Err(at) => settings.insert(at, (id.clone(), setting)),
                }
            }
        }
        let mut catalog = VisibilityCatalog { settings };
        catalog.check_inheritance(path, problems);
        catalog
    }

    /// Reads a catalog from JSON text (e.g. `templates/hit/af-field-settings.json`).
    pub fn from_json(json: &str) -> Result<VisibilityCatalog, Vec<Issue>> {
        let value = parse(json, Code::TemplateJson).map_err(|issue| vec![issue])?;
        let mut problems = Vec::new();
        let catalog = VisibilityCatalog::read(&value, "", &mut problems);
        if problems.is_empty() { Ok(catalog) } else { Err(problems) }
    }

    /// The setting of `id`.
    pub fn get(&self, id: &str) -> Option<&Setting> {
        Some(&self.settings[self.position(id)?].1)
    }

    /// Where `id` is in `settings`.
    fn position(&self, id: &str) -> Option<usize> {
        self.settings.binary_search_by(|(n, _)| n.as_str().cmp(id)).ok()
    }

    /// Every id with its setting, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Setting)> {
        self.settings.iter().map(|(id, s)| (id.as_str(), s))
    }

    /// How many ids the catalog declares.
    pub fn len(&self) -> usize {
        self.settings.len()
    }

    /// Whether the catalog declares no id.
    pub fn is_empty(&self) -> bool {
        self.settings.is_empty()
    }

    /// The status of every id for a call of type `call` that chose `chosen`:
    /// defaults filled in, then inheritance applied (an id whose own status
    /// is not `NONE` takes the resolved status of the id it inherits from).
    pub(crate) fn resolve(&self, call: CallType, chosen: &SortedMap<Status>) -> SortedMap<Status> {
        let own =
            |id: &str| chosen.get(id).copied().or_else(|| Some(self.get(id)?.default_for(call)));
        self.settings
            .iter()
            .map(|(id, _)| {
                let mut status = own(id).unwrap_or(Status::None);
                let mut at = id.as_str();
                // The catalog has no cycles (checked on reading); the bound is a guard.
                for _ in 0..self.settings.len() {
                    let parent = self.get(at).and_then(|s| s.inherits_from.as_deref());
                    match parent {
                        Some(p) if status != Status::None => {
                            status = own(p).unwrap_or(Status::None);
                            at = p;
                        }
                        _ => break,
                    }
                }
                (id.clone(), status)
            })
            .collect()
    }

    /// Reports (and removes) `inheritsFrom` references to unknown ids and cycles.
    fn check_inheritance(&mut self, path: &str, problems: &mut Vec<Issue>) {
        let ids: Vec<String> = self.settings.iter().map(|(id, _)| id.clone()).collect();
        for id in ids {
            let mut seen = vec![id.as_str()];
            let mut next = self.get(&id).and_then(|s| s.inherits_from.as_deref());
            let problem = loop {
                match next {
                    None => break None,
                    Some(p) if self.get(p).is_none() => break Some("a declared id"),
                    Some(p) if seen.contains(&p) => break Some("an id that does not inherit back"),
                    Some(p) => {
                        seen.push(p);
                        next = self.get(p).and_then(|s| s.inherits_from.as_deref());
                    }
                }
            };
            if let Some(expected) = problem {
                let at = pointer_push(&pointer_push(path, &id), "inheritsFrom");
                problems
                    .push(Issue::error(at, Code::TemplateInvalidValue).with("expected", expected));
                if let Some(at) = self.position(&id) {
                    self.settings[at].1.inherits_from = None;
                }
            }
        }
    }
}

/// Whether `id` is a well-formed visibility id (e.g. `project.partner.main-address.city`).
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn read_setting(obj: &Obj, problems: &mut Vec<Issue>) -> Option<Setting> {
    let allowed = statuses(obj, "allowed", problems);
    let allowed_spf =
        obj.map.contains_key("allowedSpf").then(|| statuses(obj, "allowedSpf", problems));
    let default = status(obj, "default", problems);
    let default_spf =
        obj.map.contains_key("defaultSpf").then(|| status(obj, "defaultSpf", problems));
    let inherits_from = obj.opt_str("inheritsFrom", problems).map(str::to_owned);
    let (allowed, default) = (allowed?, default?);
    let allowed_spf = allowed_spf.map(|a| a.unwrap_or_else(|| allowed.clone()));
    let default_spf = default_spf.map(|d| d.unwrap_or(default));
    let mut ok = true;
    if !allowed.contains(&default) {
        problems.push(not_allowed(obj, "default", "allowed"));
        ok = false;
    }
    // The SPF pair, when declared, must agree too (else it is the checked pair above).
    if allowed_spf.is_some() || default_spf.is_some() {
        let spf_set = allowed_spf.as_ref().unwrap_or(&allowed);
        let (key, set) = match (default_spf, &allowed_spf) {
            (Some(_), Some(_)) => ("defaultSpf", "allowedSpf"),
            (Some(_), None) => ("defaultSpf", "allowed"),
            (None, _) => ("default", "allowedSpf"),
        };
        if ok && !spf_set.contains(&default_spf.unwrap_or(default)) {
            problems.push(not_allowed(obj, key, set));
            ok = false;
        }
    }
    ok.then_some(Setting { allowed, allowed_spf, default, default_spf, inherits_from })
}

fn not_allowed(obj: &Obj, key: &str, set: &str) -> Issue {
    Issue::error(obj.at(key), Code::TemplateInvalidValue)
        .with("expected", format!("one of the statuses in \"{set}\""))
}

/// A required status.
fn status(obj: &Obj, key: &str, problems: &mut Vec<Issue>) -> Option<Status> {
    let s = obj.req_str(key, problems)?;
    let st = Status::parse(s);
    if st.is_none() {
        problems.push(bad_status(&obj.at(key), s));
    }
    st
}

/// A required non-empty list of distinct statuses.
fn statuses(obj: &Obj, key: &str, problems: &mut Vec<Issue>) -> Option<Vec<Status>> {
    let list = obj.req_array(key, problems)?;
    let before = problems.len();
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = pointer_push(&obj.at(key), &i.to_string());
        match v.as_str().map(|s| (s, Status::parse(s))) {
            Some((_, Some(st))) if !out.contains(&st) => out.push(st),
            Some((s, _)) => problems.push(bad_status(&at, s)),
            None => problems.push(Doc::Template.wrong_type(&at, "string")),
        }
    }
    if list.is_empty() {
        problems.push(Doc::Template.out_of_range(&obj.at(key), "at least one status"));
    }
    (problems.len() == before).then_some(out)
}

fn bad_status(at: &str, value: &str) -> Issue {
    Issue::error(at, Code::TemplateInvalidValue)
        .with("value", value)
        .with("expected", "a distinct status: NONE, STEP_ONE_AND_TWO or STEP_TWO_ONLY")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: serde_json::Value) -> (VisibilityCatalog, Vec<(String, Code)>) {
        let mut p = Vec::new();
        let c = VisibilityCatalog::read(&v, "/visibility", &mut p);
        (c, p.into_iter().map(|i| (i.path, i.code)).collect())
    }

    #[test]
    fn reports_every_catalog_problem() {
        let (catalog, problems) = read(json!({
            "ok": {"allowed": ["NONE", "STEP_TWO_ONLY"], "default": "NONE"},
            "bad id!": {"allowed": ["NONE"], "default": "NONE"},
            "a": {"allowed": ["NONE", "NONE"], "default": "NONE", "colour": 1},
            "b": {"allowed": [], "default": "HIDDEN"},
            "c": {"allowed": ["STEP_ONE_AND_TWO"], "default": "NONE"},
            "d": {"allowed": ["NONE"], "allowedSpf": ["STEP_TWO_ONLY"], "default": "NONE"},
            "e": {"allowed": ["NONE"], "default": "NONE", "inheritsFrom": "nowhere"},
            "f": {"allowed": ["NONE"], "default": "NONE", "inheritsFrom": "g"},
            "g": {"allowed": ["NONE"], "default": "NONE", "inheritsFrom": "f"}
        }));
        let want = [
            ("/visibility/a/colour", Code::TemplateUnknownProperty),
            ("/visibility/a/allowed/1", Code::TemplateInvalidValue),
            ("/visibility/b/allowed", Code::TemplateInvalidValue),
            ("/visibility/b/default", Code::TemplateInvalidValue),
            ("/visibility/bad id!", Code::TemplateInvalidValue),
            ("/visibility/c/default", Code::TemplateInvalidValue),
            ("/visibility/d/default", Code::TemplateInvalidValue),
            ("/visibility/e/inheritsFrom", Code::TemplateInvalidValue),
            // The cycle f → g → f is reported once, and broken there.
            ("/visibility/f/inheritsFrom", Code::TemplateInvalidValue),
        ];
        let want: Vec<_> = want.into_iter().map(|(p, c)| (p.to_owned(), c)).collect();
        assert_eq!(problems, want);
        let ids: Vec<&str> = catalog.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["e", "f", "g", "ok"]);
        assert_eq!(catalog.get("f").unwrap().inherits_from, None);
        assert_eq!(catalog.get("g").unwrap().inherits_from.as_deref(), Some("f"));
    }

    #[test]
    fn defaults_then_inheritance() {
        let (catalog, problems) = read(json!({
            "budget": {"allowed": ["NONE", "STEP_ONE_AND_TWO", "STEP_TWO_ONLY"],
                       "default": "STEP_TWO_ONLY", "defaultSpf": "STEP_ONE_AND_TWO"},
            "staff": {"allowed": ["NONE", "STEP_ONE_AND_TWO", "STEP_TWO_ONLY"],
                      "default": "NONE", "inheritsFrom": "budget"},
            "staffComment": {"allowed": ["NONE", "STEP_ONE_AND_TWO"],
                             "default": "STEP_ONE_AND_TWO", "inheritsFrom": "staff"}
        }));
        assert_eq!(problems, []);
        let chosen = |pairs: &[(&str, Status)]| {
            pairs.iter().map(|(id, s)| ((*id).to_owned(), *s)).collect::<SortedMap<_>>()
        };
        let r = catalog.resolve(CallType::Standard, &chosen(&[]));
        assert_eq!(r["budget"], Status::StepTwoOnly);
        assert_eq!(r["staff"], Status::None);
        assert_eq!(r["staffComment"], Status::None, "its parent is hidden");
        let r = catalog.resolve(CallType::Standard, &chosen(&[("staff", Status::StepOneAndTwo)]));
        assert_eq!(r["staff"], Status::StepTwoOnly);
        assert_eq!(r["staffComment"], Status::StepTwoOnly, "inherited through staff");
        let r = catalog.resolve(CallType::Spf, &chosen(&[("staff", Status::StepTwoOnly)]));
        assert_eq!((r["budget"], r["staff"]), (Status::StepOneAndTwo, Status::StepOneAndTwo));
    }
}
