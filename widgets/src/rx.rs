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

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A running effect: its body, its run number, its owner.
struct Effect {
    body: RefCell<Option<Box<dyn Fn()>>>,
    run: Cell<u32>,
    queued: Cell<bool>,
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
    fn run(self: &Rc<Effect>) {
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
fn new_effect(f: Box<dyn Fn()>) -> Rc<Effect> {
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
struct Subscribers(RefCell<Vec<Subscriber>>);

impl Subscribers {
    /// Subscribes the running effect, if any.
    fn track(&self) {
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
    fn notify(&self) {
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

struct SignalInner<T> {
    value: RefCell<T>,
    subs: Subscribers,
}

/// A reactive value (cheap to clone: clones share the value).
pub struct ArcRwSignal<T>(Rc<SignalInner<T>>);

impl<T> Clone for ArcRwSignal<T> {
    fn clone(&self) -> Self {
        ArcRwSignal(self.0.clone())
    }
}

impl<T: Default> Default for ArcRwSignal<T> {
    fn default() -> Self {
        ArcRwSignal::new(T::default())
    }
}

impl<T> From<T> for ArcRwSignal<T> {
    fn from(value: T) -> Self {
        ArcRwSignal::new(value)
    }
}

impl<T> ArcRwSignal<T> {
    /// A signal holding `value`.
    pub fn new(value: T) -> Self {
        ArcRwSignal(Rc::new(SignalInner {
            value: RefCell::new(value),
            subs: Subscribers::default(),
        }))
    }

    /// Makes the running effect depend on this signal.
    pub fn track(&self) {
        self.0.subs.track();
    }

    /// Runs the effects that depend on this signal.
    pub fn notify(&self) {
        self.0.subs.notify();
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.track();
        self.with_untracked(f)
    }

    /// Reads the value, untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.value.borrow())
    }

    /// Replaces the value and notifies.
    pub fn set(&self, value: T) {
        *self.0.value.borrow_mut() = value;
        self.notify();
    }

    /// Changes the value in place and notifies.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        f(&mut self.0.value.borrow_mut());
        self.notify();
    }
}

impl<T: Clone> ArcRwSignal<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

/// A value computed from signals, recomputed when they change (its readers
/// notified only when the result differs) or when read while stale.
pub struct Memo<T: 'static>(Handle<(ArcRwSignal<T>, Rc<Effect>)>);

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Memo<T> {}

/// A memo of `f()`, disposed with the current owner.
pub fn memo<T: PartialEq + 'static>(f: impl Fn() -> T + 'static) -> Memo<T> {
    let cell: Rc<RefCell<Option<ArcRwSignal<T>>>> = Rc::default();
    let slot = cell.clone();
    let effect = new_effect(Box::new(move || {
        let value = f();
        let existing = slot.borrow().clone();
        match existing {
            None => *slot.borrow_mut() = Some(ArcRwSignal::new(value)),
            Some(s) => {
                if s.with_untracked(|old| *old != value) {
                    s.set(value);
                }
            }
        }
    }));
    let signal = cell.borrow().clone().expect("an effect runs at once");
    Memo(Handle::new((signal, effect)))
}

impl<T> Memo<T> {
    /// The up-to-date signal (recomputed first when stale).
    fn fresh(&self) -> ArcRwSignal<T> {
        let (signal, effect) = self.0.get();
        if effect.queued.get() {
            effect.run();
        }
        signal
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.fresh().with(f)
    }

    /// Reads the value, untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.fresh().with_untracked(f)
    }
}

impl<T: Clone> Memo<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.fresh().get()
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.fresh().get_untracked()
    }
}

/// A read-only value derived from signals on each read (`Copy`: a handle
/// into the arena, like [`RwSignal`]).
pub struct Signal<T: 'static>(Handle<Rc<dyn Fn() -> T>>);

impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Signal<T> {}

impl<T> Signal<T> {
    /// A derived value: `f` runs on each read (tracking what it reads).
    pub fn derive(f: impl Fn() -> T + 'static) -> Self {
        let f: Rc<dyn Fn() -> T> = Rc::new(f);
        Signal(Handle::new(f))
    }

    /// The value now, tracked.
    pub fn get(&self) -> T {
        (self.0.get())()
    }
}

/// A `Copy` handle to an [`ArcRwSignal`] held by the current owner, as
/// Leptos' `RwSignal` is: closures capture it without cloning.
pub struct RwSignal<T: 'static>(Handle<ArcRwSignal<T>>);

impl<T> Clone for RwSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RwSignal<T> {}

impl<T> From<ArcRwSignal<T>> for RwSignal<T> {
    fn from(signal: ArcRwSignal<T>) -> Self {
        RwSignal(Handle::new(signal))
    }
}

impl<T> RwSignal<T> {
    /// A signal holding `value`, disposed with the current owner.
    pub fn new(value: T) -> Self {
        RwSignal::from(ArcRwSignal::new(value))
    }

    /// The shared signal behind the handle (reading a disposed one is a
    /// bug, and traps).
    fn arc(&self) -> ArcRwSignal<T> {
        self.0.try_get().expect("a live reactive value")
    }

    /// See [`ArcRwSignal::with`].
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.arc().with(f)
    }

    /// See [`ArcRwSignal::with_untracked`].
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.arc().with_untracked(f)
    }

    /// See [`ArcRwSignal::set`]; nothing once disposed (a late task or
    /// timer of an unmounted form writes into nothing, as with Leptos).
    pub fn set(&self, value: T) {
        if let Some(signal) = self.0.try_get() {
            signal.set(value)
        }
    }

    /// See [`ArcRwSignal::update`]; nothing once disposed.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        if let Some(signal) = self.0.try_get() {
            signal.update(f)
        }
    }
}

impl<T: Clone> RwSignal<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.arc().get()
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.arc().get_untracked()
    }
}

/// The arena behind `Copy` handles: a slot per value, freed when the owner
/// that made it is cleaned up; a slot's generation tells a stale handle
/// from the slot's next value.
struct Slot {
    generation: u32,
    value: Option<Rc<dyn std::any::Any>>,
}

thread_local! {
    static ARENA: RefCell<(Vec<Slot>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// A `Copy` reference to a value of type `V` in the arena.
struct Handle<V> {
    index: u32,
    generation: u32,
    _value: std::marker::PhantomData<fn() -> V>,
}

impl<V> Clone for Handle<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for Handle<V> {}

impl<V: Clone + 'static> Handle<V> {
    /// Puts `value` in a slot owned by the current owner.
    fn new(value: V) -> Self {
        let value: Rc<dyn std::any::Any> = Rc::new(value);
        let (index, generation) = ARENA.with(|a| {
            let (slots, free) = &mut *a.borrow_mut();
            match free.pop() {
                Some(i) => {
                    let slot = &mut slots[i as usize];
                    slot.value = Some(value);
                    (i, slot.generation)
                }
                None => {
                    slots.push(Slot { generation: 0, value: Some(value) });
                    (slots.len() as u32 - 1, 0)
                }
            }
        });
        on_cleanup(move || {
            // Taken out and dropped after the arena is released: a drop may
            // read other reactive values.
            let value = ARENA.with(|a| {
                let (slots, free) = &mut *a.borrow_mut();
                let slot = &mut slots[index as usize];
                if slot.generation != generation {
                    return None;
                }
                slot.generation = generation.wrapping_add(1);
                free.push(index);
                slot.value.take()
            });
            drop(value);
        });
        Handle { index, generation, _value: std::marker::PhantomData }
    }

    /// The value (a clone of its `Rc`s), unless disposed.
    fn try_get(&self) -> Option<V> {
        ARENA.with(|a| {
            let (slots, _) = &*a.borrow();
            let slot = &slots[self.index as usize];
            let value = slot.value.as_ref().filter(|_| slot.generation == self.generation);
            value.and_then(|v| v.downcast_ref::<V>()).cloned()
        })
    }

    /// The value; a disposed one is a bug, and traps.
    fn get(&self) -> V {
        self.try_get().expect("a live reactive value")
    }
}

/// A plain shared value, not reactive.
pub struct ArcStoredValue<T>(Rc<RefCell<T>>);

impl<T> Clone for ArcStoredValue<T> {
    fn clone(&self) -> Self {
        ArcStoredValue(self.0.clone())
    }
}

impl<T: Default> Default for ArcStoredValue<T> {
    fn default() -> Self {
        ArcStoredValue::new(T::default())
    }
}

impl<T> ArcStoredValue<T> {
    /// Borrows the value mutably (a guard: drop it before reading again).
    pub fn write_value(&self) -> std::cell::RefMut<'_, T> {
        self.0.borrow_mut()
    }

    /// A stored `value`.
    pub fn new(value: T) -> Self {
        ArcStoredValue(Rc::new(RefCell::new(value)))
    }

    /// Reads the value.
    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow())
    }

    /// Changes the value.
    pub fn update_value<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    /// Replaces the value.
    pub fn set_value(&self, value: T) {
        *self.0.borrow_mut() = value;
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
