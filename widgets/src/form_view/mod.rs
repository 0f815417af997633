//! The form: loads the template, holds the engine's form state, and renders
//! a long form one section at a time, with the section list (completion and
//! error counts from the engine's outline), an error summary whose links
//! move focus to the field, and a review step before submitting (WCAG
//! 3.3.4). Changes reach the engine through [`Form::apply`] (`store.rs`);
//! which fields changed is the engine's answer, and only those update.

mod nav;
mod store;

use crate::dom::el;
use crate::source::load_template;
use hitforms_engine::FormState;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::Value;
pub use store::{Change, Form, dom_id};
use web_sys::HtmlElement;

/// State shared between the mounted view and the element's JS properties.
#[derive(Clone, Default)]
pub struct Shared {
    state: ArcStoredValue<Option<FormState>>,
    show_all: ArcRwSignal<bool>,
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

/// The whole element content: a loading notice, the template's problems, or the form.
#[component]
pub fn FormElement(
    /// The `template` attribute: inline JSON or a URL.
    source: String,
    /// UI language (lower-case code).
    lang: String,
    /// The starting data document.
    data: Value,
    /// State the element's properties read.
    shared: Shared,
    /// The custom element, target of the CustomEvents.
    host: HtmlElement,
) -> impl IntoView {
    let status = RwSignal::new(Load::Loading);
    let state = shared.state.clone();
    leptos::task::spawn_local(async move {
        match load_template(&source).await {
            Ok(template) => match FormState::new(template, data) {
                Ok(form) => {
                    state.set_value(Some(form));
                    status.set(Load::Ready);
                }
                Err(issue) => status.set(Load::Failed(
                    crate::i18n::ui("form.unusable_data").into(),
                    vec![issue.message()],
                )),
            },
            Err((summary, lines)) => status.set(Load::Failed(summary, lines)),
        }
    });
    let host = SendWrapper::new(host);
    // Everything inside is built with `dom.rs` (no `view!` shapes: size).
    let body = NodeRef::<leptos::html::Div>::new();
    let built = std::cell::Cell::new(false);
    Effect::new(move |_| {
        let Some(div) = body.get() else { return };
        if built.replace(true) {
            return;
        }
        let (shared, lang, host) = (shared.clone(), lang.clone(), host.clone());
        let content = el("div").region(move || {
            vec![match status.get() {
                Load::Loading => el("p")
                    .class("hf-status")
                    .a("role", "status")
                    .t(crate::i18n::ui("form.loading")),
                Load::Failed(summary, lines) => el("div")
                    .class("hf-problem")
                    .a("role", "alert")
                    .c(el("p").t(&summary))
                    .c(el("ul").kids(lines.iter().map(|l| el("li").t(l)))),
                Load::Ready => {
                    let form = Form::new(
                        shared.state.clone(),
                        shared.show_all.clone(),
                        lang.clone(),
                        host.clone(),
                    );
                    nav::form_body(form)
                }
            }]
        });
        let _ = div.append_child(&content.0);
    });
    view! { <div class="hf-body" node_ref=body></div> }
}
