//! The form handle every renderer holds: the engine's form state, one
//! signal per rendered field instance (created when the field is first
//! rendered), one structure version per rendered list, which items are open,
//! and [`Form::apply`], the one path by which every change reaches the engine.

use crate::rx::*;
use hitforms_engine::{FieldView, FormState, Issue};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A change a user makes.
pub enum Change<'a> {
    /// Typed text (a number or date is parsed by the engine).
    Input(&'a str),
    /// Typed text in one input language of a multilingual field.
    Translation(&'a str, &'a str),
    /// A whole value (a multi-select's codes).
    Value(Value),
    /// Append an item to the list.
    Add,
    /// Remove item `i` of the list.
    Remove(usize),
    /// Move item `from` to `to`.
    Move(usize, usize),
}

/// Each rendered field instance's view and whether the user changed it.
type Views = Vec<(String, (ArcRwSignal<FieldView>, ArcRwSignal<bool>))>;

struct Inner {
    state: ArcStoredValue<Option<FormState>>,
    lang: String,
    host: HtmlElement,
    /// What the element's properties read, with its session (events, drafts).
    shared: super::Shared,
    views: ArcStoredValue<Views>,
    lists: ArcStoredValue<Vec<(String, ArcRwSignal<u32>)>>,
    /// Per list, how often its items were removed or moved (pointers below
    /// it shifted): a list renderer keeps its items while this stays.
    shifts: ArcStoredValue<Vec<(String, u32)>>,
    /// Items opened or closed by the user, by item pointer; others follow
    /// their list's default.
    open: ArcRwSignal<Vec<(String, bool)>>,
    show_all: ArcRwSignal<bool>,
    revision: ArcRwSignal<u64>,
    section: ArcRwSignal<usize>,
    status: ArcRwSignal<String>,
    /// Computed values changed since input last paused, and the pause timer.
    pending: ArcStoredValue<(Vec<String>, Option<crate::dom::Timer>)>,
}

/// The form as renderers see it (cheap to clone).
#[derive(Clone)]
pub struct Form(Rc<Inner>);

/// Sorted-vector lookup (no hashing code in the wasm).
fn find<T>(list: &[(String, T)], key: &str) -> Result<usize, usize> {
    list.binary_search_by(|(k, _)| k.as_str().cmp(key))
}

/// The DOM id of the element for `pointer` (`/partners/0/name` →
/// `hf-partners-0-name`): field ids hold no `-`, so ids cannot collide.
pub fn dom_id(pointer: &str) -> String {
    format!("hf{}", pointer.replace('/', "-"))
}

impl Form {
    /// A handle over a loaded form.
    pub fn new(shared: super::Shared, lang: String) -> Form {
        let host = shared.session.host().unwrap_or_else(|| {
            // A session always has its host once mounted; a detached element
            // stands in (focus and events then go nowhere).
            crate::dom::document().create_element("div").unwrap().unchecked_into()
        });
        Form(Rc::new(Inner {
            state: shared.state.clone(),
            lang,
            host,
            show_all: shared.show_all.clone(),
            shared,
            views: ArcStoredValue::new(Vec::new()),
            lists: ArcStoredValue::new(Vec::new()),
            shifts: ArcStoredValue::new(Vec::new()),
            open: ArcRwSignal::new(Vec::new()),
            revision: ArcRwSignal::new(0),
            section: ArcRwSignal::new(0),
            status: ArcRwSignal::new(String::new()),
            pending: ArcStoredValue::new((Vec::new(), None)),
        }))
    }

    /// The UI language.
    pub fn lang(&self) -> &str {
        &self.0.lang
    }

    /// Reads the engine's form state (`None` never happens once mounted).
    pub fn read<R>(&self, f: impl FnOnce(&FormState) -> R) -> Option<R> {
        self.0.state.with_value(|s| s.as_ref().map(f))
    }

    /// Like [`Form::read`], tracking every change (for outlines and totals).
    pub fn read_tracked<R>(&self, f: impl FnOnce(&FormState) -> R) -> Option<R> {
        self.0.revision.track();
        self.read(f)
    }

    /// Whether every error is to be shown (after a validate or submit).
    pub fn show_all(&self) -> ArcRwSignal<bool> {
        self.0.show_all.clone()
    }

    /// The index of the section shown (`sections.len()` is the review step).
    pub fn section(&self) -> ArcRwSignal<usize> {
        self.0.section.clone()
    }

    /// The polite status message (item added, removed…).
    pub fn status(&self) -> ArcRwSignal<String> {
        self.0.status.clone()
    }

    /// The view signal of the field instance at `pointer` and whether to
    /// show its errors; registered on first use.
    pub fn field(&self, pointer: &str) -> Option<(RwSignal<FieldView>, Signal<bool>)> {
        let existing = self.0.views.with_value(|v| find(v, pointer).ok().map(|at| v[at].clone()));
        let (_, (view, touched)) = match existing {
            Some(entry) => entry,
            None => {
                let view = self.read(|s| s.view(pointer, &self.0.lang))??;
                let entry = (pointer.to_owned(), (ArcRwSignal::new(view), ArcRwSignal::new(false)));
                self.0.views.update_value(|v| {
                    if let Err(at) = find(v, pointer) {
                        v.insert(at, entry.clone());
                    }
                });
                entry
            }
        };
        let all = self.0.show_all.clone();
        let show = Signal::derive(move || touched.get() || all.get());
        Some((RwSignal::from(view), show))
    }

    /// The structure version of the list at `pointer` (bumped when its
    /// items are added, removed or moved).
    pub fn list_version(&self, pointer: &str) -> ArcRwSignal<u32> {
        let mut version = None;
        self.0.lists.update_value(|l| {
            let at = find(l, pointer).unwrap_or_else(|at| {
                l.insert(at, (pointer.to_owned(), ArcRwSignal::new(0)));
                at
            });
            version = Some(l[at].1.clone());
        });
        version.unwrap_or_default()
    }

    /// How often items of the list at `pointer` were removed or moved (an
    /// append leaves every other item where it was: only the new one is
    /// built).
    pub fn list_shifts(&self, pointer: &str) -> u32 {
        self.0.shifts.with_value(|s| find(s, pointer).map_or(0, |at| s[at].1))
    }

    /// Whether the item at `pointer` is open (`default` unless the user or
    /// a navigation said otherwise). Tracked.
    pub fn is_open(&self, pointer: &str, default: bool) -> bool {
        self.0.open.with(|o| find(o, pointer).map_or(default, |at| o[at].1))
    }

    /// Opens or closes the item at `pointer`.
    pub fn set_open(&self, pointer: &str, open: bool) {
        self.0.open.update(|o| match find(o, pointer) {
            Ok(at) => o[at].1 = open,
            Err(at) => o.insert(at, (pointer.to_owned(), open)),
        });
    }

    /// Applies a change to the field or list at `pointer`: the engine
    /// changes the data and says which fields' views changed; only those
    /// signals are set. Returns the index of an added item.
    pub fn apply(&self, pointer: &str, change: Change) -> Result<Option<usize>, Issue> {
        let list_change = matches!(change, Change::Add | Change::Remove(_) | Change::Move(..));
        let shift = match change {
            Change::Remove(i) => Some((i, None)),
            Change::Move(from, to) => Some((from, Some(to))),
            _ => None,
        };
        let mut guard = self.0.state.write_value();
        let Some(form) = guard.as_mut() else { return Ok(None) };
        let (added, changed) = match change {
            Change::Input(text) => (None, form.set_input(pointer, text)?),
            Change::Translation(l, text) => (None, form.set_translation(pointer, l, text)?),
            Change::Value(json) => (None, form.set_value(pointer, json)?),
            Change::Add => form.add_item(pointer).map(|(i, c)| (Some(i), c))?,
            Change::Remove(i) => (None, form.remove_item(pointer, i)?),
            Change::Move(from, to) => (None, form.move_item(pointer, from, to)?),
        };
        if let Some(shift) = shift {
            self.shift_open(pointer, shift);
            // Pointers below the list now name other items: forget them (the
            // items re-render and register anew). An append shifts nothing:
            // the rendered items keep their signals.
            let below = format!("{pointer}/");
            self.0.views.update_value(|v| v.retain(|(p, _)| !p.starts_with(&below)));
            self.0.lists.update_value(|l| l.retain(|(p, _)| !p.starts_with(&below)));
            self.0.shifts.update_value(|s| {
                s.retain(|(p, _)| !p.starts_with(&below));
                match find(s, pointer) {
                    Ok(at) => s[at].1 += 1,
                    Err(at) => s.insert(at, (pointer.to_owned(), 1)),
                }
            });
        }
        // Only the changed fields' signals are looked up (no copy of the registry).
        let lang = &self.0.lang;
        let own = pointer.to_owned();
        let changed_here = changed.iter().chain(list_change.then_some(&own));
        let (updates, touched) = self.0.views.with_value(|views| {
            let updates: Vec<(ArcRwSignal<FieldView>, FieldView)> = changed_here
                .filter_map(|c| {
                    let signal = &views[find(views, c).ok()?].1.0;
                    let view = form.view(c, lang)?;
                    signal.with_untracked(|old| *old != view).then(|| (signal.clone(), view))
                })
                .collect();
            (updates, find(views, pointer).ok().map(|at| views[at].1.1.clone()))
        });
        let mut computed = Vec::new();
        for (signal, view) in updates {
            if view.kind == "computed" && view.visible {
                let text = view.parts.first().map_or("", |p| p.text.as_str());
                computed.push(format!("{}: {text}", view.label));
            }
            signal.set(view);
        }
        let (data, valid) = (form.data_text(), form.is_valid());
        drop(guard);
        if let Some(touched) = touched {
            touched.set(true);
        }
        if list_change {
            self.list_version(pointer).update(|v| *v += 1);
        }
        self.0.revision.update(|r| *r += 1);
        self.announce_computed(computed);
        self.0.shared.session.changed(data, valid, &changed);
        Ok(added)
    }

    /// Keeps the open state with its items when item `from` of a list is
    /// removed (`to` is `None`) or moved to `to`.
    fn shift_open(&self, list: &str, (from, to): (usize, Option<usize>)) {
        let below = format!("{list}/");
        let remap = |i: usize| match to {
            None if i == from => None,
            None if i > from => Some(i - 1),
            Some(to) if i == from => Some(to),
            Some(to) if from < to && i > from && i <= to => Some(i - 1),
            Some(to) if to < from && i >= to && i < from => Some(i + 1),
            _ => Some(i),
        };
        self.0.open.update(|o| {
            let mut next: Vec<(String, bool)> = o
                .drain(..)
                .filter_map(|(p, open)| {
                    let Some(rest) = p.strip_prefix(&below) else { return Some((p, open)) };
                    let (index, tail) = rest.split_once('/').map_or((rest, ""), |(i, t)| (i, t));
                    let i: usize = index.parse().ok()?;
                    let moved = remap(i)?;
                    let sep = if tail.is_empty() { "" } else { "/" };
                    Some((format!("{below}{moved}{sep}{tail}"), open))
                })
                .collect();
            next.sort_by(|a, b| a.0.cmp(&b.0));
            *o = next;
        });
    }

    /// Moves focus to the element for `pointer` once the DOM has caught up:
    /// into its first input when `into_input`, else onto it.
    pub fn focus_later(&self, pointer: &str, into_input: bool) {
        self.focus_id_later(dom_id(pointer), into_input);
    }

    /// Moves focus to the element `id` once the DOM has caught up (into its
    /// first input when `into_input`); an id that names no element is taken
    /// as a prefix (a multilingual field's first language input).
    pub fn focus_id_later(&self, id: String, into_input: bool) {
        let host = self.0.host.clone();
        crate::dom::next_frame(move || {
            let Some(root) = host.shadow_root() else { return };
            let target = root.get_element_by_id(&id).or_else(|| {
                let selector = format!("[id^='{id}-']:is(input, textarea, select)");
                root.query_selector(&selector).ok().flatten()
            });
            let Some(target) = target else { return };
            let inner = into_input
                .then(|| target.query_selector("input, textarea, select").ok().flatten())
                .flatten();
            if let Ok(el) = inner.unwrap_or(target).dyn_into::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    /// Announces changed computed values once input has paused for a
    /// second (the latest value of each), not on every keystroke.
    fn announce_computed(&self, texts: Vec<String>) {
        if texts.is_empty() {
            return;
        }
        let pending = self.0.pending.clone();
        pending.update_value(|(queued, timer)| {
            for text in texts {
                let label = text.split(": ").next().unwrap_or_default().to_owned();
                queued.retain(|q| !q.starts_with(&format!("{label}: ")));
                queued.push(text);
            }
            if let Some(t) = timer.take() {
                t.clear();
            }
        });
        let (form, queue) = (self.clone(), pending.clone());
        let handle = crate::dom::after(1000, move || {
            let texts = Some(queue.update_value(|(q, t)| {
                *t = None;
                std::mem::take(q)
            }));
            if let Some(texts) = texts.filter(|t| !t.is_empty()) {
                form.announce(texts.join("; "));
            }
        });
        pending.update_value(|(_, timer)| *timer = handle);
    }

    /// Says `text` through the polite live region.
    pub fn announce(&self, text: String) {
        self.0.status.set(text);
    }

    /// Submits the form as the element's `submit()` does: every error
    /// shown, `hitforms-submit` only when there is none. Returns validity.
    pub fn submit(&self) -> bool {
        crate::element::submit(&self.0.shared)
    }
}
