//! The reactive core (`crate::rx`) on its own: when effects run, what memos
//! notify, what an owner's cleanup disposes.

use super::tick;
use crate::rx::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::*;

/// A click handler a test holds.
type Handler = Rc<RefCell<Option<Box<dyn Fn()>>>>;

/// Counts the runs of an effect that reads `read` each time.
fn counted(read: impl Fn() + 'static) -> Rc<Cell<u32>> {
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    effect(Box::new(move || {
        read();
        r.set(r.get() + 1);
    }));
    runs
}

#[wasm_bindgen_test]
async fn effects_run_at_once_then_once_per_microtask_after_writes() {
    let owner = Owner::new();
    let (a, b) = (ArcRwSignal::new(1), ArcRwSignal::new(10));
    let seen = Rc::new(RefCell::new(Vec::new()));
    let runs = owner.with(|| {
        let (a, b, seen) = (a.clone(), b.clone(), seen.clone());
        counted(move || seen.borrow_mut().push(a.get() + b.get()))
    });
    assert_eq!(runs.get(), 1, "the first run is immediate");
    a.set(2);
    b.set(20);
    assert_eq!(runs.get(), 1, "writes are not seen before the microtask");
    tick().await;
    assert_eq!(runs.get(), 2, "two writes, one re-run");
    assert_eq!(*seen.borrow(), vec![11, 22]);
    owner.cleanup();
    a.set(3);
    tick().await;
    assert_eq!(runs.get(), 2, "a disposed effect never runs again");
}

#[wasm_bindgen_test]
async fn an_effect_depends_only_on_what_its_latest_run_read() {
    let owner = Owner::new();
    let (flag, x) = (ArcRwSignal::new(true), ArcRwSignal::new(0));
    let runs = owner.with(|| {
        let (flag, x) = (flag.clone(), x.clone());
        counted(move || {
            if flag.get() {
                x.track();
            }
        })
    });
    flag.set(false);
    tick().await;
    assert_eq!(runs.get(), 2);
    x.set(1);
    tick().await;
    assert_eq!(runs.get(), 2, "x was read by an older run only");
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn memos_are_fresh_when_read_and_notify_only_on_a_new_value() {
    let owner = Owner::new();
    let n = ArcRwSignal::new(3);
    let (parity, runs) = owner.with(|| {
        let source = n.clone();
        let parity = memo(move || source.get() % 2);
        (parity, counted(move || parity.with(|_| ())))
    });
    n.set(5);
    assert_eq!(parity.get_untracked(), 1, "read before the microtask: recomputed");
    tick().await;
    assert_eq!(runs.get(), 1, "same parity: readers not notified");
    n.set(6);
    tick().await;
    assert_eq!((parity.get_untracked(), runs.get()), (0, 2));
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn cleanup_disposes_handles_and_late_writes_do_nothing() {
    let owner = Owner::new();
    let (signal, derived, cleaned) = owner.with(|| {
        let signal = RwSignal::new(String::from("a"));
        let derived = Signal::derive(move || signal.get().len());
        let cleaned = Rc::new(Cell::new(false));
        let c = cleaned.clone();
        on_cleanup(move || c.set(true));
        (signal, derived, cleaned)
    });
    signal.set("abc".into());
    assert_eq!(derived.get(), 3);
    owner.cleanup();
    assert!(cleaned.get(), "cleanups run");
    // A timer or task of an unmounted form may still write: nothing happens.
    signal.set("late".into());
    signal.update(|s| s.push('!'));
    let next = owner.with(|| RwSignal::new(7));
    assert_eq!(next.get_untracked(), 7, "the freed slot serves a new value");
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn a_region_rebuilt_by_its_own_event_keeps_the_handler_alive_until_it_returns() {
    // The remove button of a list item bumps the list's version: the region
    // holding the button is rebuilt only after the click handler returns.
    let owner = Owner::new();
    let version = ArcRwSignal::new(0);
    let built = Rc::new(Cell::new(0));
    let handler: Handler = Rc::default();
    owner.with(|| {
        let (version, built, handler) = (version.clone(), built.clone(), handler.clone());
        effect(Box::new(move || {
            version.track();
            built.set(built.get() + 1);
            let item = RwSignal::new(built.get());
            let v = version.clone();
            *handler.borrow_mut() = Some(Box::new(move || {
                v.update(|n| *n += 1);
                assert!(item.get_untracked() > 0, "the item's state outlives the write");
            }));
        }));
    });
    let click = handler.borrow_mut().take().unwrap();
    click();
    tick().await;
    assert_eq!(built.get(), 2);
    owner.cleanup();
}
