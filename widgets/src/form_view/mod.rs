//! The form: loads the template, holds the engine's form state, and renders
//! a long form one section at a time, with the section list (completion and
//! error counts from the engine's outline), an error summary whose links
//! move focus to the field, and a review step before submitting (WCAG
//! 3.3.4). Changes reach the engine through [`Form::apply`] (`store.rs`);
//! which fields changed is the engine's answer, and only those update.

mod nav;
mod store;

use crate::dom::{El, el};
use crate::rx::*;
use hitforms_engine::FormState;
use serde_json::Value;
pub use store::{Change, Form, dom_id};

/// State shared between the mounted view and the element's JS properties.
#[derive(Clone, Default)]
pub struct Shared {
    state: ArcStoredValue<Option<FormState>>,
    show_all: ArcRwSignal<bool>,
    /// The element's session (drafts, events, read-only; element/session.rs).
    pub session: crate::element::Session,
}

impl Shared {
    /// The data document, once the template has loaded.
    pub fn data(&self) -> Option<Value> {
        self.state.with_value(|s| s.as_ref().map(FormState::data))
    }

    /// Whether the form is loaded and has no error.
    pub fn valid(&self) -> bool {
        self.state.with_value(|s| s.as_ref().is_some_and(FormState::is_valid))
    }

    /// Runs `f` on the form state, once the template has loaded.
    pub fn with_form<R>(&self, f: impl FnOnce(&FormState) -> R) -> Option<R> {
        self.state.with_value(|s| s.as_ref().map(f))
    }

    /// Shows every field's errors, touched or not.
    pub fn show_all_errors(&self) {
        self.show_all.set(true);
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(String, Vec<String>),
}

/// The whole element content: a loading notice, the template's problems, or
/// the form. Plain DOM under the caller's reactive owner (no `view!`, no
/// `#[component]`: Leptos' view layer stays out of the wasm, see
/// docs/decisions.md "Widget renderers").
/// `source`: the `template` attribute (inline JSON or a URL); `lang`: the UI
/// language (lower-case code); `data`: the starting data document; `shared`:
/// state the element's properties read (its session holds the host).
pub fn form_element(source: String, lang: String, data: Value, shared: Shared) -> El {
    let status = RwSignal::new(Load::Loading);
    let state = shared.state.clone();
    let session = shared.session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match crate::source::load_form(&source, data, &session).await {
            Ok(form) => {
                state.set_value(Some(form));
                status.set(Load::Ready);
            }
            Err((summary, lines)) => status.set(Load::Failed(summary, lines)),
        }
    });
    el("div").class("hf-body").c(el("div").region(move || {
        vec![match status.get() {
            Load::Loading => {
                el("p").class("hf-status").a("role", "status").t(crate::i18n::ui("form.loading"))
            }
            Load::Failed(summary, lines) => el("div")
                .class("hf-problem")
                .a("role", "alert")
                .c(el("p").t(&summary))
                .c(el("ul").kids(lines.iter().map(|l| el("li").t(l)))),
            // Read-only: the session draws the document (element/document.rs).
            Load::Ready if shared.session.readonly() => el("div"),
            Load::Ready => nav::form_body(Form::new(shared.clone(), lang.clone())),
        }]
    }))
}
