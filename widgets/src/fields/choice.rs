//! Choices: yes/no and short lists as radio buttons, multi-selects as
//! checkboxes (one renderer), selects as a native `<select>`, and long code
//! lists (1,500 NUTS regions) as an ARIA combobox filtered as one types.

use super::FieldCtx;
use super::parts::{
    describe, field_box, help_paragraph, label, messages_box, required_mark, single, single_errors,
};
use crate::dom::{El, el, event_target, event_target_value};
use crate::form_view::Change;
use crate::i18n::ui;
use crate::rx::*;
use std::rc::Rc;

/// From this many options a select is a searchable combobox.
const COMBOBOX_FROM: usize = 15;
/// The most matches a combobox lists at once.
const SHOWN_MATCHES: usize = 50;

/// Yes/no: two radio buttons (unanswered stays possible: neither checked).
pub fn boolean(ctx: FieldCtx) -> El {
    let options = vec![
        ("true".to_owned(), ui("choice.yes").to_owned()),
        ("false".to_owned(), ui("choice.no").to_owned()),
    ];
    choices(ctx, options, false)
}

/// Several codes: one checkbox each.
pub fn multi(ctx: FieldCtx) -> El {
    let options = ctx.view.with_untracked(|v| v.options.clone());
    choices(ctx, options, true)
}

/// One code: a native select, a combobox for long lists, or a text input
/// when no options are known (a code list not supplied to the form).
pub fn select(ctx: FieldCtx) -> El {
    match ctx.view.with_untracked(|v| v.options.len()) {
        0 => single(ctx),
        n if n >= COMBOBOX_FROM => combobox(ctx),
        _ => native_select(ctx),
    }
}

/// Radio buttons or checkboxes in a fieldset whose legend is the label.
fn choices(ctx: FieldCtx, options: Vec<(String, String)>, multiple: bool) -> El {
    let base = ctx.base_id();
    let (text, help, required, pointer, current) = ctx.view.with_untracked(|v| {
        let current = if multiple {
            v.selected.clone()
        } else {
            // Yes/no: the stored `true` or `false`.
            v.parts.iter().map(|p| p.text.clone()).collect()
        };
        (v.label.clone(), v.help.clone(), v.required, v.pointer.clone(), current)
    });
    let errors = single_errors(&ctx);
    let legend = match &ctx.cell {
        Some(row) => format!("{text}, {row}"),
        None => text,
    };
    let kind = if multiple { "checkbox" } else { "radio" };
    let mut list = el("div").class("hf-option-list");
    for (i, (code, option)) in options.into_iter().enumerate() {
        let id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
        let (form, pointer) = (ctx.form.clone(), pointer.clone());
        let input = el("input")
            .a("type", kind)
            .id(&id)
            .a("name", &base)
            .a("value", &code)
            .flag("checked", current.contains(&code));
        let input = input.on("change", move |ev| {
            let target: web_sys::HtmlInputElement = event_target(&ev);
            let value = target.value();
            let change = if multiple {
                // The codes checked now, in list order, read from the fieldset.
                let boxes = target
                    .closest("fieldset")
                    .ok()
                    .flatten()
                    .and_then(|f| f.query_selector_all("input:checked").ok());
                let codes: Vec<serde_json::Value> = boxes
                    .map(|b| {
                        (0..b.length())
                            .filter_map(|i| b.item(i))
                            .filter_map(|n| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(n).ok()
                            })
                            .map(|b| b.value().into())
                            .collect()
                    })
                    .unwrap_or_default();
                Change::Value(if codes.is_empty() { serde_json::Value::Null } else { codes.into() })
            } else {
                Change::Input(&value)
            };
            let _ = form.apply(&pointer, change);
        });
        list = list.c(el("label").class("hf-option").c(input).t(" ").t(&option));
    }
    let legend = el("legend")
        .class(if ctx.cell.is_some() { "hf-label hf-sr" } else { "hf-label" })
        .t(&legend)
        .co(required_mark(required));
    let set = el("fieldset")
        .class(if ctx.cell.is_some() {
            "hf-field hf-choices hf-cell"
        } else {
            "hf-field hf-choices"
        })
        .ao("role", (!multiple).then_some("radiogroup"))
        .ao("aria-required", (required && !multiple).then_some("true"));
    let help_id = help.is_some().then(|| format!("{base}-help"));
    describe(set, &base, help_id, None, errors, None)
        .c(legend)
        .co(help_paragraph(&base, help))
        .c(list)
        .c(messages_box(format!("{base}-error"), errors))
}

fn native_select(ctx: FieldCtx) -> El {
    let base = ctx.base_id();
    let (help, required, pointer, current, options) = ctx.view.with_untracked(|v| {
        let current = v.parts.first().map(|p| p.text.clone()).unwrap_or_default();
        (v.help.clone(), v.required, v.pointer.clone(), current, v.options.clone())
    });
    let errors = single_errors(&ctx);
    let form = ctx.form.clone();
    let mut select =
        el("select").id(&base).class("hf-input").ao("aria-required", required.then_some("true"));
    select = select.c(el("option").a("value", "").t(ui("choice.none")));
    for (code, text) in &options {
        select = select.c(el("option").a("value", code).flag("selected", *code == current).t(text));
    }
    let select = select.value(&current).on("change", move |ev| {
        let _ = form.apply(&pointer, Change::Input(&event_target_value(&ev)));
    });
    let help_id = help.is_some().then(|| format!("{base}-help"));
    field_box(&ctx, "hf-field")
        .c(label(&ctx, &base))
        .co(help_paragraph(&base, help))
        .c(describe(select, &base, help_id, None, errors, None))
        .c(messages_box(format!("{base}-error"), errors))
}

/// The ARIA APG "combobox with listbox popup" (list autocomplete, manual
/// selection): typing filters by label or code prefix, ArrowDown/ArrowUp
/// move through the matches, Enter chooses, Escape closes.
fn combobox(ctx: FieldCtx) -> El {
    let base = ctx.base_id();
    let (help, required, pointer, options, current) = ctx.view.with_untracked(|v| {
        // The stored text, shown as its option's label (or as it is, when
        // it is not one of the codes: nothing stored is hidden).
        let current = v.parts.first().map(|p| p.text.clone()).unwrap_or_default();
        (v.help.clone(), v.required, v.pointer.clone(), v.options.clone(), current)
    });
    let shown_text =
        options.iter().find(|(c, _)| *c == current).map_or(current.clone(), |(_, l)| l.clone());
    let options = Rc::new(options);
    // The query, whether the list is open, the active match, and the matches.
    let query = RwSignal::new(shown_text.clone());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let matches = {
        // The engine finds the matches (lower-cased once, not per keystroke).
        let filter = hitforms_engine::options::OptionFilter::new(&options);
        memo(move || filter.matches(&query.get()))
    };
    let errors = single_errors(&ctx);
    let list_id = format!("{base}-list");
    let choose = {
        let (form, pointer, options) = (ctx.form.clone(), pointer.clone(), options.clone());
        Rc::new(move |index: usize| {
            let (code, text) = &options[index];
            query.set(text.clone());
            open.set(false);
            active.set(None);
            let _ = form.apply(&pointer, Change::Input(code));
        })
    };
    let on_key = {
        let choose = choose.clone();
        move |ev: web_sys::Event| {
            let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(&ev) else {
                return;
            };
            let shown = matches.with_untracked(|m| m.len().min(SHOWN_MATCHES));
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
    let option_id = {
        let base = base.clone();
        move |i: usize| format!("{base}-opt-{i}")
    };
    let input = el("input")
        .id(&base)
        .class("hf-input")
        .a("type", "text")
        .a("role", "combobox")
        .a("autocomplete", "off")
        .a("aria-autocomplete", "list")
        .a("aria-controls", &list_id)
        .ao("aria-required", required.then_some("true"))
        .value(&shown_text)
        .bind("aria-expanded", move || Some(open.get().to_string()))
        .bind("aria-activedescendant", {
            let option_id = option_id.clone();
            move || active.get().map(&option_id)
        })
        .on("input", on_input)
        .on("keydown", on_key)
        .on("blur", move |_| open.set(false));
    // The chosen label is written back into the input (typing already shows itself).
    let input = {
        let target = input.0.clone();
        crate::dom::effect(Box::new(move || {
            let q = query.get();
            if js_sys::Reflect::get(&target, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .as_deref()
                != Some(q.as_str())
            {
                let _ = js_sys::Reflect::set(&target, &"value".into(), &q.into());
            }
        }));
        input
    };
    let listbox = el("ul")
        .id(&list_id)
        .a("role", "listbox")
        .class("hf-listbox")
        .a("aria-labelledby", &format!("{base}-label"))
        .bind_flag("hidden", move || !open.get())
        .region(move || {
            matches.with(|m| {
                m.iter()
                    .take(SHOWN_MATCHES)
                    .enumerate()
                    .map(|(i, &index)| {
                        let (code, text) = &options[index];
                        let choose = choose.clone();
                        el("li")
                            .id(&option_id(i))
                            .a("role", "option")
                            .class("hf-option-item")
                            .bind("aria-selected", move || {
                                Some((active.get() == Some(i)).to_string())
                            })
                            .on("mousedown", |ev| ev.prevent_default())
                            .on("click", move |_| choose(index))
                            .t(text)
                            .t(" ")
                            .c(el("span").class("hf-code").t(code))
                    })
                    .collect()
            })
        });
    let count = el("p").class("hf-help").a("aria-live", "polite").bind_text(move || {
        if open.get() {
            ui("combobox.matches").replace("{n}", &matches.with(Vec::len).to_string())
        } else {
            String::new()
        }
    });
    let help_id = help.is_some().then(|| format!("{base}-help"));
    field_box(&ctx, "hf-field hf-combobox")
        .c(label(&ctx, &base))
        .co(help_paragraph(&base, help))
        .c(describe(input, &base, help_id, None, errors, None))
        .c(listbox)
        .c(count)
        .c(messages_box(format!("{base}-error"), errors))
}
