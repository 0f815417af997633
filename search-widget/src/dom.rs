//! A few DOM helpers over web-sys: elements with text (never HTML), and
//! event listeners kept alive as long as the element is mounted.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget};

// The page's globals, imported directly: reaching them through
// `web_sys::window()` links js-sys' global-object lookup (four accessors
// and their glue) for nothing (docs/decisions.md).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: Document;
    /// `setTimeout(f, ms)`: the timer's id.
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(f: &js_sys::Function, ms: i32) -> i32;
    /// `clearTimeout(id)`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(id: i32);
}

/// The page's document.
pub fn document() -> Document {
    DOCUMENT.with(Document::clone)
}

/// A new `<tag>` with `class` (none when empty).
pub fn el(tag: &str, class: &str) -> Element {
    let e = document().create_element(tag).expect_throw("a valid tag");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// A new `<tag>` holding `text` as text.
pub fn text_el(tag: &str, class: &str, text: &str) -> Element {
    let e = el(tag, class);
    e.set_text_content(Some(text));
    e
}

/// Sets attribute `name` (attribute names here are constants: cannot fail).
pub fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Appends `child` to `parent`.
pub fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

/// Removes every child of `e`.
pub fn clear(e: &web_sys::Node) {
    e.set_text_content(None);
}

/// The event listeners of one mounted element; dropping them (on unmount)
/// frees the closures, after the DOM they listen on was removed.
#[derive(Default)]
pub struct Listeners(Vec<Closure<dyn FnMut(Event)>>);

impl Listeners {
    /// Calls `f` on every `event` at `target`.
    pub fn on(&mut self, target: &EventTarget, event: &str, f: impl FnMut(Event) + 'static) {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        self.0.push(closure);
    }
}
