//! Form state: a template, the data being filled (as typed records), and the
//! current findings per field instance. Every change returns the JSON
//! pointers of the fields whose view changed, so a renderer updates only
//! those; list changes (add, remove, move) return the list's pointer.

mod compute;
mod deps;
mod edit;
mod findings;
mod layout;
mod locate;
mod numbering;
mod outline;
mod propagate;
mod rows;
mod view;

pub use layout::{Entry, ListInfo, Totals};
pub(crate) use locate::frames_at;
pub use locate::segments;
pub use outline::{Completion, Finding, Outline, SectionSummary};
pub use view::{FieldView, InputPart};

use crate::data::{read_record, write_record};
use crate::issue::{Code, Issue};
use crate::template::Template;
use crate::validate::{Context, validate_root};
use crate::value::Record;
use findings::Findings;

/// A form being filled.
#[derive(Clone, Debug)]
pub struct FormState {
    template: Template,
    languages: Vec<String>,
    root: Record,
    /// Findings by the pointer of the field instance they belong to.
    by_field: Findings,
    /// Findings of cross-field rules by path, each list sorted by rule id
    /// (at most one per rule): a rule is re-checked on its own when what it
    /// reads changes.
    by_rule: Findings,
    /// Which expressions read which data.
    deps: deps::Deps,
    /// Code lists for the template's `external` lists.
    code_lists: Option<std::sync::Arc<crate::codelists::CodeLists>>,
    /// The call configuration and the application's step.
    config: Option<(std::sync::Arc<crate::config::Config>, crate::config::Step)>,
    /// Whether any condition, computed value or rule is an expression: then
    /// a change can affect other fields than the one changed.
    has_expressions: bool,
    /// The parameters' values (`$name`): the configuration's, else the
    /// declarations' defaults.
    params: Vec<crate::value::Value>,
}

/// What a form starts with besides its template and data: code lists and a
/// call configuration at a step. [`FormState::new_with`] applies them before
/// the first validation (the `with_…` methods re-validate each time).
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Code lists for the template's `external` lists.
    pub code_lists: Option<std::sync::Arc<crate::codelists::CodeLists>>,
    /// The call configuration and the application's step.
    pub config: Option<(std::sync::Arc<crate::config::Config>, crate::config::Step)>,
}

impl FormState {
    /// A form over `data`, which must be a JSON object (else a
    /// [`Code::DataNotObject`] issue is returned).
    pub fn new(template: Template, data: serde_json::Value) -> Result<FormState, Issue> {
        // Not through `new_with`: a build that never applies a configuration
        // (the widget, for now) then links none of the configuration code.
        let mut state = Self::unchecked(template, data)?;
        state.revalidate_all();
        Ok(state)
    }

    /// A form over `data` with `setup` applied, validated once.
    pub fn new_with(
        template: Template,
        data: serde_json::Value,
        setup: Setup,
    ) -> Result<FormState, Issue> {
        let mut state = Self::unchecked(template, data)?;
        state.code_lists = setup.code_lists;
        if let Some((config, step)) = setup.config {
            state.set_config(config, step);
        }
        state.revalidate_all();
        Ok(state)
    }

    /// A form over `data` before its first validation.
    fn unchecked(template: Template, data: serde_json::Value) -> Result<FormState, Issue> {
        if !data.is_object() {
            return Err(Issue::error("", Code::DataNotObject));
        }
        let root = read_record(&template.root, &data);
        let languages = template.input_languages.clone();
        let mut state = FormState {
            template,
            languages,
            root,
            by_field: Findings::default(),
            by_rule: Findings::default(),
            deps: deps::Deps::default(),
            code_lists: None,
            config: None,
            has_expressions: false,
            params: Vec::new(),
        };
        state.params = crate::validate::param_values(&state.template, None);
        state.has_expressions = uses_expressions(&state.template);
        state.deps = deps::Deps::of(&state.template);
        Ok(state)
    }

    /// Supplies the code lists of the template's `external` lists (so their
    /// codes are checked and offered) and re-validates.
    pub fn with_code_lists(mut self, lists: std::sync::Arc<crate::codelists::CodeLists>) -> Self {
        self.code_lists = Some(lists);
        self.revalidate_all();
        self
    }

    /// Applies a call configuration at `step`: its input languages, its
    /// visibility per field and its parameters (`$step` and `$hiddenIds`
    /// those of `step`); re-validates.
    pub fn with_config(
        mut self,
        config: std::sync::Arc<crate::config::Config>,
        step: crate::config::Step,
    ) -> Self {
        self.set_config(config, step);
        self.revalidate_all();
        self
    }

    fn set_config(
        &mut self,
        config: std::sync::Arc<crate::config::Config>,
        step: crate::config::Step,
    ) {
        let config = if config.step() == step {
            config
        } else {
            std::sync::Arc::new((*config).clone().at_step(step))
        };
        self.languages = config.input_languages().to_vec();
        self.params = crate::validate::param_values(&self.template, Some(&config));
        self.config = Some((config, step));
    }

    /// The template.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// The data document as JSON.
    pub fn data(&self) -> serde_json::Value {
        write_record(&self.template.root, &self.root)
    }

    /// The data document as JSON text: the same text as
    /// `serde_json::to_string(&self.data())`, written without building the
    /// JSON values (what a widget sends after every change).
    pub fn data_text(&self) -> String {
        let mut out = String::new();
        crate::data::write_record_text(&self.template.root, &self.root, &mut out, false);
        out
    }

    /// The typed root record.
    pub fn root(&self) -> &Record {
        &self.root
    }

    /// All current findings, in form order (a full validation).
    pub fn issues(&self) -> Vec<Issue> {
        validate_root(&self.context(), &self.root)
    }

    /// The findings kept per field instance, flattened (what views show).
    pub fn field_issues(&self) -> impl Iterator<Item = &Issue> {
        self.by_field.all().chain(self.by_rule.all())
    }

    /// Whether the form has no error.
    pub fn is_valid(&self) -> bool {
        self.field_issues().all(|i| i.severity != crate::Severity::Error)
    }

    pub(crate) fn context(&self) -> Context<'_> {
        Context {
            template: &self.template,
            languages: &self.languages,
            code_lists: self.code_lists.as_deref(),
            config: self.config.as_ref().map(|(c, s)| (c.as_ref(), *s)),
            params: std::borrow::Cow::Borrowed(&self.params),
        }
    }

    /// Re-computes computed values, re-validates everything and regroups
    /// findings per field instance. Returns the pointers of computed values
    /// that changed.
    fn revalidate_all(&mut self) -> Vec<String> {
        // The context borrows the form while computing changes the records:
        // take the records out for the time being.
        let mut root = std::mem::take(&mut self.root);
        let computed = compute::compute_all(&self.context(), &mut root);
        self.root = root;
        let computed: Vec<String> = computed
            .iter()
            .filter_map(|(route, slot)| propagate::pointer_of(&self.template.root, route, *slot))
            .collect();
        let issues = validate_root(&self.context(), &self.root);
        self.by_rule = Findings::default();
        self.by_field = Findings::from_unsorted(self.file_rules(issues));
        computed
    }

    /// Files rule findings by (path, rule id) in `by_rule`; returns the
    /// others with the field instance each belongs to.
    fn file_rules(&mut self, issues: Vec<Issue>) -> Vec<(String, Issue)> {
        let mut owned = Vec::with_capacity(issues.len());
        for issue in issues {
            if let crate::Code::Rule(_) = issue.code {
                rule_insert(&mut self.by_rule, issue);
            } else {
                owned.push((self.owner(&issue.path), issue));
            }
        }
        owned
    }

    /// The pointer of the field instance an issue path belongs to.
    fn owner(&self, path: &str) -> String {
        match locate::locate(&self.template.root, &self.root, path) {
            Some(found) => {
                let rest = found.rest.len();
                let segs = segments(path).unwrap_or_default();
                let keep = segs.len().saturating_sub(rest);
                segs[..keep].iter().fold(String::new(), |p, s| crate::issue::pointer_push(&p, s))
            }
            None => path.to_owned(),
        }
    }
}

/// The rule id of a rule finding (its `rule` parameter).
fn rule_id(issue: &Issue) -> &str {
    issue.params.get("rule").and_then(|r| r.as_str()).unwrap_or_default()
}

/// Files a rule finding under its path, replacing the finding of the same
/// rule there; each path's list stays sorted by rule id.
fn rule_insert(by_rule: &mut Findings, issue: Issue) {
    let list = by_rule.list_mut(&issue.path);
    match list.binary_search_by(|i| rule_id(i).cmp(rule_id(&issue))) {
        Ok(at) => list[at] = issue,
        Err(at) => list.insert(at, issue),
    }
}

/// Takes out the finding of rule `id` at `path` (a path left without
/// findings is removed, so comparing maps compares findings).
fn rule_remove(by_rule: &mut Findings, path: &str, id: &str) -> Option<Issue> {
    let list = by_rule.get(path)?;
    let at = list.binary_search_by(|i| rule_id(i).cmp(id)).ok()?;
    let issue = by_rule.list_mut(path).remove(at);
    by_rule.remove_if_empty(path);
    Some(issue)
}

/// Whether a template has any expression.
fn uses_expressions(t: &Template) -> bool {
    fn group(g: &crate::template::Group) -> bool {
        !g.rules.is_empty()
            || g.fields.iter().any(|f| {
                [&f.visible, &f.required, &f.readonly]
                    .iter()
                    .any(|c| matches!(c, crate::template::Cond::Expr(_)))
                    || match &f.kind {
                        crate::template::FieldKind::Computed { .. } => true,
                        crate::template::FieldKind::Group(inner) => group(inner),
                        crate::template::FieldKind::Repeat(r) => group(&r.item),
                        _ => false,
                    }
            })
    }
    group(&t.root) || t.sections.iter().any(|s| matches!(s.visible, crate::template::Cond::Expr(_)))
}
