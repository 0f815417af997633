//! UI strings and engine messages by stable key, in the UI language.
//!
//! This is the seam between the renderers (which ask for a key) and the
//! catalogs (which say it in the UI language): every string the widget
//! shows, other than template text, comes from here. English is built in and
//! is every other catalog's fallback. Other languages are JSON files next to
//! the wasm (`dist/i18n/<lang>.json`, from the repository's `i18n/`), fetched
//! once when that language is first chosen, so the wasm carries none of them.
//! The current catalog is per page (thread-local): the language last chosen
//! by any form applies to all forms of the page.

use hitforms_engine::Issue;
use std::cell::{Cell, RefCell};

/// The English UI catalog, sorted by key (looked up by binary search).
const ENGLISH: &[(&str, &str)] = &[
    ("choice.no", "No"),
    ("choice.none", "Choose…"),
    ("choice.yes", "Yes"),
    ("combobox.matches", "{n} matches"),
    ("data.export", "Export data (JSON)"),
    ("data.exported", "The data was downloaded as {name}."),
    ("data.import", "Import data (JSON)"),
    ("data.import_bad_json", "The file {name} is not valid JSON ({detail}). Nothing was changed."),
    (
        "data.import_not_object",
        "The file {name} does not hold form data (a JSON object). Nothing was changed.",
    ),
    ("data.import_unreadable", "The file {name} could not be read ({detail})."),
    ("data.imported", "The data from {name} was imported."),
    ("doc.empty", "Not filled in"),
    ("doc.item", "{label} {number}"),
    ("doc.no", "No"),
    ("doc.yes", "Yes"),
    ("draft.clear", "Clear draft"),
    ("draft.clear_confirm", "Remove your draft from this device and empty the form?"),
    ("draft.cleared", "The draft was removed from this device."),
    (
        "draft.migrated",
        "Your draft of version {old} was restored into version {new} of this form: check every section (values that no longer fit are kept and marked).",
    ),
    ("draft.off", "Automatic saving is off: export your data to keep it."),
    ("draft.read_failed", "The draft on this device could not be read ({detail}); it is kept."),
    ("draft.restored", "Your draft saved {time} was restored."),
    ("draft.save_failed", "Not saved on this device ({detail}). Export your data to keep it."),
    ("draft.saved", "Draft saved on this device at {time}."),
    ("draft.saving", "Saving the draft…"),
    ("draft.unsaved", "Changes not saved yet."),
    ("field.unit_money", "EUR"),
    ("field.unknown_kind", "this form uses a field kind that this version cannot show"),
    ("form.config_problems", "The call configuration has problems:"),
    ("form.config_unloadable", "The call configuration could not be loaded from {url}."),
    (
        "form.config_unsupported",
        "This build of the form cannot apply a call configuration (the config attribute).",
    ),
    ("form.loading", "Loading the form…"),
    ("form.no_template", "This form has no template attribute."),
    ("form.required_note", "Fields marked with an asterisk are required:"),
    ("form.template_problems", "The form template has problems:"),
    ("form.template_unloadable", "The form template could not be loaded from {url}."),
    ("form.unusable_data", "The form data is unusable."),
    ("list.add", "Add to {list}"),
    ("list.added", "{item} added."),
    ("list.cancel", "Cancel"),
    ("list.confirm_remove", "Remove {item}?"),
    ("list.hide", "Hide"),
    ("list.item", "Item {n}"),
    ("list.move_down", "Move down"),
    ("list.move_up", "Move up"),
    ("list.moved", "{item} moved to position {n}."),
    ("list.remove", "Remove"),
    ("list.remove_confirm", "Yes, remove"),
    ("list.removed", "{item} removed."),
    ("list.show", "Show"),
    ("nav.complete", "Complete"),
    ("nav.error_one", "1 error"),
    ("nav.errors", "{n} errors"),
    ("nav.in_progress", "In progress"),
    ("nav.label", "Form sections"),
    ("nav.next", "Next section"),
    ("nav.not_started", "Not started"),
    ("nav.previous", "Previous section"),
    ("nav.review", "Review and submit"),
    ("nav.section_hidden", "This section does not apply to this application."),
    ("nav.to_review", "Review and submit"),
    ("review.errors", "Errors"),
    ("review.intro", "Check each section before you submit. Select a section to change it."),
    ("review.section", "Section"),
    ("review.state", "State"),
    ("review.submit", "Submit"),
    ("review.submitted", "The form was submitted."),
    ("review.title", "Review your answers"),
    ("summary.more", "And {n} more."),
    ("summary.title", "There are {n} errors to correct"),
    ("summary.title_one", "There is 1 error to correct"),
    ("table.actions", "Row actions"),
    ("table.row", "Row"),
    ("table.total", "Total"),
];

/// UI languages with a shipped catalog besides English. Adding one of the 24
/// EU languages is adding `i18n/<code>.json` and its code here.
pub const SHIPPED: &[&str] = &["de", "fr"];

/// A catalog read from a language file: its JSON as read (looked up by key
/// in serde_json's sorted map; no copy into other structures).
struct Catalog {
    lang: String,
    /// Where it was fetched from (catalogs of one language from two places
    /// are two catalogs).
    base: String,
    json: serde_json::Value,
}

thread_local! {
    /// The loaded template's rule messages in the UI language, by rule code
    /// (sorted): a template's own findings are translated by the template.
    static RULES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// Catalogs read so far (kept for the page's life: switching back is free).
    static LOADED: RefCell<Vec<&'static Catalog>> = const { RefCell::new(Vec::new()) };
    /// The catalog in use; `None` is English.
    static CURRENT: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
}

/// The text under `part` (`ui` or `messages`) and `key` of a catalog.
fn find<'a>(catalog: &'a Catalog, part: &str, key: &str) -> Option<&'a str> {
    catalog.json.get(part)?.get(key)?.as_str()
}

/// The UI string for `key` in the current language, else English, else the
/// key itself (a missing string is visible, never a blank).
pub fn ui(key: &str) -> &str {
    if let Some(text) = CURRENT.get().and_then(|c| find(c, "ui", key)) {
        return text;
    }
    match ENGLISH.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(at) => ENGLISH[at].1,
        Err(_) => key,
    }
}

/// [`ui`] with its `{name}` placeholders filled.
pub fn ui_with(key: &str, params: &[(&str, &str)]) -> String {
    let values: Vec<(&str, serde_json::Value)> =
        params.iter().map(|(k, v)| (*k, serde_json::Value::from(*v))).collect();
    hitforms_engine::messages::fill(ui(key), &|name| {
        values.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    })
}

/// An engine issue's message in the current language. (A template rule's
/// own message is in the template: when the widget gets the expression
/// language, and with it rules, `Template::message_with` gives it.)
pub fn issue_text(issue: &Issue) -> String {
    if let hitforms_engine::Code::Rule(code) = &issue.code {
        let found = RULES.with_borrow(|rules| {
            let at = rules.binary_search_by(|(c, _)| c.as_str().cmp(code)).ok()?;
            Some(hitforms_engine::messages::interpolate(&rules[at].1, issue))
        });
        return found.unwrap_or_else(|| code.to_string());
    }
    let cat = CURRENT.get();
    hitforms_engine::messages::message_with(
        &|key| cat.and_then(|c| find(c, "messages", key)),
        issue,
    )
}

/// Makes `lang` the current language, fetching its catalog the first time
/// from `base` (a URL ending in `/`). A language without a shipped catalog,
/// or one whose file cannot be read, falls back to English (logged). A
/// fetch that ends after the page chose other catalogs (`catalogs` set
/// while it ran: the form it was for has re-mounted) changes nothing.
pub async fn use_language(lang: &str, base: &str) {
    if !SHIPPED.contains(&lang) {
        CURRENT.set(None);
        return;
    }
    let cached =
        LOADED.with_borrow(|l| l.iter().copied().find(|c| c.lang == lang && c.base == base));
    let catalog = match cached {
        Some(c) => Some(c),
        None => match crate::drafts::fetch_text(&format!("{base}{lang}.json")).await {
            Ok(text) => match parse(lang, base, &text) {
                Some(c) => {
                    let c: &'static Catalog = Box::leak(Box::new(c));
                    LOADED.with_borrow_mut(|l| l.push(c));
                    Some(c)
                }
                None => warn(lang, "not a catalog"),
            },
            Err(e) => warn(lang, &e),
        },
    };
    if crate::element::catalog_base() == base {
        CURRENT.set(catalog);
    }
}

fn warn(lang: &str, why: &str) -> Option<&'static Catalog> {
    let text = format!("hitforms: the {lang} catalog could not be used ({why}); English is shown");
    web_sys::console::warn_1(&text.into());
    None
}

/// Reads a language file: `{"ui": {key: text}, "messages": {code: text}}`.
fn parse(lang: &str, base: &str, text: &str) -> Option<Catalog> {
    let json = hitforms_engine::json::parse(text).ok()?;
    let usable =
        ["ui", "messages"].iter().all(|part| json.get(part).is_some_and(|p| p.is_object()));
    usable.then(|| Catalog { lang: lang.to_owned(), base: base.to_owned(), json })
}

/// Reads a language file as if fetched (the browser tests have no server
/// for `i18n/`).
#[cfg(test)]
pub fn install(lang: &str, text: &str) {
    let catalog: &'static Catalog =
        Box::leak(Box::new(parse(lang, &crate::element::catalog_base(), text).expect("a catalog")));
    LOADED.with_borrow_mut(|l| l.push(catalog));
}

/// The English UI keys and texts (for the catalog tests).
#[cfg(test)]
pub fn english() -> &'static [(&'static str, &'static str)] {
    ENGLISH
}

/// Takes the rule messages of `template` in UI language `lang` (each rule's
/// `message`, English where it has none in `lang`) for [`issue_text`].
pub fn use_template(template: &hitforms_engine::Template, lang: &str) {
    fn walk(group: &hitforms_engine::Group, lang: &str, out: &mut Vec<(String, String)>) {
        for rule in &group.rules {
            out.push((rule.code.clone(), rule.message.get(lang).to_owned()));
        }
        for field in &group.fields {
            match &field.kind {
                hitforms_engine::FieldKind::Group(inner) => walk(inner, lang, out),
                hitforms_engine::FieldKind::Repeat(r) => walk(&r.item, lang, out),
                _ => {}
            }
        }
    }
    let mut rules = Vec::new();
    walk(&template.root, lang, &mut rules);
    rules.sort_by(|a, b| a.0.cmp(&b.0));
    rules.dedup_by(|a, b| a.0 == b.0);
    RULES.set(rules);
}
