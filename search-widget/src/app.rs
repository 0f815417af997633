//! The mounted element: its state (index, query, filters, page size, open
//! card) and the event handlers, attached once at mount with delegation.

use crate::dom::{Listeners, add, clear, clear_timeout, el, set_timeout};
use crate::text::{T, language, t};
use crate::view::{PAGE, Ui, build, filter_of, render_facets, render_results};
use crate::{detail, load, partner};
use hitforms_search::facets::FACETS;
use hitforms_search::msg::{concat, fill, number, read_number};
use hitforms_search::{Filters, Index, Query, Results};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, DocumentFragment, HtmlElement, ShadowRoot};

/// The element's state.
pub struct App {
    host: HtmlElement,
    lang: String,
    index: Option<Index>,
    pub(crate) filters: Filters,
    pub(crate) limit: usize,
    results: Results,
    pub(crate) ui: Ui,
    /// The pending announcement's timer (typing), if any, and its text.
    timer: Option<i32>,
    pending: String,
    /// The timer's callback (the closure lives in [`Mounted`]).
    tick: Option<js_sys::Function>,
}

/// How long typing must pause before the count is announced: one
/// announcement per pause, not one per keystroke.
const ANNOUNCE_AFTER_MS: i32 = 400;

/// Kept by the element's handle: dropping it drops the listeners (and,
/// with the last reference, the index).
pub struct Mounted {
    app: Rc<RefCell<App>>,
    _listeners: Listeners,
    _tick: Closure<dyn FnMut()>,
}

impl Drop for Mounted {
    /// A pending announcement must not call the freed closure.
    fn drop(&mut self) {
        if let Ok(mut app) = self.app.try_borrow_mut()
            && let Some(id) = app.timer.take()
        {
            clear_timeout(id);
        }
    }
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
        timer: None,
        pending: String::new(),
        tick: None,
    }));
    let weak = Rc::downgrade(&app);
    let tick = Closure::<dyn FnMut()>::new(move || {
        if let Some(app) = weak.upgrade() {
            let mut app = app.borrow_mut();
            app.timer = None;
            let text = std::mem::take(&mut app.pending);
            app.announce(&text);
        }
    });
    app.borrow_mut().tick = Some(tick.as_ref().unchecked_ref::<js_sys::Function>().clone());
    let mut listeners = Listeners::default();
    crate::handlers::attach(&app, &mut listeners);
    let (index_url, data_urls) = (host.get_attribute("index"), host.get_attribute("data"));
    let urls: Vec<String> = match (index_url, data_urls) {
        (Some(url), _) if !url.trim().is_empty() => vec![url.trim().to_owned()],
        (_, Some(urls)) => urls.split_whitespace().map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    let prebuilt = host.get_attribute("index").is_some_and(|u| !u.trim().is_empty());
    let refused = match prebuilt {
        false if urls.is_empty() => Some("set the `index` or the `data` attribute".to_owned()),
        false if !cfg!(feature = "import") => Some(load::NO_IMPORT.to_owned()),
        _ => None,
    };
    if let Some(why) = refused {
        app.borrow_mut().failed(why);
    } else {
        let loading = app.clone();
        let names: js_sys::Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
        // Called once (by `element.js`), then freed; it keeps the state
        // alive until the files arrive, as a pending fetch would.
        let done = Closure::once_into_js(move |value: JsValue| {
            let loaded = load::fetched(value).and_then(|files| match prebuilt {
                true => load::index(&urls[0], files.into_iter().next().ok_or("no file")?),
                false => load::data(&urls.iter().map(String::as_str).collect::<Vec<_>>(), files),
            });
            let mut app = loading.borrow_mut();
            match loaded {
                Ok(index) => app.loaded(index),
                Err(e) => app.failed(e),
            }
        });
        crate::fetch_all(names, &done);
    }
    Mounted { app, _listeners: listeners, _tick: tick }
}

impl App {
    /// Takes the loaded index and shows the first results.
    fn loaded(&mut self, index: Index) {
        // keep.eu holds the 2000-2020 periods; 2021-2027 data is from elsewhere.
        if !index.data.projects.iter().any(|p| p.period.as_str() < "2021") {
            let container = self.ui.status.parent_element();
            if let Some(credit) = container.and_then(|c| c.last_element_child())
                && credit.class_name() == "hf-attribution"
            {
                credit.remove();
            }
        }
        self.index = Some(index);
        let status = self.run();
        self.announce(&status);
    }

    /// Says why nothing could be loaded.
    fn failed(&mut self, why: String) {
        let text = concat(&[t(&self.lang, T::LoadFailed), " ", &why]);
        self.ui.status.set_text_content(Some(&text));
    }

    /// Shows `text` in the live region now (and drops a pending one).
    pub(crate) fn announce(&mut self, text: &str) {
        if let Some(id) = self.timer.take() {
            clear_timeout(id);
        }
        self.ui.status.set_text_content(Some(text));
    }

    /// Shows `text` in the live region once typing pauses for
    /// [`ANNOUNCE_AFTER_MS`]: one announcement per pause.
    pub(crate) fn announce_later(&mut self, text: String) {
        if let Some(id) = self.timer.take() {
            clear_timeout(id);
        }
        self.pending = text;
        if let Some(tick) = &self.tick {
            self.timer = Some(set_timeout(tick, ANNOUNCE_AFTER_MS));
        }
    }

    /// Runs the current query and renders it; returns the count to announce.
    pub(crate) fn run(&mut self) -> String {
        let Some(index) = &self.index else { return String::new() };
        let mut query = Query::new(&self.ui.input.value());
        query.filters = self.filters.clone();
        query.limit = self.limit;
        self.results = index.search(&query);
        render_facets(&self.ui, &self.lang, &self.results, &mut self.filters);
        render_results(&self.ui, &self.lang, index, &self.results)
    }

    /// Opens the card of participation `doc` and moves focus to its title.
    pub(crate) fn open(&mut self, doc: u32) {
        let Some(index) = &self.index else { return };
        if doc as usize >= index.len() {
            return;
        }
        clear(&self.ui.detail);
        add(&self.ui.detail, &detail::card(index, doc, &self.lang));
        self.ui.results.set_attribute("hidden", "").ok();
        crate::handlers::focus(self.ui.detail.query_selector("h3").ok().flatten());
    }

    /// Closes the card and returns focus to its result.
    pub(crate) fn close(&mut self, doc: &str) {
        clear(&self.ui.detail);
        self.ui.results.remove_attribute("hidden").ok();
        // `doc` is one of our own numbers: anything else matches nothing.
        let doc = number(u64::from(read_number(doc).unwrap_or(u32::MAX)));
        let selector = concat(&["button[data-doc=\"", &doc, "\"]"]);
        crate::handlers::focus(self.ui.list.query_selector(&selector).ok().flatten());
    }

    /// "Use as partner": the event, then the named form.
    pub(crate) fn select(&mut self, doc: u32) {
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
        let mut message = fill(t(&self.lang, T::Selected), name);
        if let Some(id) = self.host.get_attribute("form").filter(|f| !f.is_empty()) {
            let filled = find_form(&self.host, &id)
                .is_some_and(|form| partner::fill_form(&form, index, doc, &self.lang));
            message = match filled {
                true => fill(t(&self.lang, T::FormFilled), name),
                false => t(&self.lang, T::FormNotFilled).to_owned(),
            };
        }
        self.announce(&message);
    }
}

/// The element with id `id` in the host's tree (document or shadow root).
fn find_form(host: &HtmlElement, id: &str) -> Option<JsValue> {
    let root = host.get_root_node();
    // A shadow root looks up ids as a document does (one import for both).
    let found = match root.is_instance_of::<DocumentFragment>() {
        true => root.unchecked_ref::<Document>().get_element_by_id(id),
        false => crate::dom::document().get_element_by_id(id),
    };
    found.map(JsValue::from)
}
