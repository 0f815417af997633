//! Field renderers and the registry that picks one per field.
//!
//! A renderer is chosen by ranked testers (as in JSON Forms): every entry
//! rates a field view, the highest non-negative rank wins, and an explicit
//! fallback renders a field no entry accepts. Renderers are thin: the engine's
//! [`FieldView`] already holds the value, counters, required flag and issues.

mod parts;

use hitforms_engine::FieldView;
use leptos::prelude::*;
use std::rc::Rc;

/// Called with (field pointer, language of a multilingual part, typed text).
pub type OnInput = Rc<dyn Fn(&str, Option<&str>, &str)>;

/// What a renderer gets for one field.
#[derive(Clone)]
pub struct FieldCtx {
    /// The engine's view of the field, updated when the engine says it changed.
    pub view: RwSignal<FieldView>,
    /// Whether to show the field's errors (it was edited, or the form validated).
    pub show_errors: Signal<bool>,
    /// Sends what the user typed to the engine.
    pub on_input: OnInput,
}

/// A renderer entry: a ranked tester and the render function.
pub struct Renderer {
    /// Name, for diagnostics and tests.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests"))]
    pub name: &'static str,
    /// Rank of this renderer for a field; negative means "not applicable".
    pub rank: fn(&FieldView) -> i32,
    /// Renders the field.
    pub render: fn(FieldCtx) -> AnyView,
}

/// The built-in renderers.
pub const DEFAULT_RENDERERS: &[Renderer] = &[
    Renderer {
        name: "text",
        rank: |v| rank_kind(v, &["text", "multilineText"]),
        render: parts::single,
    },
    Renderer {
        name: "number",
        rank: |v| rank_kind(v, &["integer", "decimal"]),
        render: parts::single,
    },
    Renderer {
        name: "multilingual",
        rank: |v| rank_kind(v, &["multilingualText"]),
        render: parts::multilingual,
    },
];

fn rank_kind(view: &FieldView, kinds: &[&str]) -> i32 {
    if kinds.contains(&view.kind) { 1 } else { -1 }
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

/// Renders one field with the default registry, or the fallback.
pub fn render_field(ctx: FieldCtx) -> AnyView {
    let chosen = ctx.view.with_untracked(|v| choose(DEFAULT_RENDERERS, v).map(|r| r.render));
    match chosen {
        Some(render) => render(ctx),
        None => unknown(ctx),
    }
}

/// The explicit fallback: says which kind cannot be shown, as text.
fn unknown(ctx: FieldCtx) -> AnyView {
    let (label, kind) = ctx.view.with_untracked(|v| (v.label.clone(), v.kind));
    view! {
        <div class="hf-field hf-unknown" role="note">
            <p>{label}": this form uses a field kind (" {kind} ") that this version cannot show."</p>
        </div>
    }
    .into_any()
}
