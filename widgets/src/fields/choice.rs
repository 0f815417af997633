//! Choices: yes/no and short lists as radio buttons, multi-selects as
//! checkboxes (one renderer), selects as a native `<select>`, and long code
//! lists (1,500 NUTS regions) as an ARIA combobox filtered as one types.

use super::FieldCtx;
use super::parts::{described, error_paragraph, help_paragraph, label, single, single_errors};
use crate::form_view::Change;
use crate::i18n::ui;
use leptos::prelude::*;

/// Above this many options a select is a searchable combobox.
const COMBOBOX_FROM: usize = 15;
/// The most matches a combobox lists at once.
const SHOWN_MATCHES: usize = 50;

/// Yes/no: two radio buttons (unanswered stays possible: neither checked).
pub fn boolean(ctx: FieldCtx) -> AnyView {
    let options = vec![
        ("true".to_owned(), ui("choice.yes").to_owned()),
        ("false".to_owned(), ui("choice.no").to_owned()),
    ];
    choices(ctx, options, false)
}

/// Several codes: one checkbox each.
pub fn multi(ctx: FieldCtx) -> AnyView {
    let options = ctx.view.with_untracked(|v| v.options.clone());
    choices(ctx, options, true)
}

/// One code: a native select, a combobox for long lists, or a text input
/// when no options are known (a code list not supplied to the form).
pub fn select(ctx: FieldCtx) -> AnyView {
    let count = ctx.view.with_untracked(|v| v.options.len());
    match count {
        0 => single(ctx),
        n if n >= COMBOBOX_FROM => combobox(ctx),
        _ => native_select(ctx),
    }
}

/// Radio buttons or checkboxes in a fieldset whose legend is the label.
fn choices(ctx: FieldCtx, options: Vec<(String, String)>, multiple: bool) -> AnyView {
    let base = ctx.base_id();
    let (text, help, required, pointer, current) = ctx.view.with_untracked(|v| {
        let current: Vec<String> = if multiple {
            serde_json::from_str::<Vec<String>>(
                &v.parts.first().map(|p| p.text.clone()).unwrap_or_default(),
            )
            .unwrap_or_default()
        } else {
            v.parts.first().map(|p| vec![p.text.clone()]).unwrap_or_default()
        };
        (v.label.clone(), v.help.clone(), v.required, v.pointer.clone(), current)
    });
    let errors = single_errors(&ctx);
    let (described_by, invalid) = described(&base, help.is_some(), errors);
    let legend = match &ctx.cell {
        Some(row) => format!("{text}, {row}"),
        None => text,
    };
    let kind = if multiple { "checkbox" } else { "radio" };
    let items = options.into_iter().enumerate().map(|(i, (code, option))| {
        let id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
        let (form, pointer, checked) = (ctx.form.clone(), pointer.clone(), current.contains(&code));
        let name = base.clone();
        let on_change = move |ev: web_sys::Event| {
            let target: web_sys::HtmlInputElement = event_target(&ev);
            if multiple {
                // The codes checked now, in list order, read from the fieldset.
                let Some(set) = target.closest("fieldset").ok().flatten() else { return };
                let Ok(boxes) = set.query_selector_all("input:checked") else { return };
                let codes: Vec<serde_json::Value> = (0..boxes.length())
                    .filter_map(|i| boxes.item(i))
                    .filter_map(|n| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(n).ok()
                    })
                    .map(|b| serde_json::Value::String(b.value()))
                    .collect();
                let value = if codes.is_empty() { serde_json::Value::Null } else { codes.into() };
                let _ = form.apply(&pointer, Change::Value(value));
            } else {
                let _ = form.apply(&pointer, Change::Input(&target.value()));
            }
        };
        view! {
            <label class="hf-option">
                <input type=kind id=id name=name value=code checked=checked on:change=on_change />
                " " {option}
            </label>
        }
    });
    view! {
        <fieldset class="hf-field hf-choices" class:hf-cell=ctx.cell.is_some() aria-describedby=described_by
            role=(!multiple).then_some("radiogroup") aria-invalid=invalid
            aria-required=(required && !multiple).then_some("true")>
            <legend class="hf-label" class:hf-sr=ctx.cell.is_some()>
                {legend}{required.then(|| view! { <span class="hf-req" aria-hidden="true">" *"</span> })}
            </legend>
            {help_paragraph(&base, help)}
            <div class="hf-option-list">{items.collect_view()}</div>
            <div class="hf-messages" aria-live="polite">{error_paragraph(format!("{base}-error"), errors)}</div>
        </fieldset>
    }
    .into_any()
}

fn native_select(ctx: FieldCtx) -> AnyView {
    let base = ctx.base_id();
    let (help, required, pointer, current, options) = ctx.view.with_untracked(|v| {
        let current = v.parts.first().map(|p| p.text.clone()).unwrap_or_default();
        (v.help.clone(), v.required, v.pointer.clone(), current, v.options.clone())
    });
    let errors = single_errors(&ctx);
    let (described_by, invalid) = described(&base, help.is_some(), errors);
    let form = ctx.form.clone();
    let on_change = move |ev: web_sys::Event| {
        let _ = form.apply(&pointer, Change::Input(&event_target_value(&ev)));
    };
    let options = options.into_iter().map(|(code, text)| {
        let selected = code == current;
        view! { <option value=code selected=selected>{text}</option> }
    });
    view! {
        <div class="hf-field" class:hf-cell=ctx.cell.is_some()>
            {label(&ctx, &base)}
            {help_paragraph(&base, help)}
            <select id=base.clone() class="hf-input" aria-required=required.then_some("true")
                aria-invalid=invalid aria-describedby=described_by on:change=on_change>
                <option value="">{ui("choice.none")}</option>
                {options.collect_view()}
            </select>
            <div class="hf-messages" aria-live="polite">{error_paragraph(format!("{base}-error"), errors)}</div>
        </div>
    }
    .into_any()
}

/// The ARIA APG "combobox with listbox popup" (list autocomplete, manual
/// selection): typing filters by label or code, ArrowDown/ArrowUp move
/// through the matches, Enter chooses, Escape closes.
fn combobox(ctx: FieldCtx) -> AnyView {
    let base = ctx.base_id();
    let (help, required, pointer, options) = ctx
        .view
        .with_untracked(|v| (v.help.clone(), v.required, v.pointer.clone(), v.options.clone()));
    let current =
        ctx.view.with_untracked(|v| v.parts.first().map(|p| p.text.clone()).unwrap_or_default());
    let shown_text =
        options.iter().find(|(c, _)| *c == current).map_or(current.clone(), |(_, l)| l.clone());
    let options = std::sync::Arc::new(options);
    let query = RwSignal::new(shown_text);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let matches = {
        let options = options.clone();
        Memo::new(move |_| {
            let q = query.get().to_lowercase();
            let all: Vec<usize> = (0..options.len())
                .filter(|&i| {
                    let (code, text) = &options[i];
                    q.is_empty()
                        || text.to_lowercase().contains(&q)
                        || code.to_lowercase().starts_with(&q)
                })
                .collect();
            all
        })
    };
    let errors = single_errors(&ctx);
    let (described_by, invalid) = described(&base, help.is_some(), errors);
    let list_id = format!("{base}-list");
    let option_id = {
        let base = base.clone();
        move |i: usize| format!("{base}-opt-{i}")
    };
    let choose = {
        let (form, pointer, options) = (ctx.form.clone(), pointer.clone(), options.clone());
        move |index: usize| {
            let (code, text) = &options[index];
            query.set(text.clone());
            open.set(false);
            active.set(None);
            let _ = form.apply(&pointer, Change::Input(code));
        }
    };
    let on_key = {
        let choose = choose.clone();
        move |ev: web_sys::KeyboardEvent| {
            let shown = matches.with(|m| m.len().min(SHOWN_MATCHES));
            match ev.key().as_str() {
                "ArrowDown" => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| {
                        *a = Some(a.map_or(0, |i| (i + 1).min(shown.saturating_sub(1))))
                    });
                }
                "ArrowUp" => {
                    ev.prevent_default();
                    active.update(|a| *a = a.map(|i| i.saturating_sub(1)));
                }
                "Enter" if open.get_untracked() => {
                    ev.prevent_default();
                    if let Some(index) = active
                        .get_untracked()
                        .and_then(|i| matches.with_untracked(|m| m.get(i).copied()))
                    {
                        choose(index);
                    }
                }
                "Escape" => {
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    let on_input = {
        let (form, pointer) = (ctx.form.clone(), pointer.clone());
        move |ev: web_sys::Event| {
            let text = event_target_value(&ev);
            if text.is_empty() {
                let _ = form.apply(&pointer, Change::Input(""));
            }
            query.set(text);
            open.set(true);
            active.set(None);
        }
    };
    let listed = {
        let (options, option_id) = (options.clone(), option_id.clone());
        move || {
            matches.with(|m| {
                m.iter()
                    .take(SHOWN_MATCHES)
                    .enumerate()
                    .map(|(i, &index)| {
                        let (code, text) = &options[index];
                        let choose = choose.clone();
                        let selected = move || (active.get() == Some(i)).then_some("true");
                        view! {
                            <li id=option_id(i) role="option" class="hf-option-item" aria-selected=selected
                                on:mousedown=|ev| ev.prevent_default() on:click=move |_| choose(index)>
                                {text.clone()} <span class="hf-code">{code.clone()}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let count_text = move || {
        let n = matches.with(Vec::len);
        open.get().then(|| ui("combobox.matches").replace("{n}", &n.to_string()))
    };
    view! {
        <div class="hf-field hf-combobox" class:hf-cell=ctx.cell.is_some()>
            {label(&ctx, &base)}
            {help_paragraph(&base, help)}
            <input id=base.clone() class="hf-input" type="text" role="combobox" autocomplete="off"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(&option_id)
                aria-required=required.then_some("true") aria-invalid=invalid aria-describedby=described_by
                prop:value=move || query.get() on:input=on_input on:keydown=on_key
                on:blur=move |_| open.set(false) />
            <ul id=list_id role="listbox" class="hf-listbox" aria-labelledby=format!("{base}-label")
                hidden=move || !open.get()>
                {listed}
            </ul>
            <p class="hf-help" aria-live="polite">{count_text}</p>
            <div class="hf-messages" aria-live="polite">{error_paragraph(format!("{base}-error"), errors)}</div>
        </div>
    }
    .into_any()
}
