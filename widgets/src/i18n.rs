//! UI strings by stable key. This is the seam between the renderers (which
//! ask for a key) and the catalogs (which say it in the UI language): every
//! string the widget shows, other than template text and engine messages,
//! comes from here. English is built in and is every other catalog's fallback.

/// The English UI catalog, sorted by key (looked up by binary search).
const ENGLISH: &[(&str, &str)] =
    &[("form.loading", "Loading the form…"), ("form.unusable_data", "The form data is unusable.")];

/// The UI string for `key`, or the key itself when no catalog has it (a
/// missing string is visible, never a blank).
pub fn ui(key: &str) -> &str {
    match ENGLISH.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(at) => ENGLISH[at].1,
        Err(_) => key,
    }
}
