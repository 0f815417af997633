//! Containers: groups (a fieldset of their entries), repeatable groups (a
//! list of numbered items, opened on demand when there are many) and tables
//! (typed cells, live totals computed by the engine). Items are added,
//! removed (after a confirmation) and moved up or down with buttons; focus
//! follows: to the new item's first input, to the item that took a removed
//! one's place (or the add button), to a moved item.

use super::parts::{help_paragraph, messages_box, required_mark, whole_field_errors};
use super::{FieldCtx, render_field};
use crate::dom::{El, el};
use crate::form_view::{Change, Form, dom_id};
use crate::i18n::ui;
use crate::rx::*;
use hitforms_engine::Entry;
use std::cell::RefCell;

/// Lists with more items than this start with their items closed.
const OPEN_UP_TO: usize = 5;

/// Renders layout entries: fields through the registry, static texts as text.
pub fn render_entries(form: &Form, entries: Vec<Entry>) -> Vec<El> {
    entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Field(pointer) => render_field(form, &pointer, None),
            Entry::Static(text) => el("p").class("hf-static").t(&text),
        })
        .collect()
}

/// A group: a fieldset with its fields.
pub fn group(ctx: FieldCtx) -> El {
    let (base, pointer) = (ctx.base_id(), ctx.pointer());
    let (text, help) = ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone()));
    let entries = ctx.form.read(|s| s.entries(&pointer, ctx.form.lang())).unwrap_or_default();
    el("fieldset")
        .class("hf-group")
        .id(&base)
        .a("tabindex", "-1")
        .c(el("legend").class("hf-label").t(&text))
        .co(help_paragraph(&base, help))
        .kids(render_entries(&ctx.form, entries))
        .c(messages_box(format!("{base}-error"), whole_field_errors(&ctx)))
}

/// The number an item shows: its list's numbering, else its position.
fn item_name(form: &Form, item: &str, index: usize) -> String {
    form.read(|s| s.item_number(item))
        .flatten()
        .unwrap_or_else(|| ui("list.item").replace("{n}", &(index + 1).to_string()))
}

fn button(text: &str, class: &str) -> El {
    el("button").a("type", "button").class(class).t(text)
}

/// What a list renderer shares with its items' buttons.
#[derive(Clone)]
struct List {
    form: Form,
    pointer: String,
    /// The item whose removal awaits confirmation.
    confirming: RwSignal<Option<usize>>,
    /// Items follow from the data (`rowsFrom`): no add, move or remove.
    generated: bool,
}

impl List {
    fn of(ctx: &FieldCtx) -> List {
        let pointer = ctx.pointer();
        let info = ctx.form.read(|s| s.list_info(&pointer, ctx.form.lang())).flatten();
        let generated = info.is_some_and(|i| i.generated);
        List { form: ctx.form.clone(), pointer, confirming: RwSignal::new(None), generated }
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
            match self.len() {
                0 => self.form.focus_later(&format!("{}/add", self.pointer), false),
                left => self
                    .form
                    .focus_later(&format!("{}/{}", self.pointer, index.min(left - 1)), false),
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

    /// Move up, move down and remove (with its confirmation) for item
    /// `index` (move down follows the list's length: items are appended
    /// after it without rebuilding it).
    fn actions(&self, index: usize, name: String) -> El {
        if self.generated {
            return el("span");
        }
        let list = self.clone();
        let item_id = dom_id(&format!("{}/{index}", self.pointer));
        el("span").class("hf-actions").region(move || {
            let remove_id = format!("{item_id}-remove");
            if list.confirming.get() == Some(index) {
                let question = ui("list.confirm_remove").replace("{item}", &name);
                let (l1, l2, n1) = (list.clone(), list.clone(), name.clone());
                let back = remove_id.clone();
                let yes = button(ui("list.remove_confirm"), "hf-button hf-danger")
                    .id(&format!("{item_id}-confirm"))
                    .on("click", move |_| l1.remove(index, &n1));
                let no = button(ui("list.cancel"), "hf-button").on("click", move |_| {
                    l2.confirming.set(None);
                    l2.form.focus_id_later(back.clone(), false);
                });
                vec![
                    el("span")
                        .class("hf-confirm")
                        .a("role", "group")
                        .a("aria-label", &question)
                        .c(el("span").t(&question))
                        .c(yes)
                        .c(no),
                ]
            } else {
                let (l1, l2, l3, last) = (list.clone(), list.clone(), list.clone(), list.clone());
                let version = list.form.list_version(&list.pointer);
                let (n1, n2) = (name.clone(), name.clone());
                let confirm = format!("{}/{index}/confirm", list.pointer);
                let up = button(ui("list.move_up"), "hf-button")
                    .a("aria-label", &format!("{} {name}", ui("list.move_up")))
                    .flag("disabled", index == 0)
                    .on("click", move |_| l1.shift(index, index.saturating_sub(1), &n1));
                let down = button(ui("list.move_down"), "hf-button")
                    .a("aria-label", &format!("{} {name}", ui("list.move_down")))
                    .bind_flag("disabled", move || {
                        version.track();
                        index + 1 >= last.len()
                    })
                    .on("click", move |_| l2.shift(index, index + 1, &n2));
                let remove = button(ui("list.remove"), "hf-button")
                    .id(&remove_id)
                    .a("aria-label", &format!("{} {name}", ui("list.remove")))
                    .on("click", move |_| {
                        l3.confirming.set(Some(index));
                        l3.form.focus_later(&confirm, false);
                    });
                vec![up, down, remove]
            }
        })
    }

    /// The add button (disabled when the list is full); none for a
    /// generated list.
    fn add_button(&self, label: &str, max: usize) -> Option<El> {
        if self.generated {
            return None;
        }
        let (list, full_list, version) =
            (self.clone(), self.clone(), self.form.list_version(&self.pointer));
        button(&ui("list.add").replace("{list}", label), "hf-button hf-add")
            .id(&dom_id(&format!("{}/add", self.pointer)))
            .bind_flag("disabled", move || {
                version.track();
                full_list.len() >= max
            })
            .on("click", move |_| list.add())
            .into()
    }

    fn max(&self) -> usize {
        self.form
            .read(|s| s.list_info(&self.pointer, self.form.lang()))
            .flatten()
            .map_or(usize::MAX, |i| i.max_items as usize)
    }
}

/// A list's heading element (`h3` or `caption`) with its required mark.
fn heading(tag: &str, base: &str, text: &str, required: bool) -> El {
    el(tag).class("hf-label").id(&format!("{base}-label")).t(text).co(required_mark(required))
}

/// Keeps `parent`'s children the items of `list`, one `build(index)` each.
/// When items were only appended (no removal or move since: the form's
/// [`Form::list_shifts`]), only the new items are built and the others stay
/// as they are (their fields, focus and bindings); otherwise every item is
/// built anew, the previous ones' bindings disposed.
fn items_into(parent: El, list: &List, build: impl Fn(usize) -> El + 'static) -> El {
    let (target, list) = (parent.0.clone(), list.clone());
    let version = list.form.list_version(&list.pointer);
    // Each item under its own owner, children of this renderer's owner (not
    // of the effect's, which is cleaned up on every run).
    let owner = Owner::current().unwrap_or_default();
    let rendered: RefCell<(Vec<Owner>, u32)> = RefCell::new((Vec::new(), 0));
    crate::dom::effect(Box::new(move || {
        version.track();
        let (len, shifts) = (list.len(), list.form.list_shifts(&list.pointer));
        let (items, built_at) = &mut *rendered.borrow_mut();
        if *built_at != shifts || items.len() > len {
            for item in items.drain(..) {
                item.cleanup();
            }
            target.set_text_content(None);
            *built_at = shifts;
        }
        for i in items.len()..len {
            let item = owner.with(Owner::new);
            let _ = target.append_child(&item.with(|| build(i)).0);
            items.push(item);
        }
    }));
    parent
}

/// A repeatable group: numbered items, each with its fields (rendered only
/// while open), and the buttons to add, move and remove items.
pub fn repeat(ctx: FieldCtx) -> El {
    let list = List::of(&ctx);
    let base = ctx.base_id();
    let (text, help, required) =
        ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone(), v.required));
    let default_open = list.len() <= OPEN_UP_TO;
    let items = {
        let item_list = list.clone();
        items_into(el("ol").class("hf-items"), &list, move |i| {
            repeat_item(&item_list, i, default_open)
        })
    };
    el("div")
        .class("hf-field hf-repeat")
        .a("role", "group")
        .id(&base)
        .a("tabindex", "-1")
        .a("aria-labelledby", &format!("{base}-label"))
        .c(heading("h3", &base, &text, required))
        .co(help_paragraph(&base, help))
        .c(items)
        .co(list.add_button(&text, list.max()))
        .c(messages_box(format!("{base}-error"), whole_field_errors(&ctx)))
}

fn repeat_item(list: &List, index: usize, default_open: bool) -> El {
    let form = list.form.clone();
    let item = format!("{}/{index}", list.pointer);
    let (id, name) = (dom_id(&item), item_name(&form, &item, index));
    let open = {
        let (form, item) = (form.clone(), item.clone());
        memo(move || form.is_open(&item, default_open))
    };
    let toggle = {
        let (form, item, name) = (form.clone(), item.clone(), name.clone());
        button("", "hf-button")
            .a("aria-controls", &format!("{id}-body"))
            .bind("aria-expanded", move || Some(open.get().to_string()))
            .bind("aria-label", move || {
                Some(format!(
                    "{} {name}",
                    if open.get() { ui("list.hide") } else { ui("list.show") }
                ))
            })
            .bind_text(move || {
                (if open.get() { ui("list.hide") } else { ui("list.show") }).to_owned()
            })
            .on("click", move |_| form.set_open(&item, !open.get_untracked()))
    };
    let body = {
        let (form, item) = (form.clone(), item.clone());
        el("div").class("hf-item-body").id(&format!("{id}-body")).region(move || {
            if !open.get() {
                return Vec::new();
            }
            let entries = form.read(|s| s.entries(&item, form.lang())).unwrap_or_default();
            render_entries(&form, entries)
        })
    };
    let bar = el("div")
        .class("hf-item-bar")
        .c(el("h4").class("hf-item-title").id(&format!("{id}-title")).t(&name))
        .c(toggle)
        .c(list.actions(index, name.clone()));
    el("li")
        .class("hf-item")
        .id(&id)
        .a("tabindex", "-1")
        .a("aria-labelledby", &format!("{id}-title"))
        .c(bar)
        .c(body)
}

/// A table: a header of column labels, one row per item with a typed input
/// per cell, row totals when asked for, a footer of column totals; every
/// sum is the engine's.
pub fn table(ctx: FieldCtx) -> El {
    let list = List::of(&ctx);
    let base = ctx.base_id();
    let (text, help, required) =
        ctx.view.with_untracked(|v| (v.label.clone(), v.help.clone(), v.required));
    let Some(info) = ctx.form.read(|s| s.list_info(&list.pointer, ctx.form.lang())).flatten()
    else {
        return el("div");
    };
    let columns: Vec<(String, String, bool)> =
        info.columns.iter().map(|c| (c.0.clone(), c.1.clone(), c.3)).collect();
    let row_totals = info.row_totals;
    // The engine's sums, read by each total cell (no memo type: size).
    let totals = {
        let (form, pointer) = (list.form.clone(), list.pointer.clone());
        std::rc::Rc::new(move || {
            form.read_tracked(|s| s.totals(&pointer)).flatten().unwrap_or_default()
        })
    };
    let th = |text: &str| el("th").a("scope", "col").t(text);
    let mut head = el("tr").c(th(ui("table.row")));
    for (_, label, _) in &columns {
        head = head.c(th(label));
    }
    if row_totals {
        head = head.c(th(ui("table.total")));
    }
    head = head.c(el("th").a("scope", "col").c(el("span").class("hf-sr").t(ui("table.actions"))));
    let body = {
        let (row_list, columns, totals) = (list.clone(), columns.clone(), totals.clone());
        items_into(el("tbody"), &list, move |i| {
            let list = &row_list;
            let row = format!("{}/{i}", list.pointer);
            let name = item_name(&list.form, &row, i);
            let mut tr = el("tr")
                .id(&dom_id(&row))
                .a("tabindex", "-1")
                .c(el("th").a("scope", "row").t(&name));
            for (id, _, total) in &columns {
                let cell = render_field(&list.form, &format!("{row}/{id}"), Some(name.clone()));
                tr = tr.c(el("td").ao("class", total.then_some("hf-num")).c(cell));
            }
            if row_totals {
                let totals = totals.clone();
                let sum = move || totals().rows.get(i).cloned().unwrap_or_default();
                tr = tr.c(el("td").class("hf-num hf-total").bind_text(sum));
            }
            tr.c(el("td").c(list.actions(i, name.clone())))
        })
    };
    let mut table = el("table")
        .class("hf-grid")
        .c(el("caption").c(heading("span", &base, &text, required)))
        .c(el("thead").c(head))
        .c(body);
    if columns.iter().any(|c| c.2) {
        let mut foot = el("tr").c(el("th").a("scope", "row").t(ui("table.total")));
        for (id, _, total) in &columns {
            let (id, total, totals) = (id.clone(), *total, totals.clone());
            let sum = move || {
                if !total {
                    return String::new();
                }
                totals().columns.into_iter().find(|c| c.0 == id).map(|c| c.1).unwrap_or_default()
            };
            foot = foot.c(el("td").class("hf-num hf-total").bind_text(sum));
        }
        if row_totals {
            foot = foot.c(el("td").class("hf-num hf-total").bind_text(move || totals().overall));
        }
        table = table.c(el("tfoot").c(foot.c(el("td"))));
    }
    el("div")
        .class("hf-field hf-table")
        .id(&base)
        .a("tabindex", "-1")
        .c(table)
        .co(help_paragraph(&base, help))
        .co(list.add_button(&text, info.max_items as usize))
        .c(messages_box(format!("{base}-error"), whole_field_errors(&ctx)))
}
