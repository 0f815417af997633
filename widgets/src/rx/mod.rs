//! A small single-threaded reactive core: signals, derived values,
//! effects and owners, with the method names of Leptos' reactive_graph
//! (which the widget used before). It exists for size: reactive_graph is
//! built for threads and async (`Arc`, locks, an executor, hashed subscriber
//! sets, one generic copy of its machinery per value type) and was ~25 KB of
//! the widget's wasm, ~30 KB with what it pulled in; this file compiles to a
//! few KB (docs/decisions.md, "The widget's reactive core").
//!
//! The model:
//! - an [`ArcRwSignal`] holds a value and the effects that read it;
//! - an effect ([`effect`]) runs at once, recording the signals it reads,
//!   and runs again after any of them changes. Each run has a number; a
//!   subscription made by an older run is stale and skipped, so an effect
//!   never needs to unsubscribe;
//! - setting a signal queues its effects; the queue runs in a microtask,
//!   each queued effect once (as Leptos does: an event handler finishes
//!   before the DOM it came from is rebuilt); a [`Memo`] read while stale
//!   recomputes first, so reads after a write are never stale;
//! - an [`Owner`] holds cleanups: an effect's own owner is cleaned before
//!   each re-run and when its parent is cleaned, which disposes the effects,
//!   listeners and regions created inside it.

mod arena;
mod signal;

pub use signal::{ArcRwSignal, ArcStoredValue, Memo, RwSignal, Signal, memo};

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A running effect: its body, its run number, its owner.
pub(crate) struct Effect {
    body: RefCell<Option<Box<dyn Fn()>>>,
    run: Cell<u32>,
    pub(crate) queued: Cell<bool>,
    alive: Cell<bool>,
    owner: Owner,
}

type Subscriber = (Weak<Effect>, u32);

thread_local! {
    static OBSERVER: RefCell<Option<Rc<Effect>>> = const { RefCell::new(None) };
    static OWNER: RefCell<Option<Owner>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Vec<Rc<Effect>>> = const { RefCell::new(Vec::new()) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

impl Effect {
    /// Runs the body under this effect's owner, tracking what it reads.
    pub(crate) fn run(self: &Rc<Effect>) {
        self.queued.set(false);
        if !self.alive.get() {
            return;
        }
        self.owner.cleanup();
        self.run.set(self.run.get().wrapping_add(1));
        let previous = OBSERVER.with(|o| o.replace(Some(self.clone())));
        // The body is taken out while it runs: a run that disposes its own
        // effect (its region rebuilt) then finds nothing to drop.
        let body = self.body.borrow_mut().take();
        if let Some(body) = body {
            self.owner.with(&body);
            if self.alive.get() {
                *self.body.borrow_mut() = Some(body);
            }
        }
        OBSERVER.with(|o| *o.borrow_mut() = previous);
    }
}

/// Runs `f` now and again whenever a signal it read changes, until the
/// current owner is cleaned up.
pub fn effect(f: Box<dyn Fn()>) {
    new_effect(f);
}

/// [`effect`], returning the effect (a memo re-runs its own when read stale).
pub(crate) fn new_effect(f: Box<dyn Fn()>) -> Rc<Effect> {
    let effect = Rc::new(Effect {
        body: RefCell::new(Some(f)),
        run: Cell::new(0),
        queued: Cell::new(false),
        alive: Cell::new(true),
        owner: Owner::new(),
    });
    let kept = effect.clone();
    on_cleanup(move || {
        kept.alive.set(false);
        kept.owner.cleanup();
        kept.body.borrow_mut().take();
    });
    effect.run();
    effect
}

/// Runs the queued effects, and those they queue, each once per round.
fn flush() {
    loop {
        let queued = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        if queued.is_empty() {
            break;
        }
        for effect in queued {
            if effect.queued.get() {
                effect.run();
            }
        }
    }
    SCHEDULED.with(|s| s.set(false));
}

/// The subscribers of one signal.
#[derive(Default)]
pub(crate) struct Subscribers(RefCell<Vec<Subscriber>>);

impl Subscribers {
    /// Subscribes the running effect, if any.
    pub(crate) fn track(&self) {
        OBSERVER.with(|o| {
            if let Some(e) = o.borrow().as_ref() {
                let mut subs = self.0.borrow_mut();
                let me = (Rc::downgrade(e), e.run.get());
                if !subs.iter().any(|(w, r)| *r == me.1 && w.ptr_eq(&me.0)) {
                    subs.push(me);
                }
            }
        });
    }

    /// Queues the live subscribers and runs the queue.
    pub(crate) fn notify(&self) {
        let subs = std::mem::take(&mut *self.0.borrow_mut());
        QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            for (weak, run) in subs {
                let live = weak.upgrade().filter(|e| e.run.get() == run && e.alive.get());
                if let Some(e) = live.filter(|e| !e.queued.replace(true)) {
                    q.push(e);
                }
            }
        });
        if !SCHEDULED.with(|s| s.replace(true)) {
            wasm_bindgen_futures::spawn_local(async { flush() });
        }
    }
}

/// Cleanups run together: what a region, an effect run or a mounted form
/// created (effects, listeners, child owners).
#[derive(Clone, Default)]
pub struct Owner(Rc<RefCell<Vec<Cleanup>>>);

/// One cleanup of an [`Owner`].
type Cleanup = Box<dyn FnOnce()>;

impl Owner {
    /// A new owner, cleaned up with the current one.
    pub fn new() -> Owner {
        let owner = Owner::default();
        let child = owner.clone();
        on_cleanup(move || child.cleanup());
        owner
    }

    /// The current owner, if any.
    pub fn current() -> Option<Owner> {
        OWNER.with(|o| o.borrow().clone())
    }

    /// Runs `f` with this owner current.
    pub fn with<R>(&self, f: impl FnOnce() -> R) -> R {
        let previous = OWNER.with(|o| o.replace(Some(self.clone())));
        let result = f();
        OWNER.with(|o| *o.borrow_mut() = previous);
        result
    }

    /// Runs and forgets its cleanups, latest first.
    pub fn cleanup(&self) {
        let cleanups = std::mem::take(&mut *self.0.borrow_mut());
        for cleanup in cleanups.into_iter().rev() {
            cleanup();
        }
    }
}

/// Runs `f` when the current owner is cleaned up (never without an owner).
pub fn on_cleanup(f: impl FnOnce() + 'static) {
    OWNER.with(|o| {
        if let Some(owner) = o.borrow().as_ref() {
            owner.0.borrow_mut().push(Box::new(f));
        }
    });
}
