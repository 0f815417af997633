//! The read-only view (`readonly`): the same template and data shown as a
//! document (headings, label/value pairs, every section and list item
//! expanded), values as text, made for reading and for "print to PDF"
//! (style.css's `@media print`). What each field shows is the engine's
//! view; the values come from the data document.

use crate::form_view::Shared;
use crate::i18n::{ui, ui_with};
use hitforms_engine::{FieldKind, FormState, Group, Item, pointer_push};
use leptos::prelude::*;
use serde_json::Value;

/// The whole form as a document, labels in `lang`.
pub fn document(shared: &Shared, lang: &str) -> AnyView {
    let Some(sections) = shared.with_form(|form| {
        let t = form.template();
        let data = form.data();
        let title = t.title.get(lang).to_owned();
        let sections: Vec<AnyView> = t
            .sections
            .iter()
            .map(|section| {
                let items: Vec<AnyView> = section
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Field(slot) => {
                            let field = t.root.fields.get(*slot)?;
                            field_view(form, &data, field, &pointer_push("", &field.id), lang)
                        }
                        Item::Static(text) => Some(
                            view! { <p class="hf-static">{text.get(lang).to_owned()}</p> }
                                .into_any(),
                        ),
                    })
                    .collect();
                let title = section.title.get(lang).to_owned();
                view! {
                    <section class="hf-doc-section" part="section">
                        <h3>{title}</h3>
                        <dl>{items}</dl>
                    </section>
                }
                .into_any()
            })
            .collect();
        view! {
            <article class="hf-document" part="document">
                <h2>{title}</h2>
                {sections}
            </article>
        }
        .into_any()
    }) else {
        return ().into_any();
    };
    sections
}

/// The fields of a record at `base`.
fn record(form: &FormState, data: &Value, group: &Group, base: &str, lang: &str) -> Vec<AnyView> {
    group
        .fields
        .iter()
        .filter_map(|f| field_view(form, data, f, &pointer_push(base, &f.id), lang))
        .collect()
}

/// One field: a label/value pair, or a titled block for a group or list.
fn field_view(
    form: &FormState,
    data: &Value,
    field: &hitforms_engine::Field,
    pointer: &str,
    lang: &str,
) -> Option<AnyView> {
    let view = form.view(pointer, lang).filter(|v| v.visible)?;
    let label = view.label.clone();
    let block = |label: String, inner: Vec<AnyView>| {
        view! {
            <div class="hf-doc-group">
                <h4>{label}</h4>
                <dl>{inner}</dl>
            </div>
        }
        .into_any()
    };
    let value = data.pointer(pointer).unwrap_or(&Value::Null);
    let shown: AnyView = match &field.kind {
        FieldKind::Group(inner) => {
            return Some(block(label, record(form, data, inner, pointer, lang)));
        }
        FieldKind::Repeat(repeat) => {
            let items = (0..view.items.unwrap_or(0)).map(|i| {
                let base = pointer_push(pointer, &i.to_string());
                let number = (i + 1).to_string();
                let title = ui_with("doc.item", &[("label", &label), ("number", &number)]);
                block(title, record(form, data, &repeat.item, &base, lang))
            });
            return Some(block(label.clone(), items.collect()));
        }
        FieldKind::Multilingual { .. } if view.parts.iter().all(|p| p.text.is_empty()) => {
            text(String::new())
        }
        FieldKind::Multilingual { .. } => view
            .parts
            .iter()
            .filter(|p| !p.text.is_empty())
            .map(|p| {
                let code = p.language.clone().unwrap_or_default();
                view! {
                    <p class="hf-doc-text" lang=code.to_ascii_lowercase()>
                        <span class="hf-doc-lang">{code.clone()}</span>" "{p.text.clone()}
                    </p>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
            .into_any(),
        FieldKind::Bool => text(match value {
            Value::Bool(true) => ui("doc.yes").to_owned(),
            Value::Bool(false) => ui("doc.no").to_owned(),
            _ => String::new(),
        }),
        FieldKind::Select(_) | FieldKind::MultiSelect { .. } => {
            let option = |code: &Value| {
                let code = code.as_str().map_or_else(|| code.to_string(), str::to_owned);
                view.options.iter().find(|(c, _)| *c == code).map_or(code, |(_, l)| l.clone())
            };
            text(match value {
                Value::Array(codes) => codes.iter().map(option).collect::<Vec<_>>().join("; "),
                Value::Null => String::new(),
                one => option(one),
            })
        }
        _ => text(view.parts.first().map(|p| p.text.clone()).unwrap_or_default()),
    };
    Some(
        view! {
            <div class="hf-doc-field" data-field=view.id.clone()>
                <dt>{label}</dt>
                <dd>{shown}</dd>
            </div>
        }
        .into_any(),
    )
}

/// A value as text; "not filled in" when empty.
fn text(value: String) -> AnyView {
    if value.is_empty() {
        view! { <span class="hf-doc-empty">{ui("doc.empty")}</span> }.into_any()
    } else {
        view! { <p class="hf-doc-text">{value}</p> }.into_any()
    }
}
