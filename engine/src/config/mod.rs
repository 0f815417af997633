//! Call configurations: how one call uses a template.
//!
//! A template says what a form contains; a configuration (one JSON file per
//! call, documented in `docs/configuration.md`) says how a call uses it: its
//! type, whether it has two steps, its input languages, which fields it
//! shows in which step ([`Status`] per visibility id of the template's
//! [`VisibilityCatalog`]), limit overrides ([`Limits`]), values of the
//! template's declared parameters ([`ParamDecls`]) and the call settings
//! Jems knows ([`CallSettings`]: funds, flat rates, cost options, period
//! length), which expressions can also read as parameters.
//!
//! Loading reports every problem at once with its JSON pointer, strictly
//! ([`Config::load`]) or leniently ([`Config::load_lenient`]). The step of
//! a two-step call is not part of the file: it is passed when asking what is
//! visible ([`Config::field_visible`]).
//!
//! ```
//! use hitforms_engine::config::{Config, ParamDecls, Status, Step, VisibilityCatalog};
//!
//! let catalog = VisibilityCatalog::from_json(r#"{
//!   "project.acronym": {"allowed": ["STEP_ONE_AND_TWO"], "default": "STEP_ONE_AND_TWO"},
//!   "project.summary": {"allowed": ["STEP_ONE_AND_TWO", "STEP_TWO_ONLY"], "default": "STEP_TWO_ONLY"}
//! }"#).unwrap();
//! let config = Config::load(
//!     r#"{"template": "hit-af", "twoStep": true, "inputLanguages": ["EN", "DE"]}"#,
//!     &catalog,
//!     &ParamDecls::default(),
//! ).unwrap();
//! assert_eq!(config.visibility("project.summary"), Status::StepTwoOnly);
//! assert!(!config.field_visible("project.summary", Step::One));
//! assert!(config.field_visible("project.summary", Step::Two));
//! ```

mod call;
mod call_params;
mod flat_rates;
mod limits;
mod load;
mod numbers;
mod params;
mod visibility;

pub use call::{AllowedRealCosts, CallSettings, CostOption, FUND_TYPES, Fund};
pub use flat_rates::{FLAT_RATE_NAMES, FlatRate, FlatRates};
pub use limits::{LIMIT_NAMES, LimitOverride, Limits};
pub use params::{ParamDecl, ParamDecls, ParamType};
pub use visibility::{Setting, Status, VisibilityCatalog};

use crate::issue::{Code, Issue};
use crate::sorted_map::SortedMap;
use crate::value::Value;

/// The type of a call (Jems' `CallType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CallType {
    /// A standard call.
    #[default]
    Standard,
    /// A small project fund call.
    Spf,
}

impl CallType {
    /// The JSON form: `STANDARD` or `SPF`.
    pub fn as_str(self) -> &'static str {
        match self {
            CallType::Standard => "STANDARD",
            CallType::Spf => "SPF",
        }
    }

    /// Reads the JSON form.
    pub fn parse(s: &str) -> Option<CallType> {
        [CallType::Standard, CallType::Spf].into_iter().find(|t| t.as_str() == s)
    }
}

/// The step an application is in (a run-time choice, e.g. `validate --step 1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Step 1 of a two-step call.
    One,
    /// Step 2 of a two-step call, or the only step of a one-step call.
    Two,
}

impl Step {
    /// Reads `1` or `2`.
    pub fn parse(s: &str) -> Option<Step> {
        match s.trim() {
            "1" => Some(Step::One),
            "2" => Some(Step::Two),
            _ => None,
        }
    }
}

/// A checked call configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub(crate) template: String,
    pub(crate) name: Option<String>,
    pub(crate) call_type: CallType,
    pub(crate) two_step: bool,
    pub(crate) input_languages: Vec<String>,
    pub(crate) fallback_language: String,
    pub(crate) call: CallSettings,
    pub(crate) limits: Limits,
    /// Every catalog id → its status after defaults and inheritance.
    pub(crate) visibility: SortedMap<Status>,
    /// Declared parameters (given or default) and call parameters.
    pub(crate) parameters: SortedMap<Value>,
    /// The step an application is checked in (`$step`, `$hiddenIds`).
    pub(crate) step: Step,
}

impl Default for Config {
    /// A one-step STANDARD call in English that configures nothing.
    fn default() -> Self {
        Config {
            template: String::new(),
            name: None,
            call_type: CallType::Standard,
            two_step: false,
            input_languages: vec!["EN".to_owned()],
            fallback_language: "EN".to_owned(),
            call: CallSettings::default(),
            limits: Limits::default(),
            visibility: SortedMap::new(),
            parameters: SortedMap::new(),
            step: Step::Two,
        }
    }
}

impl Config {
    /// Loads a configuration strictly against a template's visibility catalog
    /// and parameter declarations: any problem fails, and all are returned.
    pub fn load(
        json: &str,
        catalog: &VisibilityCatalog,
        decls: &ParamDecls,
    ) -> Result<Config, Vec<Issue>> {
        match Config::load_lenient(json, catalog, decls) {
            (Some(c), problems) if problems.is_empty() => Ok(c),
            (_, problems) => Err(problems),
        }
    }

    /// Loads a configuration leniently: the usable configuration (`None`
    /// only when the text is not a JSON object) and every problem found.
    /// What had a problem takes its default.
    pub fn load_lenient(
        json: &str,
        catalog: &VisibilityCatalog,
        decls: &ParamDecls,
    ) -> (Option<Config>, Vec<Issue>) {
        load::load(json, catalog, decls)
    }

    /// The id of the template this configuration is for.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// A problem when the configuration is for another template than `id`.
    pub fn check_template(&self, id: &str) -> Option<Issue> {
        (self.template != id).then(|| {
            Issue::error("/template", Code::ConfigTemplateMismatch)
                .with("config", self.template.as_str())
                .with("template", id)
        })
    }

    /// The call's name, if given.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// STANDARD or SPF.
    pub fn call_type(&self) -> CallType {
        self.call_type
    }

    /// Whether the call has two steps.
    pub fn is_two_step(&self) -> bool {
        self.two_step
    }

    /// The 1 to 4 languages multilingual fields are filled in.
    pub fn input_languages(&self) -> &[String] {
        &self.input_languages
    }

    /// The language texts fall back to.
    pub fn fallback_language(&self) -> &str {
        &self.fallback_language
    }

    /// The call settings (funds, flat rates, cost options, period length…).
    pub fn call(&self) -> &CallSettings {
        &self.call
    }

    /// The limit overrides; check them with [`Limits::check`].
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The status of a visibility id after defaults and inheritance. Ids the
    /// catalog does not declare are not configurable: always shown.
    pub fn visibility(&self, id: &str) -> Status {
        self.visibility.get(id).copied().unwrap_or(Status::StepOneAndTwo)
    }

    /// Whether a field with visibility id `id` is shown (and validated) in
    /// `step`: its status is not `NONE`, and not `STEP_TWO_ONLY` in step 1 of
    /// a two-step call. A one-step call shows everything that is not `NONE`.
    pub fn field_visible(&self, id: &str, step: Step) -> bool {
        match self.visibility(id) {
            Status::None => false,
            Status::StepTwoOnly => !(self.two_step && step == Step::One),
            Status::StepOneAndTwo => true,
        }
    }

    /// This configuration for an application in `step`: the call parameters
    /// `$step` (1 only in step 1 of a two-step call, else 2) and
    /// `$hiddenIds` (the visibility ids [`Config::field_visible`] hides in
    /// that step) follow it, so that rules can depend on the step and on
    /// what the call hides. A loaded configuration is at step 2.
    pub fn at_step(mut self, step: Step) -> Config {
        self.step = step;
        for (name, _, value) in call_params::entries(&self) {
            self.parameters.insert(name.to_owned(), value);
        }
        self
    }

    /// The step set by [`Config::at_step`] (step 2 by default).
    pub fn step(&self) -> Step {
        self.step
    }

    /// The value of parameter `name` (without `$`): a declared one, or a
    /// call setting. A call setting that is not set is [`Value::Null`].
    pub fn parameter(&self, name: &str) -> Option<&Value> {
        self.parameters.get(name)
    }

    /// Every parameter with its value, sorted by name.
    pub fn parameters(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.parameters.iter().map(|(n, v)| (n.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(two_step: bool) -> Config {
        let catalog = VisibilityCatalog::from_json(
            r#"{
              "both": {"allowed": ["STEP_ONE_AND_TWO"], "default": "STEP_ONE_AND_TWO"},
              "second": {"allowed": ["STEP_TWO_ONLY"], "default": "STEP_TWO_ONLY"},
              "hidden": {"allowed": ["NONE", "STEP_TWO_ONLY"], "default": "NONE"}
            }"#,
        )
        .unwrap();
        let json =
            format!(r#"{{"template": "t", "twoStep": {two_step}, "inputLanguages": ["EN"]}}"#);
        Config::load(&json, &catalog, &ParamDecls::default()).unwrap()
    }

    #[test]
    fn visibility_by_status_call_and_step() {
        let (one, two) = (config(false), config(true));
        for step in [Step::One, Step::Two] {
            assert!(one.field_visible("both", step) && two.field_visible("both", step));
            assert!(one.field_visible("second", step));
            assert!(!one.field_visible("hidden", step) && !two.field_visible("hidden", step));
            assert!(one.field_visible("not.in.catalog", step), "not configurable: shown");
        }
        assert!(!two.field_visible("second", Step::One));
        assert!(two.field_visible("second", Step::Two));
        assert_eq!(one.visibility("not.in.catalog"), Status::StepOneAndTwo);
    }

    #[test]
    fn steps_call_types_and_template_ids() {
        assert_eq!(Step::parse(" 2"), Some(Step::Two));
        assert_eq!(Step::parse("3"), None);
        assert_eq!(CallType::parse("SPF"), Some(CallType::Spf));
        assert_eq!(CallType::parse("spf"), None);
        let c = config(false);
        assert_eq!(c.check_template("t"), None);
        let issue = c.check_template("hit").unwrap();
        assert_eq!(
            (issue.path.as_str(), &issue.code),
            ("/template", &Code::ConfigTemplateMismatch)
        );
        assert_eq!(issue.message(), "This configuration is for the template \"t\", not \"hit\".");
        assert_eq!((c.input_languages(), c.fallback_language()), (&["EN".to_owned()][..], "EN"));
    }
}
