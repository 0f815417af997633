//! The mounted element: its state (index, query, filters, page size, open
//! card) and the event handlers, attached once at mount with delegation.

use crate::dom::{Listeners, add, clear, el};
use crate::text::{T, language, t};
use crate::view::{PAGE, Ui, build, filter_of, render_facets, render_results};
use crate::{detail, load, partner};
use hitforms_search::facets::FACETS;
use hitforms_search::{Filters, Index, Query, Results};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{
    CustomEvent, CustomEventInit, DocumentFragment, Element, Event, HtmlElement, HtmlSelectElement,
    KeyboardEvent, ShadowRoot,
};

/// The element's state.
pub struct App {
    host: HtmlElement,
    lang: String,
    index: Option<Index>,
    filters: Filters,
    limit: usize,
    results: Results,
    ui: Ui,
}

/// Kept by the element's handle: dropping it drops the listeners (and,
/// with the last reference, the index).
pub struct Mounted {
    _app: Rc<RefCell<App>>,
    _listeners: Listeners,
}

/// The preset filters read from the host's attributes.
fn preset(host: &HtmlElement) -> Filters {
    let mut filters = Filters::default();
    // In `FACETS` order.
    let names =
        ["country", "nuts", "programme", "legal-status", "partner-type", "objective", "period"];
    for (facet, name) in FACETS.into_iter().zip(names) {
        let value = host.get_attribute(name).filter(|v| !v.trim().is_empty());
        *filter_of(&mut filters, facet) = value.map(|v| v.trim().to_owned());
    }
    filters
}

/// Builds the DOM into `root`, starts loading, attaches the handlers.
pub fn mount(host: HtmlElement, root: &ShadowRoot) -> Mounted {
    let page = crate::dom::document().document_element().and_then(|e| e.get_attribute("lang"));
    let lang = language(host.get_attribute("lang"), page);
    let container = el("div", "hf-root");
    let _ = root.append_child(&container);
    // Whether keep.eu data may be shown is known only once loaded; the
    // credit is shown from the start and removed if no record needs it.
    let ui = build(&container, &lang);
    let filters = preset(&host);
    let app = Rc::new(RefCell::new(App {
        host: host.clone(),
        lang,
        index: None,
        filters,
        limit: PAGE,
        results: Results::default(),
        ui,
    }));
    let mut listeners = Listeners::default();
    attach(&app, &mut listeners);
    let loading = app.clone();
    let (index_url, data_urls) = (host.get_attribute("index"), host.get_attribute("data"));
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match (index_url, data_urls) {
            (Some(url), _) if !url.trim().is_empty() => load::index(url.trim()).await,
            (_, Some(urls)) if !urls.trim().is_empty() => load::data(&urls).await,
            _ => Err("set the `index` or the `data` attribute".to_owned()),
        };
        let mut app = loading.borrow_mut();
        match loaded {
            Ok(index) => {
                // keep.eu holds the 2000-2020 periods; 2021-2027 data is from elsewhere.
                if !index.data.projects.iter().any(|p| p.period.as_str() < "2021") {
                    let container = app.ui.status.parent_element();
                    if let Some(credit) = container.and_then(|c| c.last_element_child())
                        && credit.class_name() == "hf-attribution"
                    {
                        credit.remove();
                    }
                }
                app.index = Some(index);
                app.run();
            }
            Err(e) => {
                let text = format!("{} {e}", t(&app.lang, T::LoadFailed));
                app.ui.status.set_text_content(Some(&text));
            }
        }
    });
    Mounted { _app: app, _listeners: listeners }
}

impl App {
    /// Runs the current query and renders it.
    fn run(&mut self) {
        let Some(index) = &self.index else { return };
        let mut query = Query::new(&self.ui.input.value());
        query.filters = self.filters.clone();
        query.limit = self.limit;
        self.results = index.search(&query);
        render_facets(&self.ui, &self.lang, &self.results, &mut self.filters);
        render_results(&self.ui, &self.lang, index, &self.results);
    }

    /// Opens the card of participation `doc` and moves focus to its title.
    fn open(&mut self, doc: u32) {
        let Some(index) = &self.index else { return };
        if doc as usize >= index.len() {
            return;
        }
        clear(&self.ui.detail);
        add(&self.ui.detail, &detail::card(index, doc, &self.lang));
        self.ui.results.set_attribute("hidden", "").ok();
        focus(self.ui.detail.query_selector("h3").ok().flatten());
    }

    /// Closes the card and returns focus to its result.
    fn close(&mut self, doc: &str) {
        clear(&self.ui.detail);
        self.ui.results.remove_attribute("hidden").ok();
        let selector = format!("button[data-doc=\"{}\"]", doc.replace(['"', '\\'], ""));
        focus(self.ui.list.query_selector(&selector).ok().flatten());
    }

    /// "Use as partner": the event, then the named form.
    fn select(&mut self, doc: u32) {
        let Some(index) = self.index.as_ref().filter(|i| (doc as usize) < i.len()) else { return };
        let detail = partner::detail(index, doc);
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = CustomEvent::new_with_event_init_dict("hitforms-partner-selected", &init)
        {
            let _ = self.host.dispatch_event(&event);
        }
        let name = &index.data.partners[doc as usize].organisation;
        let mut message = t(&self.lang, T::Selected).replace("{name}", name);
        if let Some(id) = self.host.get_attribute("form").filter(|f| !f.is_empty()) {
            let filled = find_form(&self.host, &id)
                .is_some_and(|form| partner::fill_form(&form, index, doc, &self.lang));
            message = match filled {
                true => t(&self.lang, T::FormFilled).replace("{name}", name),
                false => t(&self.lang, T::FormNotFilled).to_owned(),
            };
        }
        self.ui.status.set_text_content(Some(&message));
    }
}

/// The element with id `id` in the host's tree (document or shadow root).
fn find_form(host: &HtmlElement, id: &str) -> Option<JsValue> {
    let root = host.get_root_node();
    let found = match root.dyn_ref::<DocumentFragment>() {
        Some(fragment) => fragment.get_element_by_id(id),
        None => crate::dom::document().get_element_by_id(id),
    };
    found.map(JsValue::from)
}

/// Focuses `e` when it is an HTML element.
fn focus(e: Option<Element>) {
    if let Some(e) = e.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// The result button after (`1`) or before (`-1`) the one in `li`.
fn sibling_hit(li: &Element, step: i32) -> Option<Element> {
    let next = if step > 0 { li.next_element_sibling() } else { li.previous_element_sibling() };
    next.and_then(|n| n.first_element_child())
}

/// The `data-doc` of the button `event` happened on (or inside).
fn doc_of(event: &Event, selector: &str) -> Option<(Element, String)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let button = target.closest(selector).ok()??;
    let doc = button.get_attribute("data-doc")?;
    Some((button, doc))
}

/// The handlers: typing, filters, result keys and clicks, more, card buttons.
fn attach(app: &Rc<RefCell<App>>, listeners: &mut Listeners) {
    let a = app.borrow();
    let ui = &a.ui;
    let this = app.clone();
    listeners.on(&ui.input, "input", move |_| {
        let mut app = this.borrow_mut();
        app.limit = PAGE;
        app.run();
    });
    let this = app.clone();
    listeners.on(&ui.input, "keydown", move |e| {
        let key = e.unchecked_ref::<KeyboardEvent>().key();
        if key == "ArrowDown" {
            e.prevent_default();
            focus(
                this.borrow().ui.list.first_element_child().and_then(|li| li.first_element_child()),
            );
        }
    });
    for select in &ui.facets {
        let this = app.clone();
        listeners.on(select, "change", move |e| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            let i: usize =
                select.get_attribute("data-facet").and_then(|v| v.parse().ok()).unwrap_or(0);
            let mut app = this.borrow_mut();
            let value = select.value();
            *filter_of(&mut app.filters, FACETS[i.min(FACETS.len() - 1)]) =
                Some(value).filter(|v| !v.is_empty());
            app.limit = PAGE;
            app.run();
        });
    }
    let this = app.clone();
    listeners.on(&ui.list, "click", move |e| {
        if let Some((_, doc)) = doc_of(&e, "button.hf-hit") {
            this.borrow_mut().open(doc.parse().unwrap_or(u32::MAX));
        }
    });
    let this = app.clone();
    listeners.on(&ui.list, "keydown", move |e| {
        let key = e.unchecked_ref::<KeyboardEvent>().key();
        let Some((button, _)) = doc_of(&e, "button.hf-hit") else { return };
        let Some(li) = button.parent_element() else { return };
        let app = this.borrow();
        let target = match key.as_str() {
            "ArrowDown" => sibling_hit(&li, 1),
            "ArrowUp" => sibling_hit(&li, -1).or_else(|| Some(app.ui.input.clone().into())),
            "Home" => app.ui.list.first_element_child().and_then(|l| l.first_element_child()),
            "End" => app.ui.list.last_element_child().and_then(|l| l.first_element_child()),
            _ => return,
        };
        e.prevent_default();
        focus(target);
    });
    let this = app.clone();
    listeners.on(&ui.more, "click", move |_| {
        let mut app = this.borrow_mut();
        let shown = app.ui.list.child_element_count();
        app.limit += PAGE;
        app.run();
        let mut li = app.ui.list.first_element_child();
        for _ in 0..shown {
            li = li.and_then(|l| l.next_element_sibling());
        }
        focus(li.and_then(|l| l.first_element_child()));
    });
    let this = app.clone();
    listeners.on(&ui.detail, "click", move |e| {
        if let Some((_, doc)) = doc_of(&e, "button.hf-back") {
            this.borrow_mut().close(&doc);
        } else if let Some((_, doc)) = doc_of(&e, "button.hf-use") {
            this.borrow_mut().select(doc.parse().unwrap_or(u32::MAX));
        }
    });
    let this = app.clone();
    listeners.on(&ui.detail, "keydown", move |e| {
        if e.unchecked_ref::<KeyboardEvent>().key() != "Escape" {
            return;
        }
        let back = this.borrow().ui.detail.query_selector(".hf-back").ok().flatten();
        if let Some(doc) = back.and_then(|b| b.get_attribute("data-doc")) {
            this.borrow_mut().close(&doc);
        }
    });
}
