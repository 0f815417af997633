//! Field renderers and the registry that picks one per field.
//!
//! A renderer is chosen by ranked testers (as in JSON Forms): every entry
//! rates a field view, the highest non-negative rank wins, and an explicit
//! fallback renders a field no entry accepts. An embedder adds entries with
//! [`register`]; they are ranked together with the built-in ones. Renderers
//! are thin: the engine's [`FieldView`] already holds the value, counters,
//! required flag, visibility, options and issues.

mod choice;
mod lists;
mod parts;

pub use lists::render_entries;

use crate::dom::{El, el};
use crate::form_view::{Form, dom_id};
use crate::rx::*;
use hitforms_engine::FieldView;
use std::cell::RefCell;

/// What a renderer gets for one field instance.
#[derive(Clone)]
pub struct FieldCtx {
    /// The engine's view of the field, updated when the engine says it changed.
    pub view: RwSignal<FieldView>,
    /// Whether to show the field's errors (it was edited, or the form validated).
    pub show_errors: Signal<bool>,
    /// The form: sends changes to the engine ([`Form::apply`]).
    pub form: Form,
    /// In a table cell: the row's number, added to the (visually hidden) label.
    pub cell: Option<String>,
}

impl FieldCtx {
    /// The field's pointer.
    pub fn pointer(&self) -> String {
        self.view.with_untracked(|v| v.pointer.clone())
    }

    /// The DOM id of the field's (first) input.
    pub fn base_id(&self) -> String {
        dom_id(&self.pointer())
    }
}

/// A renderer entry: a ranked tester and the render function.
pub struct Renderer {
    /// Name, for diagnostics and tests.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests"))]
    pub name: &'static str,
    /// Rank of this renderer for a field; negative means "not applicable".
    pub rank: fn(&FieldView) -> i32,
    /// Renders the field.
    pub render: fn(FieldCtx) -> El,
}

/// The built-in renderers, one per field kind of the engine.
pub const DEFAULT_RENDERERS: &[Renderer] = &[
    Renderer {
        name: "text",
        rank: |v| rank_kind(v, &["text", "multilineText", "date"]),
        render: parts::single,
    },
    Renderer {
        name: "number",
        rank: |v| rank_kind(v, &["integer", "decimal", "money", "percentage"]),
        render: parts::single,
    },
    Renderer {
        name: "multilingual",
        rank: |v| rank_kind(v, &["multilingualText"]),
        render: parts::multilingual,
    },
    Renderer { name: "computed", rank: |v| rank_kind(v, &["computed"]), render: parts::computed },
    Renderer { name: "boolean", rank: |v| rank_kind(v, &["boolean"]), render: choice::boolean },
    Renderer { name: "select", rank: |v| rank_kind(v, &["select"]), render: choice::select },
    Renderer {
        name: "multiSelect",
        rank: |v| rank_kind(v, &["multiSelect"]),
        render: choice::multi,
    },
    Renderer { name: "group", rank: |v| rank_kind(v, &["group"]), render: lists::group },
    Renderer { name: "repeat", rank: |v| rank_kind(v, &["repeat"]), render: lists::repeat },
    Renderer { name: "table", rank: |v| rank_kind(v, &["table"]), render: lists::table },
];

fn rank_kind(view: &FieldView, kinds: &[&str]) -> i32 {
    if kinds.contains(&view.kind) { 1 } else { -1 }
}

thread_local! {
    static EXTRA: RefCell<Vec<Renderer>> = const { RefCell::new(Vec::new()) };
}

/// Adds a renderer to the registry (an embedder's own kinds or a
/// replacement: rank it above 1 to win over a built-in one).
#[cfg_attr(not(test), expect(dead_code, reason = "the embedder's entry point; tests use it"))]
pub fn register(renderer: Renderer) {
    EXTRA.with(|e| e.borrow_mut().push(renderer));
}

/// The best renderer for `view` among `renderers`, if any applies.
pub fn choose<'a>(renderers: &'a [Renderer], view: &FieldView) -> Option<&'a Renderer> {
    renderers
        .iter()
        .map(|r| ((r.rank)(view), r))
        .filter(|(rank, _)| *rank >= 0)
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, r)| r)
}

/// The render function for `view`: an added renderer when it ranks higher,
/// else a built-in one, else the fallback.
fn render_fn(view: &FieldView) -> fn(FieldCtx) -> El {
    let extra = EXTRA.with(|e| {
        e.borrow()
            .iter()
            .map(|r| ((r.rank)(view), r.render))
            .filter(|(r, _)| *r >= 0)
            .max_by_key(|(r, _)| *r)
    });
    let builtin = choose(DEFAULT_RENDERERS, view).map(|r| ((r.rank)(view), r.render));
    match (extra, builtin) {
        (Some((a, f)), Some((b, _))) if a >= b => f,
        (Some((_, f)), None) => f,
        (_, Some((_, f))) => f,
        (None, None) => unknown,
    }
}

/// Renders the field instance at `pointer` (nothing while the engine says
/// it is hidden). `cell` is the row number of a table cell.
pub fn render_field(form: &Form, pointer: &str, cell: Option<String>) -> El {
    let slot = el("div").class("hf-slot");
    let Some((view, show_errors)) = form.field(pointer) else { return slot };
    let render = view.with_untracked(render_fn);
    let ctx = FieldCtx { view, show_errors, form: form.clone(), cell };
    let shown = memo(move || view.with(|v| v.visible));
    slot.region(move || if shown.get() { vec![render(ctx.clone())] } else { Vec::new() })
}

/// The explicit fallback: says which kind cannot be shown, as text.
fn unknown(ctx: FieldCtx) -> El {
    let (label, kind) = ctx.view.with_untracked(|v| (v.label.clone(), v.kind));
    let text = format!("{label}: {} ({kind})", crate::i18n::ui("field.unknown_kind"));
    el("div").class("hf-field hf-unknown").a("role", "note").c(el("p").t(&text))
}
