//! The detail card of one organisation: identity, address, region, status,
//! website (a link only when it is a plain http(s) address), every project
//! it took part in, and the "use as partner" and "back" buttons.

use crate::dom::{add, attr, el, text_el};
use crate::text::{T, t};
use hitforms_search::Index;
use hitforms_search::msg::{concat, number};
use web_sys::Element;

/// `url` as a safe link target: http(s) only, no spaces or control
/// characters; a bare `www.` address gets `https://`.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"') {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Some(url.to_owned())
    } else if lower.starts_with("www.") {
        Some(concat(&["https://", url]))
    } else {
        None
    }
}

/// Joins the non-empty parts with `sep` (by hand: `[&str]::join` is
/// larger in wasm).
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|s| !s.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// Adds a `<dt>`/`<dd>` pair to `dl` when `value` is not empty.
fn row(dl: &Element, label: &str, value: &str) {
    if !value.is_empty() {
        add(dl, &text_el("dt", "", label));
        add(dl, &text_el("dd", "", value));
    }
}

/// The card of participation `doc` (its organisation and all its projects).
/// (The keep.eu credit stays visible below the card: `view::build`.)
pub fn card(index: &Index, doc: u32, lang: &str) -> Element {
    let p = &index.data.partners[doc as usize];
    let card = el("section", "hf-detail");
    attr(&card, "aria-labelledby", "hf-detail-title");
    let title = text_el("h3", "hf-detail-title", &p.organisation);
    attr(&title, "id", "hf-detail-title");
    attr(&title, "tabindex", "-1");
    add(&card, &title);

    let dl = el("dl", "hf-facts");
    row(&dl, t(lang, T::Department), &p.department);
    let town = join(&[&p.postal_code, &p.town], " ");
    row(&dl, t(lang, T::Address), &join(&[&p.street, &town, &p.country], ", "));
    let code = p.nuts.iter().rev().find(|c| !c.is_empty()).map_or("", String::as_str);
    row(&dl, t(lang, T::Region), &join(&[code, &p.region], " – "));
    row(&dl, t(lang, T::Status), &join(&[&p.legal_status, &p.partner_type], " · "));
    if !p.website.is_empty() {
        add(&dl, &text_el("dt", "", t(lang, T::Website)));
        let dd = el("dd", "");
        match safe_url(&p.website) {
            Some(href) => {
                let a = text_el("a", "", &p.website);
                attr(&a, "href", &href);
                attr(&a, "rel", "noopener noreferrer nofollow");
                add(&dd, &a);
            }
            None => dd.set_text_content(Some(&p.website)),
        }
        add(&dl, &dd);
    }
    add(&card, &dl);

    add(&card, &text_el("h4", "hf-projects-title", t(lang, T::Projects)));
    let list = el("ul", "hf-projects");
    for d in index.participations_of(doc) {
        let part = &index.data.partners[d as usize];
        let project = index.data.project_of(part);
        let li = el("li", "");
        let name = join(&[&project.acronym, &project.title], " – ");
        if !name.is_empty() {
            add(&li, &text_el("span", "hf-project", &name));
        }
        let meta = join(&[&project.programme, &project.period, &part.role], " · ");
        add(&li, &text_el("span", "hf-meta", &meta));
        add(&list, &li);
    }
    add(&card, &list);

    let actions = el("div", "hf-actions");
    for (class, label) in [("hf-use", T::UseAsPartner), ("hf-back", T::Back)] {
        let b = text_el("button", class, t(lang, label));
        attr(&b, "type", "button");
        attr(&b, "data-doc", &number(u64::from(doc)));
        add(&actions, &b);
    }
    add(&card, &actions);
    card
}

#[cfg(test)]
mod tests {
    use super::safe_url;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn only_http_addresses_become_links() {
        assert_eq!(safe_url("https://keep.eu/x").as_deref(), Some("https://keep.eu/x"));
        assert_eq!(safe_url(" www.muse.it ").as_deref(), Some("https://www.muse.it"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(safe_url("http://a b"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url(""), None);
    }
}
