//! The pieces every renderer is built from (label, help, errors linked by
//! `aria-describedby` / `aria-invalid`, counters), and the renderers of
//! single-input fields (text, numbers, dates), multilingual text (one input
//! per language, `lang` set) and computed values (read-only).

use super::FieldCtx;
use crate::form_view::Change;
use crate::i18n::ui;
use hitforms_engine::{FieldView, Issue};
use leptos::prelude::*;

/// A single-input field: text, multi-line text, a number or a date.
pub fn single(ctx: FieldCtx) -> AnyView {
    let base = ctx.base_id();
    let help = ctx.view.with_untracked(|v| v.help.clone());
    view! {
        <div class="hf-field" class:hf-cell=ctx.cell.is_some()>
            {label(&ctx, &base)}
            {help_paragraph(&base, help.clone())}
            {part(&ctx, 0, base, help.is_some(), true)}
        </div>
    }
    .into_any()
}

/// A multilingual field: a labelled group with one input per language.
pub fn multilingual(ctx: FieldCtx) -> AnyView {
    let base = ctx.base_id();
    let (help, languages) = ctx.view.with_untracked(|v| {
        (
            v.help.clone(),
            v.parts.iter().map(|p| p.language.clone().unwrap_or_default()).collect::<Vec<_>>(),
        )
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
        <div class="hf-field hf-multilingual" class:hf-cell=ctx.cell.is_some()>
            <div role="group" aria-labelledby=format!("{base}-label")>
                {label(&ctx, &base)}
                {help_paragraph(&base, help.clone())}
                {parts.collect_view()}
                <div class="hf-messages" aria-live="polite">{field_errors}</div>
            </div>
        </div>
    }
    .into_any()
}

/// A computed value: read-only text. It is announced through the form's
/// polite live region once input pauses ([`crate::form_view::Form::apply`]),
/// not on every keystroke.
pub fn computed(ctx: FieldCtx) -> AnyView {
    let base = ctx.base_id();
    let view = ctx.view;
    let text = move || view.with(|v| v.parts.first().map(|p| p.text.clone()).unwrap_or_default());
    view! {
        <div class="hf-field hf-computed" class:hf-cell=ctx.cell.is_some()>
            {label(&ctx, &base)}
            <output id=base.clone() class="hf-output" aria-live="off" aria-labelledby=format!("{base}-label")>
                {text}
            </output>
        </div>
    }
    .into_any()
}

/// The field's label (`for` its input when it has one input): visually
/// hidden in a table cell, where the column header shows it, and then
/// completed with the row's number.
pub fn label(ctx: &FieldCtx, base: &str) -> AnyView {
    let (text, kind, required, single) = ctx.view.with_untracked(|v| {
        (
            v.label.clone(),
            v.kind,
            v.required,
            !matches!(v.kind, "multilingualText" | "computed" | "boolean"),
        )
    });
    let unit = match kind {
        "money" => Some(ui("field.unit_money")),
        "percentage" => Some("%"),
        _ => None,
    };
    let mut text = match unit {
        Some(u) => format!("{text} ({u})"),
        None => text,
    };
    if let Some(row) = &ctx.cell {
        text = format!("{text}, {row}");
    }
    let class = if ctx.cell.is_some() { "hf-label hf-sr" } else { "hf-label" };
    view! {
        <label id=format!("{base}-label") for=single.then(|| base.to_owned()) class=class>
            {text}{required_mark(required)}
        </label>
    }
    .into_any()
}

fn required_mark(required: bool) -> Option<impl IntoView> {
    required.then(|| view! { <span class="hf-req" aria-hidden="true">" *"</span> })
}

/// The help text under a label.
pub fn help_paragraph(base: &str, help: Option<String>) -> Option<impl IntoView + use<>> {
    let id = format!("{base}-help");
    help.map(|h| view! { <p class="hf-help" id=id>{h}</p> })
}

/// A field's errors as one text, when they are to be shown.
fn messages(issues: &[Issue]) -> Option<String> {
    (!issues.is_empty()).then(|| issues.iter().map(Issue::message).collect::<Vec<_>>().join(" "))
}

/// The findings about the field as a whole, when they are to be shown.
pub fn whole_field_errors(ctx: &FieldCtx) -> Signal<Option<String>> {
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

/// The error paragraph `id` (what `aria-describedby` points at).
pub fn error_paragraph(id: String, text: Signal<Option<String>>) -> impl IntoView {
    move || text.get().map(|t| view! { <p class="hf-error" id=id.clone()>{t}</p> })
}

/// The `aria-describedby` and `aria-invalid` of a one-part field's control
/// `base`: its help (when it has one) and its errors (when shown).
pub fn described(
    base: &str,
    has_help: bool,
    errors: Signal<Option<String>>,
) -> (
    impl Fn() -> Option<String> + Send + Sync + 'static,
    impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) {
    let help = has_help.then(|| format!("{base}-help"));
    let error_id = format!("{base}-error");
    let described = move || {
        let ids: Vec<&str> = help
            .iter()
            .map(String::as_str)
            .chain(errors.get().map(|_| error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    (described, move || errors.get().is_some().then_some("true"))
}

/// The errors of a one-part field (its part's and its own), when shown.
pub fn single_errors(ctx: &FieldCtx) -> Signal<Option<String>> {
    part_errors(ctx, 0, true)
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
    let view = ctx.view;
    let (base, pointer, kind, multiline, language, initial, max, required, readonly) = view
        .with_untracked(|v| {
            let p = &v.parts[index];
            let base = crate::form_view::dom_id(&v.pointer);
            (
                base,
                v.pointer.clone(),
                v.kind,
                v.multiline,
                p.language.clone(),
                p.text.clone(),
                p.max_length,
                v.required,
                v.readonly,
            )
        });
    let count_id = format!("{input_id}-count");
    let error_id = format!("{input_id}-error");
    let field_error_id = format!("{base}-error");
    let errors = part_errors(ctx, index, single);
    let field_errors = whole_field_errors(ctx);
    let help_id = has_help.then(|| format!("{base}-help"));
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
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        (errors.get().is_some() || (!single && field_errors.get().is_some())).then_some("true")
    };
    let lang = language.as_ref().map(|l| l.to_ascii_lowercase());
    let form = ctx.form.clone();
    let handler = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        let change = match &language {
            Some(l) => Change::Translation(l, &text),
            None => Change::Input(&text),
        };
        let _ = form.apply(&pointer, change);
    };
    let input = if multiline {
        view! {
            <textarea id=input_id class="hf-input" rows="6" lang=lang aria-required=required.then_some("true")
                readonly=readonly aria-invalid=invalid aria-describedby=described_by prop:value=initial on:input=handler />
        }
        .into_any()
    } else {
        let (ty, mode) = match kind {
            "integer" => ("text", Some("numeric")),
            "decimal" | "money" | "percentage" => ("text", Some("decimal")),
            "date" => ("date", None),
            _ => ("text", None),
        };
        view! {
            <input id=input_id class="hf-input" type=ty inputmode=mode lang=lang readonly=readonly
                class:hf-num=mode.is_some() aria-required=required.then_some("true") aria-invalid=invalid
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

/// The native name of an input language (Jems code).
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
