//! A small imperative DOM builder with reactive bindings, used by the
//! renderers instead of `view!`: every Leptos view shape is its own set of
//! generic functions in the wasm (measured: the renderers written with
//! `view!` cost ~85 KB gzip), while these few functions are compiled once.
//! Reactivity is `crate::rx`'s: each binding is one effect over a boxed
//! closure, created under the current owner, so it is disposed with the
//! region that made it. Text is always set as text (never HTML).

use crate::rx::{Owner, on_cleanup};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event};

/// An element being built.
pub struct El(pub Element);

thread_local! {
    /// The page's document, fetched once: building an element then takes one
    /// call into JS instead of five (window, document, create, two drops).
    static DOCUMENT: web_sys::Document =
        web_sys::window().and_then(|w| w.document()).expect("a document");
}

/// The page's document.
pub fn document() -> web_sys::Document {
    DOCUMENT.with(Clone::clone)
}

/// The page's window.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Runs `f` before the next paint.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// A pending timeout; [`Timer::clear`] cancels it.
pub struct Timer(i32);

impl Timer {
    /// Cancels the timeout (nothing when it ran).
    pub fn clear(self) {
        window().clear_timeout_with_handle(self.0);
    }
}

/// Runs `f` after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
    let callback = Closure::once_into_js(f);
    let w = window();
    w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
        .map(Timer)
}

/// A new `<tag>` element.
pub fn el(tag: &str) -> El {
    El(DOCUMENT.with(|d| d.create_element(tag)).expect("a valid tag name"))
}

/// Keeps `value` alive until the current owner is cleaned up.
fn keep<T: 'static>(value: T) {
    on_cleanup(move || drop(value));
}

pub use crate::rx::effect;

impl El {
    /// Sets attribute `name`.
    pub fn a(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets attribute `name` when `value` is given.
    pub fn ao(self, name: &str, value: Option<&str>) -> El {
        match value {
            Some(v) => self.a(name, v),
            None => self,
        }
    }

    /// Sets the `class` attribute (through the property: no attribute name
    /// to pass into JS).
    pub fn class(self, value: &str) -> El {
        self.0.set_class_name(value);
        self
    }

    /// Sets the `id` attribute (through the property).
    pub fn id(self, value: &str) -> El {
        self.0.set_id(value);
        self
    }

    /// Appends a text node (`Element.append` with a string: one call into
    /// JS, and the text is never parsed as HTML).
    pub fn t(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends a child element.
    pub fn c(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child element when there is one.
    pub fn co(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.c(c),
            None => self,
        }
    }

    /// Appends children.
    pub fn kids(self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// Listens to `event` for as long as the current owner lives.
    pub fn on(self, event: &str, f: impl FnMut(Event) + 'static) -> El {
        let boxed: Box<dyn FnMut(Event)> = Box::new(f);
        let callback = Closure::wrap(boxed);
        let _ = self.0.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        keep(callback);
        self
    }

    /// Keeps attribute `name` equal to `f()` (absent when `None`).
    pub fn bind(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> El {
        self.bind_dyn(name, Box::new(f))
    }

    /// [`El::bind`], compiled once (the closure boxed: size).
    fn bind_dyn(self, name: &'static str, f: Box<dyn Fn() -> Option<String>>) -> El {
        let target = self.0.clone();
        effect(Box::new(move || match f() {
            Some(v) => {
                let _ = target.set_attribute(name, &v);
            }
            None => {
                let _ = target.remove_attribute(name);
            }
        }));
        self
    }

    /// Keeps the element's text equal to `f()`.
    pub fn bind_text(self, f: impl Fn() -> String + 'static) -> El {
        self.bind_text_dyn(Box::new(f))
    }

    /// [`El::bind_text`], compiled once.
    fn bind_text_dyn(self, f: Box<dyn Fn() -> String>) -> El {
        let target = self.0.clone();
        effect(Box::new(move || target.set_text_content(Some(&f()))));
        self
    }

    /// Sets the `value` property (of an input, textarea or select).
    pub fn value(self, value: &str) -> El {
        let _ = js_sys::Reflect::set(&self.0, &"value".into(), &value.into());
        self
    }

    /// Sets a boolean property (`checked`, `disabled`, `readOnly`, `hidden`…).
    pub fn flag(self, name: &str, on: bool) -> El {
        let _ = js_sys::Reflect::set(&self.0, &name.into(), &on.into());
        self
    }

    /// Keeps a boolean property equal to `f()`.
    pub fn bind_flag(self, name: &'static str, f: impl Fn() -> bool + 'static) -> El {
        self.bind_flag_dyn(name, Box::new(f))
    }

    /// [`El::bind_flag`], compiled once.
    fn bind_flag_dyn(self, name: &'static str, f: Box<dyn Fn() -> bool>) -> El {
        let target = self.0.clone();
        effect(Box::new(move || {
            let _ = js_sys::Reflect::set(&target, &name.into(), &f().into());
        }));
        self
    }

    /// Keeps the element's children equal to what `f` builds: rebuilt when a
    /// signal `f` read changes, the previous children's bindings and
    /// listeners disposed with them.
    pub fn region(self, f: impl Fn() -> Vec<El> + 'static) -> El {
        self.region_dyn(Box::new(f))
    }

    /// [`El::region`], compiled once (each caller's closure boxed: the
    /// 25 callers each had their own copy of this body, ~20 KB raw).
    fn region_dyn(self, f: Box<dyn Fn() -> Vec<El>>) -> El {
        let target = self.0.clone();
        effect(Box::new(move || {
            let owner = Owner::new();
            let children = owner.with(&f);
            target.set_text_content(None);
            for child in children {
                let _ = target.append_child(&child.0);
            }
            on_cleanup(move || owner.cleanup());
        }));
        self
    }
}

/// The element an event happened on, as `T` (the listener's own element
/// type: the renderers attach listeners only to elements they built).
pub fn event_target<T: JsCast>(ev: &Event) -> T {
    ev.target().expect("an event target").unchecked_into()
}

/// The `value` of the input, textarea or select an event happened on.
pub fn event_target_value(ev: &Event) -> String {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
