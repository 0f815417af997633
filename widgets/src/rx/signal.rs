//! The value types: shared signals, `Copy` handles to them (in the owner's
//! arena), memos, derived values and plain stored values.

use super::arena::Handle;
use super::{Effect, Subscribers, new_effect};
use std::cell::RefCell;
use std::rc::Rc;

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
