//! Containers: groups (a fieldset of their entries), repeatable groups (a
//! list of numbered items, opened on demand when there are many) and tables
//! (typed cells, live totals computed by the engine). Items are added,
//! removed (after a confirmation) and moved up or down with buttons; focus
//! follows: to the new item's first input, to the item that took a removed
//! one's place (or the add button), to a moved item.

use super::parts::{error_paragraph, help_paragraph, whole_field_errors};
use super::{FieldCtx, render_field};
use crate::form_view::{Change, Form, dom_id};
use crate::i18n::ui;
use hitforms_engine::Entry;
use leptos::prelude::*;

/// Lists with more items than this start with their items closed.
const OPEN_UP_TO: usize = 5;

/// Renders layout entries: fields through the registry, static texts as text.
pub fn render_entries(form: &Form, entries: Vec<Entry>) -> AnyView {
    entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Field(pointer) => render_field(form, &pointer, None),
            Entry::Static(text) => view! { <p class="hf-static">{text}</p> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// A group: a fieldset with its fields.
pub fn group(ctx: FieldCtx) -> AnyView {
    let (base, pointer) = (ctx.base_id(), ctx.pointer());
    let (text, help) = ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone()));
    let entries = ctx.form.read(|s| s.entries(&pointer, ctx.form.lang())).unwrap_or_default();
    view! {
        <fieldset class="hf-group" id=base.clone() tabindex="-1">
            <legend class="hf-label">{text}</legend>
            {help_paragraph(&base, help)}
            {render_entries(&ctx.form, entries)}
            <div class="hf-messages" aria-live="polite">
                {error_paragraph(format!("{base}-error"), whole_field_errors(&ctx))}
            </div>
        </fieldset>
    }
    .into_any()
}

/// The number an item shows: its list's numbering, else its position.
fn item_name(form: &Form, item: &str, index: usize) -> String {
    form.read(|s| s.item_number(item))
        .flatten()
        .unwrap_or_else(|| ui("list.item").replace("{n}", &(index + 1).to_string()))
}

/// What a list renderer shares with its items' buttons.
#[derive(Clone)]
struct List {
    form: Form,
    pointer: String,
    /// The item whose removal awaits confirmation.
    confirming: RwSignal<Option<usize>>,
}

impl List {
    fn of(ctx: &FieldCtx) -> List {
        List { form: ctx.form.clone(), pointer: ctx.pointer(), confirming: RwSignal::new(None) }
    }

    fn len(&self) -> usize {
        self.form.read(|s| s.item_count(&self.pointer)).flatten().unwrap_or(0)
    }

    fn add(&self) {
        match self.form.apply(&self.pointer, Change::Add) {
            Ok(Some(index)) => {
                let item = format!("{}/{index}", self.pointer);
                self.form.set_open(&item, true);
                let name = item_name(&self.form, &item, index);
                self.form.announce(ui("list.added").replace("{item}", &name));
                self.form.focus_later(&item, true);
            }
            Ok(None) => {}
            Err(issue) => self.form.announce(issue.message()),
        }
    }

    fn remove(&self, index: usize, name: &str) {
        self.confirming.set(None);
        if self.form.apply(&self.pointer, Change::Remove(index)).is_ok() {
            self.form.announce(ui("list.removed").replace("{item}", name));
            let left = self.len();
            if left == 0 {
                self.form.focus_later(&format!("{}/add", self.pointer), false);
            } else {
                self.form.focus_later(&format!("{}/{}", self.pointer, index.min(left - 1)), false);
            }
        }
    }

    fn shift(&self, from: usize, to: usize, name: &str) {
        if self.form.apply(&self.pointer, Change::Move(from, to)).is_ok() {
            let text =
                ui("list.moved").replace("{item}", name).replace("{n}", &(to + 1).to_string());
            self.form.announce(text);
            self.form.focus_later(&format!("{}/{to}", self.pointer), false);
        }
    }

    /// Move up, move down and remove (with its confirmation) for item `index` of `len`.
    fn actions(&self, index: usize, len: usize, name: String) -> AnyView {
        let list = self.clone();
        let item_id = dom_id(&format!("{}/{index}", self.pointer));
        (move || {
            let (l1, l2, l3, l4) = (list.clone(), list.clone(), list.clone(), list.clone());
            let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
            let (confirm_id, remove_id) = (format!("{item_id}-confirm"), format!("{item_id}-remove"));
            if list.confirming.get() == Some(index) {
                let question = ui("list.confirm_remove").replace("{item}", &name);
                let back = remove_id.clone();
                view! {
                    <span class="hf-actions hf-confirm" role="group" aria-label=question.clone()>
                        <span>{question.clone()}</span>
                        <button type="button" class="hf-button hf-danger" id=confirm_id
                            on:click=move |_| l1.remove(index, &n1)>{ui("list.remove_confirm")}</button>
                        <button type="button" class="hf-button" on:click=move |_| {
                            l2.confirming.set(None);
                            l2.form.focus_id_later(back.clone(), false);
                        }>{ui("list.cancel")}</button>
                    </span>
                }
                .into_any()
            } else {
                let confirm = format!("{}/{index}/confirm", list.pointer);
                let l5 = list.clone();
                view! {
                    <span class="hf-actions">
                        <button type="button" class="hf-button" disabled={index == 0}
                            aria-label=format!("{} {n2}", ui("list.move_up"))
                            on:click=move |_| l3.shift(index, index - 1, &n2)>{ui("list.move_up")}</button>
                        <button type="button" class="hf-button" disabled={index + 1 >= len}
                            aria-label=format!("{} {n3}", ui("list.move_down"))
                            on:click=move |_| l4.shift(index, index + 1, &n3)>{ui("list.move_down")}</button>
                        <button type="button" class="hf-button" id=remove_id
                            aria-label=format!("{} {name}", ui("list.remove"))
                            on:click=move |_| {
                                l5.confirming.set(Some(index));
                                l5.form.focus_later(&confirm, false);
                            }>{ui("list.remove")}</button>
                    </span>
                }
                .into_any()
            }
        })
        .into_any()
    }

    /// The add button (disabled when the list is full).
    fn add_button(&self, label: &str, max: usize) -> AnyView {
        let (list, version) = (self.clone(), self.form.list_version(&self.pointer));
        let full = {
            let list = self.clone();
            move || {
                version.track();
                list.len() >= max
            }
        };
        let text = ui("list.add").replace("{list}", label);
        view! {
            <button type="button" class="hf-button hf-add" id=dom_id(&format!("{}/add", self.pointer))
                disabled=full on:click=move |_| list.add()>{text}</button>
        }
        .into_any()
    }
}

/// A repeatable group: numbered items, each with its fields (rendered only
/// while open), and the buttons to add, move and remove items.
pub fn repeat(ctx: FieldCtx) -> AnyView {
    let list = List::of(&ctx);
    let base = ctx.base_id();
    let (text, help, required) =
        ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone(), v.required));
    let max = ctx
        .form
        .read(|s| s.list_info(&list.pointer, ctx.form.lang()))
        .flatten()
        .map_or(usize::MAX, |i| i.max_items as usize);
    let default_open = list.len() <= OPEN_UP_TO;
    let version = ctx.form.list_version(&list.pointer);
    let items = {
        let list = list.clone();
        move || {
            version.track();
            let len = list.len();
            (0..len).map(|i| repeat_item(&list, i, len, default_open)).collect_view()
        }
    };
    view! {
        <section class="hf-field hf-repeat" id=base.clone() tabindex="-1" aria-labelledby=format!("{base}-label")>
            <h3 class="hf-label" id=format!("{base}-label")>
                {text.clone()}{required.then(|| view! { <span class="hf-req" aria-hidden="true">" *"</span> })}
            </h3>
            {help_paragraph(&base, help)}
            <ol class="hf-items">{items}</ol>
            {list.add_button(&text, max)}
            <div class="hf-messages" aria-live="polite">
                {error_paragraph(format!("{base}-error"), whole_field_errors(&ctx))}
            </div>
        </section>
    }
    .into_any()
}

fn repeat_item(list: &List, index: usize, len: usize, default_open: bool) -> AnyView {
    let form = list.form.clone();
    let item = format!("{}/{index}", list.pointer);
    let (id, name) = (dom_id(&item), item_name(&form, &item, index));
    let open = {
        let (form, item) = (form.clone(), item.clone());
        Memo::new(move |_| form.is_open(&item, default_open))
    };
    let toggle = {
        let (form, item) = (form.clone(), item.clone());
        move |_| form.set_open(&item, !open.get_untracked())
    };
    let body = {
        let (form, item) = (form.clone(), item.clone());
        move || {
            open.get().then(|| {
                let entries = form.read(|s| s.entries(&item, form.lang())).unwrap_or_default();
                render_entries(&form, entries)
            })
        }
    };
    view! {
        <li class="hf-item" id=id.clone() tabindex="-1" aria-labelledby=format!("{id}-title")>
            <div class="hf-item-bar">
                <h4 class="hf-item-title" id=format!("{id}-title")>{name.clone()}</h4>
                <button type="button" class="hf-button" aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=format!("{id}-body") aria-label=move || format!("{} {}", if open.get() { ui("list.hide") } else { ui("list.show") }, name)
                    on:click=toggle>
                    {move || if open.get() { ui("list.hide") } else { ui("list.show") }}
                </button>
                {list.actions(index, len, item_name(&form, &item, index))}
            </div>
            <div class="hf-item-body" id=format!("{id}-body")>{body}</div>
        </li>
    }
    .into_any()
}

/// A table: a header of column labels, one row per item with a typed input
/// per cell, row totals when asked for, a footer of column totals; every
/// sum is the engine's.
pub fn table(ctx: FieldCtx) -> AnyView {
    let list = List::of(&ctx);
    let base = ctx.base_id();
    let (text, help, required) =
        ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone(), v.required));
    let Some(info) = ctx.form.read(|s| s.list_info(&list.pointer, ctx.form.lang())).flatten()
    else {
        return ().into_any();
    };
    let columns: Vec<(String, String, bool)> =
        info.columns.iter().map(|c| (c.0.clone(), c.1.clone(), c.3)).collect();
    let row_totals = info.row_totals;
    let any_total = columns.iter().any(|c| c.2);
    let totals = {
        let (form, pointer) = (list.form.clone(), list.pointer.clone());
        Memo::new(move |_| form.read_tracked(|s| s.totals(&pointer)).flatten().unwrap_or_default())
    };
    let head = columns
        .iter()
        .map(|(_, label, _)| view! { <th scope="col">{label.clone()}</th> })
        .collect_view();
    let version = list.form.list_version(&list.pointer);
    let rows = {
        let (list, columns) = (list.clone(), columns.clone());
        move || {
            version.track();
            let len = list.len();
            (0..len)
                .map(|i| {
                    let row = format!("{}/{i}", list.pointer);
                    let name = item_name(&list.form, &row, i);
                    let cells = columns
                        .iter()
                        .map(|(id, _, total)| {
                            let cell = render_field(&list.form, &format!("{row}/{id}"), Some(name.clone()));
                            view! { <td class:hf-num=*total>{cell}</td> }
                        })
                        .collect_view();
                    let sum = row_totals.then(|| {
                        view! { <td class="hf-num hf-total">{move || totals.with(|t| t.rows.get(i).cloned())}</td> }
                    });
                    view! {
                        <tr id=dom_id(&row) tabindex="-1">
                            <th scope="row">{name.clone()}</th>
                            {cells}
                            {sum}
                            <td>{list.actions(i, len, name.clone())}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let foot = any_total.then(|| {
        let cells = columns
            .iter()
            .map(|(id, _, total)| {
                let id = id.clone();
                let total = *total;
                view! {
                    <td class="hf-num hf-total">
                        {move || total.then(|| totals.with(|t| t.columns.iter().find(|c| c.0 == id).map(|c| c.1.clone())))}
                    </td>
                }
            })
            .collect_view();
        view! {
            <tfoot>
                <tr>
                    <th scope="row">{ui("table.total")}</th>
                    {cells}
                    {row_totals.then(|| view! { <td class="hf-num hf-total">{move || totals.with(|t| t.overall.clone())}</td> })}
                    <td></td>
                </tr>
            </tfoot>
        }
    });
    view! {
        <div class="hf-field hf-table" id=base.clone() tabindex="-1">
            <table class="hf-grid">
                <caption class="hf-label" id=format!("{base}-label")>
                    {text.clone()}{required.then(|| view! { <span class="hf-req" aria-hidden="true">" *"</span> })}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ui("table.row")}</th>
                        {head}
                        {row_totals.then(|| view! { <th scope="col">{ui("table.total")}</th> })}
                        <th scope="col"><span class="hf-sr">{ui("table.actions")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                {foot}
            </table>
            {help_paragraph(&base, help)}
            {list.add_button(&text, info.max_items as usize)}
            <div class="hf-messages" aria-live="polite">
                {error_paragraph(format!("{base}-error"), whole_field_errors(&ctx))}
            </div>
        </div>
    }
    .into_any()
}
