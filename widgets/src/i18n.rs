//! UI strings by stable key. This is the seam between the renderers (which
//! ask for a key) and the catalogs (which say it in the UI language): every
//! string the widget shows, other than template text and engine messages,
//! comes from here. English is built in and is every other catalog's fallback.

/// The English UI catalog, sorted by key (looked up by binary search).
const ENGLISH: &[(&str, &str)] = &[
    ("choice.no", "No"),
    ("choice.none", "Choose…"),
    ("choice.yes", "Yes"),
    ("combobox.matches", "{n} matches"),
    ("field.unit_money", "EUR"),
    ("field.unknown_kind", "this form uses a field kind that this version cannot show"),
    ("form.loading", "Loading the form…"),
    ("form.required_note", "Fields marked with an asterisk are required:"),
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

/// The UI string for `key`, or the key itself when no catalog has it (a
/// missing string is visible, never a blank).
pub fn ui(key: &str) -> &str {
    match ENGLISH.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(at) => ENGLISH[at].1,
        Err(_) => key,
    }
}
