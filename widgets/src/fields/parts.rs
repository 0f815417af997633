//! The pieces every renderer is built from (label, help, errors linked by
//! `aria-describedby` / `aria-invalid`, counters), and the renderers of
//! single-input fields (text, numbers, dates), multilingual text (one input
//! per language, `lang` set) and computed values (read-only).

use super::FieldCtx;
use crate::dom::{El, el, event_target_value};
use crate::form_view::Change;
use crate::i18n::ui;
use crate::rx::*;
use hitforms_engine::{FieldView, Issue};

/// A single-input field: text, multi-line text, a number or a date.
pub fn single(ctx: FieldCtx) -> El {
    let base = ctx.base_id();
    let help = ctx.view.with_untracked(|v| v.help.clone());
    let field =
        field_box(&ctx, "hf-field").c(label(&ctx, &base)).co(help_paragraph(&base, help.clone()));
    part(&ctx, field, 0, base, help.is_some(), true)
}

/// The field's outer element (`hf-cell` in a table).
pub fn field_box(ctx: &FieldCtx, class: &str) -> El {
    let class = if ctx.cell.is_some() { format!("{class} hf-cell") } else { class.to_owned() };
    el("div").class(&class)
}

/// A multilingual field: a labelled group with one input per language.
pub fn multilingual(ctx: FieldCtx) -> El {
    let base = ctx.base_id();
    let (help, languages) = ctx.view.with_untracked(|v| {
        let languages: Vec<String> =
            v.parts.iter().map(|p| p.language.clone().unwrap_or_default()).collect();
        (v.help.clone(), languages)
    });
    let mut group = el("div")
        .a("role", "group")
        .a("aria-labelledby", &format!("{base}-label"))
        .c(label(&ctx, &base))
        .co(help_paragraph(&base, help.clone()));
    for (i, code) in languages.into_iter().enumerate() {
        let lower = code.to_ascii_lowercase();
        let part_id = format!("{base}-{lower}");
        let name = el("span").a("lang", &lower).t(language_name(&code));
        let holder = el("div")
            .class("hf-part")
            .c(el("label").a("for", &part_id).class("hf-lang-label").c(name));
        group = group.c(part(&ctx, holder, i, part_id, help.is_some(), false));
    }
    let errors = messages_box(format!("{base}-error"), whole_field_errors(&ctx));
    field_box(&ctx, "hf-field hf-multilingual").c(group.c(errors))
}

/// A computed value: read-only text. It is announced through the form's
/// polite live region once input pauses ([`crate::form_view::Form::apply`]),
/// not on every keystroke.
pub fn computed(ctx: FieldCtx) -> El {
    let base = ctx.base_id();
    let view = ctx.view;
    let output = el("output")
        .id(&base)
        .class("hf-output")
        .a("aria-live", "off")
        .a("aria-labelledby", &format!("{base}-label"))
        .bind_text(move || {
            view.with(|v| v.parts.first().map(|p| p.text.clone()).unwrap_or_default())
        });
    field_box(&ctx, "hf-field hf-computed").c(label(&ctx, &base)).c(output)
}

/// The field's label (`for` its input when it has one input): visually
/// hidden in a table cell, where the column header shows it, and then
/// completed with the row's number.
pub fn label(ctx: &FieldCtx, base: &str) -> El {
    let (text, kind, required) = ctx.view.with_untracked(|v| (v.label.clone(), v.kind, v.required));
    let single = !matches!(kind, "multilingualText" | "computed");
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
    el("label")
        .id(&format!("{base}-label"))
        .ao("for", single.then_some(base))
        .class(class)
        .t(&text)
        .co(required_mark(required))
}

/// The ` *` after a required field's label (hidden from screen readers,
/// which hear `aria-required`).
pub fn required_mark(required: bool) -> Option<El> {
    required.then(|| el("span").class("hf-req").a("aria-hidden", "true").t(" *"))
}

/// The help text under a label.
pub fn help_paragraph(base: &str, help: Option<String>) -> Option<El> {
    help.map(|h| el("p").class("hf-help").id(&format!("{base}-help")).t(&h))
}

/// A field's errors as one text, when they are to be shown.
fn messages(issues: &[Issue]) -> Option<String> {
    (!issues.is_empty())
        .then(|| issues.iter().map(crate::i18n::issue_text).collect::<Vec<_>>().join(" "))
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

/// The polite region holding the error paragraph `id` (what
/// `aria-describedby` points at) while there are errors to show.
pub fn messages_box(id: String, text: Signal<Option<String>>) -> El {
    el("div").class("hf-messages").a("aria-live", "polite").region(move || {
        text.get().map(|t| el("p").class("hf-error").id(&id).t(&t)).into_iter().collect()
    })
}

/// The errors of a one-part field (its part's and its own), when shown.
pub fn single_errors(ctx: &FieldCtx) -> Signal<Option<String>> {
    part_errors(ctx, 0, true)
}

/// Binds `aria-describedby` (help, extra ids, errors when shown) and
/// `aria-invalid` on a control whose errors are `errors` and whose error
/// paragraph is `{id}-error`.
pub fn describe(
    control: El,
    id: &str,
    help: Option<String>,
    extra: Option<String>,
    errors: Signal<Option<String>>,
    field_errors: Option<(String, Signal<Option<String>>)>,
) -> El {
    let error_id = format!("{id}-error");
    let field_errors_for_invalid = field_errors.as_ref().map(|f| f.1);
    control
        .bind("aria-describedby", move || {
            let mut ids: Vec<&str> = help.iter().chain(extra.iter()).map(String::as_str).collect();
            if errors.get().is_some() {
                ids.push(&error_id);
            }
            if let Some((fid, f)) = &field_errors
                && f.get().is_some()
            {
                ids.push(fid);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
        .bind("aria-invalid", move || {
            let field = field_errors_for_invalid.is_some_and(|f| f.get().is_some());
            (errors.get().is_some() || field).then(|| "true".to_owned())
        })
}

/// One input with its counter and errors, appended to `holder`. `single`
/// says the field has only this part, so field-level errors belong to it.
fn part(
    ctx: &FieldCtx,
    holder: El,
    index: usize,
    input_id: String,
    has_help: bool,
    single: bool,
) -> El {
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
    let errors = part_errors(ctx, index, single);
    let field_errors = (!single).then(|| (format!("{base}-error"), whole_field_errors(ctx)));
    let form = ctx.form.clone();
    let lang = language.as_ref().map(|l| l.to_ascii_lowercase());
    let (ty, mode) = match kind {
        "integer" => ("text", Some("numeric")),
        "decimal" | "money" | "percentage" => ("text", Some("decimal")),
        "date" => ("date", None),
        _ => ("text", None),
    };
    let control = if multiline { el("textarea").a("rows", "6") } else { el("input").a("type", ty) };
    let control = control
        .id(&input_id)
        .class(if mode.is_some() { "hf-input hf-num" } else { "hf-input" })
        .ao("inputmode", mode)
        .ao("lang", lang.as_deref())
        .ao("aria-required", required.then_some("true"))
        .flag("readOnly", readonly)
        .value(&initial)
        .on("input", move |ev| {
            let text = event_target_value(&ev);
            let change = match &language {
                Some(l) => Change::Translation(l, &text),
                None => Change::Input(&text),
            };
            let _ = form.apply(&pointer, change);
        });
    let help = has_help.then(|| format!("{base}-help"));
    let control =
        describe(control, &input_id, help, max.map(|_| count_id.clone()), errors, field_errors);
    let counter = max.map(|max| {
        el("span")
            .class("hf-counter")
            .id(&count_id)
            .bind("class", move || {
                let over = view.with(|v| v.parts.get(index).map_or(0, |p| p.length)) > max as usize;
                Some(if over { "hf-counter hf-over" } else { "hf-counter" }.to_owned())
            })
            .bind_text(move || {
                format!("{}/{max}", view.with(|v| v.parts.get(index).map_or(0, |p| p.length)))
            })
    });
    holder.c(control).co(counter).c(messages_box(format!("{input_id}-error"), errors))
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
