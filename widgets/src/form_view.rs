//! The form: loads the template, holds the engine's form state, renders the
//! sections and feeds every input back to the engine. Which fields changed is
//! the engine's answer; only those fields' signals are updated.

use crate::bridge::dispatch_change;
use crate::fields::{FieldCtx, OnInput, render_field};
use crate::source::load_template;
use hitforms_engine::{FieldView, FormState, Item, pointer_push};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::Value;
use std::rc::Rc;
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
    move || match status.get() {
        Load::Loading => {
            view! { <p class="hf-status" role="status">{crate::i18n::ui("form.loading")}</p> }
                .into_any()
        }
        Load::Failed(summary, lines) => view! {
            <div class="hf-problem" role="alert">
                <p>{summary}</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Load::Ready => {
            view! { <FormView shared=shared.clone() lang=lang.clone() host=host.clone() /> }
                .into_any()
        }
    }
}

/// The loaded form: title, sections, fields.
#[component]
fn FormView(shared: Shared, lang: String, host: SendWrapper<HtmlElement>) -> impl IntoView {
    let Some((layout, views)) = shared.state.with_value(|s| {
        s.as_ref().map(|f| {
            let root = &f.template().root;
            let views: Vec<FieldView> = root
                .fields
                .iter()
                .filter_map(|field| f.view(&pointer_push("", &field.id), &lang))
                .collect();
            (Layout::of(f.template(), &lang), views)
        })
    }) else {
        return ().into_any();
    };
    let signals = Signals::of(views);

    let on_input: OnInput = {
        let (signals, state, lang) = (signals.clone(), shared.state.clone(), lang.clone());
        Rc::new(move |pointer: &str, language: Option<&str>, typed: &str| {
            let mut guard = state.write_value();
            let Some(form) = guard.as_mut() else { return };
            let changed = match language {
                Some(l) => form.set_translation(pointer, l, typed),
                None => form.set_input(pointer, typed),
            };
            // The engine refuses only pointers it does not know; nothing to show then.
            let Ok(changed): Result<Vec<String>, _> = changed else { return };
            for c in &changed {
                if let (Some((signal, _)), Some(view)) = (signals.get(c), form.view(c, &lang))
                    && signal.with_untracked(|old| *old != view)
                {
                    signal.set(view);
                }
            }
            let (data, valid) = (form.data(), form.is_valid());
            drop(guard);
            if let Some((_, touched)) = signals.get(pointer) {
                touched.set(true);
            }
            dispatch_change(&host, &data, valid, &changed);
        })
    };

    let show_all = shared.show_all.clone();
    let sections = layout.sections.into_iter().map(|(id, title, entries)| {
        let items = entries.into_iter().filter_map(|entry| {
            let pointer = match entry {
                Entry::Field(pointer) => pointer,
                Entry::Static(text) => {
                    return Some(view! { <p class="hf-static">{text}</p> }.into_any());
                }
            };
            let (view, touched) = signals.get(&pointer)?;
            let ctx = FieldCtx {
                view,
                show_errors: {
                    let (t, all) = (touched, show_all.clone());
                    Signal::derive(move || t.get() || all.get())
                },
                on_input: on_input.clone(),
            };
            Some(render_field(ctx))
        });
        view! {
            <fieldset class="hf-section" data-section=id>
                <legend>{title}</legend>
                {items.collect_view()}
            </fieldset>
        }
    });
    view! {
        <form class="hf-form" novalidate on:submit=|e| e.prevent_default()>
            <h2>{layout.title}</h2>
            <p class="hf-note">"Fields marked " <span aria-hidden="true">"*"</span> " are required."</p>
            {sections.collect_view()}
        </form>
    }
    .into_any()
}

/// Each root field's view and whether it was touched, by pointer. A vector
/// sorted by pointer rather than a HashMap: no hashing code in the wasm
/// (docs/decisions.md, "Size, measured").
#[derive(Clone)]
struct Signals(Vec<(String, RwSignal<FieldView>, RwSignal<bool>)>);

impl Signals {
    fn of(views: Vec<FieldView>) -> Signals {
        let mut all: Vec<(String, RwSignal<FieldView>, RwSignal<bool>)> = Vec::new();
        for view in views {
            let entry = (view.pointer.clone(), RwSignal::new(view), RwSignal::new(false));
            match all.binary_search_by(|(p, _, _)| p.cmp(&entry.0)) {
                Ok(at) => all[at] = entry,
                Err(at) => all.insert(at, entry),
            }
        }
        Signals(all)
    }

    fn get(&self, pointer: &str) -> Option<(RwSignal<FieldView>, RwSignal<bool>)> {
        let at = self.0.binary_search_by(|(p, _, _)| p.as_str().cmp(pointer)).ok()?;
        Some((self.0[at].1, self.0[at].2))
    }
}

/// What the form shows around its fields, in one UI language: owned, so that
/// rendering does not copy the template.
struct Layout {
    title: String,
    /// `(section id, title, entries)`.
    sections: Vec<(String, String, Vec<Entry>)>,
}

/// One entry of a section: a root field, by pointer, or a static text.
enum Entry {
    Field(String),
    Static(String),
}

impl Layout {
    fn of(t: &hitforms_engine::Template, lang: &str) -> Layout {
        let sections = t
            .sections
            .iter()
            .map(|section| {
                let entries = section
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Field(slot) => {
                            Some(Entry::Field(pointer_push("", &t.root.fields.get(*slot)?.id)))
                        }
                        Item::Static(text) => Some(Entry::Static(text.get(lang).to_owned())),
                    })
                    .collect();
                (section.id.clone(), section.title.get(lang).to_owned(), entries)
            })
            .collect();
        Layout { title: t.title.get(lang).to_owned(), sections }
    }
}
