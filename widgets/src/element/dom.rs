//! Plain DOM building for the element's own parts (the draft bar and the
//! read-only document). They are built once and changed by setting text,
//! so they need no reactive views: this keeps them small in the wasm
//! (docs/decisions.md). Text is always set as text, never parsed as HTML.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Element, Node};

/// A new `<tag class=…>` appended to `parent`.
pub fn add(parent: &Node, tag: &str, class: &str) -> Element {
    let el = crate::dom::document().create_element(tag).unwrap_throw();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    parent.append_child(&el).unwrap_throw();
    el
}

/// [`add`] with a text content.
pub fn add_text(parent: &Node, tag: &str, class: &str, text: &str) -> Element {
    let el = add(parent, tag, class);
    el.set_text_content(Some(text));
    el
}

/// Sets an attribute (names and values here are the widget's own, valid).
pub fn set(el: &Element, name: &str, value: &str) {
    el.set_attribute(name, value).unwrap_throw();
}
