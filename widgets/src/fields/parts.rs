//! Renderers for text, number and multilingual fields, built from one input
//! "part" each (a multilingual field has one part per input language).

use super::FieldCtx;
use hitforms_engine::{FieldView, Issue};
use leptos::prelude::*;

/// A single-input field (text, multi-line text, integer, decimal).
pub fn single(ctx: FieldCtx) -> AnyView {
    let (id, label, help, required) = header(&ctx);
    let base = format!("hf-{id}");
    let help_view = help_paragraph(&base, help.clone());
    view! {
        <div class="hf-field" data-field=id.clone()>
            <label for=base.clone() class="hf-label">{label}{required_mark(required)}</label>
            {help_view}
            {part(&ctx, 0, base, help.is_some(), true)}
        </div>
    }
    .into_any()
}

/// A multilingual field: a labelled group with one input per language.
pub fn multilingual(ctx: FieldCtx) -> AnyView {
    let (id, label, help, required) = header(&ctx);
    let base = format!("hf-{id}");
    let languages: Vec<String> = ctx.view.with_untracked(|v| {
        v.parts.iter().map(|p| p.language.clone().unwrap_or_default()).collect()
    });
    let parts = languages.into_iter().enumerate().map(|(i, code)| {
        let lower = code.to_ascii_lowercase();
        let part_id = format!("{base}-{lower}");
        view! {
            <div class="hf-part">
                <label for=part_id.clone() class="hf-lang-label">
                    <span lang=lower.clone()>{language_name(&code).to_owned()}</span>
                </label>
                {part(&ctx, i, part_id, help.is_some(), false)}
            </div>
        }
    });
    let field_errors = error_paragraph(format!("{base}-error"), whole_field_errors(&ctx));
    view! {
        <div class="hf-field hf-multilingual" data-field=id.clone()>
            <div role="group" aria-labelledby=format!("{base}-label")>
                <span class="hf-label" id=format!("{base}-label")>{label}{required_mark(required)}</span>
                {help_paragraph(&base, help.clone())}
                {parts.collect_view()}
                <div class="hf-messages" aria-live="polite">{field_errors}</div>
            </div>
        </div>
    }
    .into_any()
}

fn header(ctx: &FieldCtx) -> (String, String, Option<String>, bool) {
    ctx.view.with_untracked(|v| (v.id.clone(), v.label.clone(), v.help.clone(), v.required))
}

fn required_mark(required: bool) -> Option<impl IntoView> {
    required.then(|| view! { <span class="hf-req" aria-hidden="true">" *"</span> })
}

fn help_paragraph(base: &str, help: Option<String>) -> Option<impl IntoView + use<>> {
    let id = format!("{base}-help");
    help.map(|h| view! { <p class="hf-help" id=id>{h}</p> })
}

/// A field's errors as one text, when they are to be shown.
fn messages(issues: &[Issue]) -> Option<String> {
    (!issues.is_empty()).then(|| issues.iter().map(Issue::message).collect::<Vec<_>>().join(" "))
}

fn whole_field_errors(ctx: &FieldCtx) -> Signal<Option<String>> {
    let (view, show) = (ctx.view, ctx.show_errors);
    Signal::derive(move || if show.get() { view.with(|v| messages(&v.issues)) } else { None })
}

fn part_errors(ctx: &FieldCtx, index: usize, with_field_level: bool) -> Signal<Option<String>> {
    let (view, show) = (ctx.view, ctx.show_errors);
    Signal::derive(move || {
        if !show.get() {
            return None;
        }
        view.with(|v: &FieldView| {
            let mut issues = v.parts.get(index).map(|p| p.issues.clone()).unwrap_or_default();
            if with_field_level {
                issues.extend(v.issues.iter().cloned());
            }
            messages(&issues)
        })
    })
}

fn error_paragraph(id: String, text: Signal<Option<String>>) -> impl IntoView {
    move || text.get().map(|t| view! { <p class="hf-error" id=id.clone()>{t}</p> })
}

/// One input with its counter and errors. `single` says the field has only
/// this part, so field-level errors belong to it.
fn part(
    ctx: &FieldCtx,
    index: usize,
    input_id: String,
    has_help: bool,
    single: bool,
) -> impl IntoView {
    let (view, on_input) = (ctx.view, ctx.on_input.clone());
    let (field_id, pointer, kind, multiline, language, initial, max, required) = view
        .with_untracked(|v| {
            let p = &v.parts[index];
            (
                v.id.clone(),
                v.pointer.clone(),
                v.kind,
                v.multiline,
                p.language.clone(),
                p.text.clone(),
                p.max_length,
                v.required,
            )
        });
    let count_id = format!("{input_id}-count");
    let error_id = format!("{input_id}-error");
    let field_error_id = format!("hf-{field_id}-error");
    let errors = part_errors(ctx, index, single);
    let field_errors = whole_field_errors(ctx);
    let help_id = has_help.then(|| format!("hf-{field_id}-help"));
    let described_by = {
        let (count_id, error_id) = (count_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<&str> = help_id.iter().map(String::as_str).collect();
            if max.is_some() {
                ids.push(&count_id);
            }
            if errors.get().is_some() {
                ids.push(&error_id);
            }
            if !single && field_errors.get().is_some() {
                ids.push(&field_error_id);
            }
            ids.join(" ")
        }
    };
    let invalid = move || {
        (errors.get().is_some() || (!single && field_errors.get().is_some())).then_some("true")
    };
    let lang = language.as_ref().map(|l| l.to_ascii_lowercase());
    let handler = move |ev: web_sys::Event| {
        on_input(&pointer, language.as_deref(), &event_target_value(&ev));
    };
    let input = if multiline {
        view! {
            <textarea id=input_id class="hf-input" rows="6" lang=lang aria-required=required.then_some("true")
                aria-invalid=invalid aria-describedby=described_by prop:value=initial on:input=handler />
        }
        .into_any()
    } else {
        let mode = match kind {
            "integer" => Some("numeric"),
            "decimal" => Some("decimal"),
            _ => None,
        };
        view! {
            <input id=input_id class="hf-input" type="text" inputmode=mode lang=lang
                aria-required=required.then_some("true") aria-invalid=invalid
                aria-describedby=described_by prop:value=initial on:input=handler />
        }
        .into_any()
    };
    let counter = max.map(|max| {
        let length = move || view.with(|v| v.parts.get(index).map_or(0, |p| p.length));
        let over = move || length() > max as usize;
        view! { <span class="hf-counter" class:hf-over=over id=count_id>{length}"/"{max}</span> }
    });
    view! {
        {input}
        {counter}
        <div class="hf-messages" aria-live="polite">{error_paragraph(error_id, errors)}</div>
    }
}

/// The native name of an input language (Jems code), shown on its tab.
fn language_name(code: &str) -> &str {
    const NAMES: &[(&str, &str)] = &[
        ("BG", "български"),
        ("CS", "čeština"),
        ("DA", "dansk"),
        ("DE", "Deutsch"),
        ("EL", "Ελληνικά"),
        ("EN", "English"),
        ("ES", "español"),
        ("ET", "eesti"),
        ("FI", "suomi"),
        ("FR", "français"),
        ("GA", "Gaeilge"),
        ("HR", "hrvatski"),
        ("HU", "magyar"),
        ("IT", "italiano"),
        ("LT", "lietuvių"),
        ("LV", "latviešu"),
        ("MT", "Malti"),
        ("NL", "Nederlands"),
        ("PL", "polski"),
        ("PT", "português"),
        ("RO", "română"),
        ("SK", "slovenčina"),
        ("SL", "slovenščina"),
        ("SV", "svenska"),
    ];
    NAMES.iter().find(|(c, _)| *c == code).map_or(code, |(_, n)| n)
}
