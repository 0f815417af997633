//! The arena behind the `Copy` handles of `signal.rs`.

use super::on_cleanup;
use std::cell::RefCell;
use std::rc::Rc;

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
pub(crate) struct Handle<V> {
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
    pub(crate) fn new(value: V) -> Self {
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
    pub(crate) fn try_get(&self) -> Option<V> {
        ARENA.with(|a| {
            let (slots, _) = &*a.borrow();
            let slot = &slots[self.index as usize];
            let value = slot.value.as_ref().filter(|_| slot.generation == self.generation);
            value.and_then(|v| v.downcast_ref::<V>()).cloned()
        })
    }

    /// The value; a disposed one is a bug, and traps.
    pub(crate) fn get(&self) -> V {
        self.try_get().expect("a live reactive value")
    }
}
