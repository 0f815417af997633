//! The element's event handlers, attached once at mount, by delegation:
//! typing, filters, result keys and clicks, "show more", the card's buttons.

use crate::app::App;
use crate::dom::Listeners;
use crate::view::{PAGE, filter_of};
use hitforms_search::facets::FACETS;
use hitforms_search::msg::read_number;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, HtmlSelectElement, KeyboardEvent};

/// Focuses `e` when it is an HTML element.
pub fn focus(e: Option<Element>) {
    // Every element the element focuses is one of its own HTML elements.
    if let Some(e) = e {
        let _ = e.unchecked_into::<HtmlElement>().focus();
    }
}

/// The result button after (`1`) or before (`-1`) the one in `li`.
fn sibling_hit(li: &Element, step: i32) -> Option<Element> {
    let next = if step > 0 { li.next_element_sibling() } else { li.previous_element_sibling() };
    next.and_then(|n| n.first_element_child())
}

/// The `data-doc` of the button `event` happened on (or inside).
fn doc_of(event: &Event, selector: &str) -> Option<(Element, String)> {
    // Events reach these listeners from elements (`closest` fails safely
    // on anything else).
    let target: Element = event.target()?.unchecked_into();
    let button = target.closest(selector).ok()??;
    let doc = button.get_attribute("data-doc")?;
    Some((button, doc))
}

/// The handlers: typing, filters, result keys and clicks, more, card buttons.
pub fn attach(app: &Rc<RefCell<App>>, listeners: &mut Listeners) {
    let a = app.borrow();
    let ui = &a.ui;
    let this = app.clone();
    listeners.on(&ui.input, "input", move |_| {
        let mut app = this.borrow_mut();
        app.limit = PAGE;
        let status = app.run();
        app.announce_later(status);
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
            // The listener is on the select itself.
            let Some(select) = e.target().map(JsCast::unchecked_into::<HtmlSelectElement>) else {
                return;
            };
            let i = select.get_attribute("data-facet").and_then(|v| read_number(&v)).unwrap_or(0);
            let mut app = this.borrow_mut();
            let value = select.value();
            *filter_of(&mut app.filters, FACETS[(i as usize).min(FACETS.len() - 1)]) =
                Some(value).filter(|v| !v.is_empty());
            app.limit = PAGE;
            let status = app.run();
            app.announce(&status);
        });
    }
    let this = app.clone();
    listeners.on(&ui.list, "click", move |e| {
        if let Some((_, doc)) = doc_of(&e, "button.hf-hit") {
            this.borrow_mut().open(read_number(&doc).unwrap_or(u32::MAX));
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
        let status = app.run();
        app.announce(&status);
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
            this.borrow_mut().select(read_number(&doc).unwrap_or(u32::MAX));
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
