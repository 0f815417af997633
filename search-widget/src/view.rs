//! The element's DOM: search box, facet filters, live status, result list
//! (rendered a page at a time) and the attribution. Built once per mount;
//! each search refills the options, the status and the list. Every text
//! from the data is set as text, never as HTML.

use crate::dom::{add, attr, clear, el, text_el};
use crate::text::{T, facet_label, t};
use hitforms_search::facets::{Counts, FACETS, Facet};
use hitforms_search::msg::{concat, fill, number};
use hitforms_search::{Filters, Index, Results};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Hits rendered per page ("Show more results" adds a page).
pub const PAGE: usize = 50;

/// The elements a search updates.
pub struct Ui {
    /// The search box.
    pub input: HtmlInputElement,
    /// One select per facet, in `FACETS` order.
    pub facets: Vec<HtmlSelectElement>,
    /// The live region announcing the result count.
    pub status: Element,
    /// The results block (hidden while a detail card is open).
    pub results: Element,
    /// The result list.
    pub list: Element,
    /// "Show more results".
    pub more: HtmlElement,
    /// The detail card's container.
    pub detail: Element,
}

/// Builds the element's DOM into `container`.
pub fn build(container: &Element, lang: &str) -> Ui {
    let search = el("div", "hf-search");
    let label = text_el("label", "hf-label", t(lang, T::SearchLabel));
    attr(&label, "for", "hf-q");
    let hint = text_el("p", "hf-hint", t(lang, T::SearchHint));
    attr(&hint, "id", "hf-q-hint");
    let input: HtmlInputElement = el("input", "hf-input").unchecked_into();
    for (k, v) in [
        ("id", "hf-q"),
        ("type", "search"),
        ("autocomplete", "off"),
        ("spellcheck", "false"),
        ("aria-describedby", "hf-q-hint"),
        ("aria-controls", "hf-list"),
    ] {
        attr(&input, k, v);
    }
    for e in [&label, &hint, input.as_ref()] {
        add(&search, e);
    }
    add(container, &search);

    let filters = el("fieldset", "hf-filters");
    add(&filters, &text_el("legend", "", t(lang, T::Filters)));
    let facets = (0..FACETS.len())
        .map(|i| {
            let wrap = el("div", "hf-facet");
            let n = number(i as u64);
            let id = concat(&["hf-f", &n]);
            let label = text_el("label", "hf-label", facet_label(lang, i));
            attr(&label, "for", &id);
            let select: HtmlSelectElement = el("select", "hf-select").unchecked_into();
            attr(&select, "id", &id);
            attr(&select, "data-facet", &n);
            add(&wrap, &label);
            add(&wrap, &select);
            add(&filters, &wrap);
            select
        })
        .collect();
    add(container, &filters);

    let status = el("p", "hf-status");
    attr(&status, "role", "status");
    status.set_text_content(Some(t(lang, T::Loading)));
    add(container, &status);

    let results = el("section", "hf-results");
    attr(&results, "aria-label", t(lang, T::Results));
    let list = el("ul", "hf-list");
    attr(&list, "id", "hf-list");
    attr(&list, "aria-label", t(lang, T::Results));
    let more: HtmlElement = text_el("button", "hf-more", t(lang, T::ShowMore)).unchecked_into();
    attr(&more, "type", "button");
    more.set_hidden(true);
    add(&results, &list);
    add(&results, &more);
    add(container, &results);

    let detail = el("div", "hf-detail-box");
    add(container, &detail);
    add(container, &attribution(lang));
    Ui { input, facets, status, results, list, more, detail }
}

/// The keep.eu credit the licence asks for (credit, link, note of changes),
/// last in the element, so visible with the results and with a card.
pub fn attribution(lang: &str) -> Element {
    let p = el("p", "hf-attribution");
    add(&p, &text_el("span", "", t(lang, T::Attribution)));
    let a = text_el("a", "", "keep.eu");
    attr(&a, "href", "https://keep.eu/");
    attr(&a, "rel", "noopener noreferrer");
    add(&p, &a);
    add(&p, &text_el("span", "", t(lang, T::AttributionChanges)));
    p
}

/// The filter a facet sets.
pub fn filter_of(filters: &mut Filters, facet: Facet) -> &mut Option<String> {
    match facet {
        Facet::Country => &mut filters.country,
        Facet::Region => &mut filters.nuts,
        Facet::Programme => &mut filters.programme,
        Facet::LegalStatus => &mut filters.legal_status,
        Facet::PartnerType => &mut filters.partner_type,
        Facet::Objective => &mut filters.objective,
        Facet::Period => &mut filters.period,
    }
}

/// Refills the facet selects with the counts of `results`, keeping each
/// current choice (listed with 0 when nothing matches it any more).
pub fn render_facets(ui: &Ui, lang: &str, results: &Results, filters: &mut Filters) {
    for (i, select) in ui.facets.iter().enumerate() {
        let facet = FACETS[i];
        let empty = Counts::new();
        let counts = results.facets.iter().find(|(f, _)| *f == facet).map_or(&empty, |(_, c)| c);
        let chosen = filter_of(filters, facet).clone().unwrap_or_default();
        clear(select);
        add(select, &option("", t(lang, T::All)));
        let mut listed = chosen.is_empty();
        for (value, n) in counts {
            listed |= value.eq_ignore_ascii_case(&chosen);
            add(select, &option(value, &concat(&[value, " (", &number(*n as u64), ")"])));
        }
        if !listed {
            add(select, &option(&chosen, &concat(&[&chosen, " (0)"])));
        }
        select.set_value(&chosen);
    }
}

fn option(value: &str, label: &str) -> Element {
    let o = text_el("option", "", label);
    attr(&o, "value", value);
    o
}

/// Renders the hits of `results` grouped by organisation; returns the count
/// to announce (the caller decides when: see `App::announce`).
pub fn render_results(ui: &Ui, lang: &str, index: &Index, results: &Results) -> String {
    clear(&ui.list);
    for org in index.group(&results.hits) {
        let doc = org.participations[0];
        let p = &index.data.partners[doc as usize];
        let project = index.data.project_of(p);
        let li = el("li", "hf-item");
        let button = el("button", "hf-hit");
        attr(&button, "type", "button");
        attr(&button, "data-doc", &number(u64::from(doc)));
        add(&button, &text_el("span", "hf-name", &org.name));
        let mut meta = crate::detail::join(&[&p.town, &p.country], ", ");
        if !project.acronym.is_empty() {
            for part in [" · ", &project.acronym, " (", &project.period, ")"] {
                meta.push_str(part);
            }
        }
        if org.participations.len() > 1 {
            meta.push_str(" · +");
            meta.push_str(&number(org.participations.len() as u64 - 1));
        }
        add(&button, &text_el("span", "hf-meta", &meta));
        add(&li, &button);
        add(&ui.list, &li);
    }
    let n = number(results.total as u64);
    let status = match (results.total, results.relaxed) {
        (0, _) => t(lang, T::NoMatch).to_owned(),
        (1, false) => t(lang, T::MatchOne).to_owned(),
        (_, true) => fill(t(lang, T::Relaxed), &n),
        _ => fill(t(lang, T::Matches), &n),
    };
    ui.more.set_hidden(results.hits.len() >= results.total);
    status
}
