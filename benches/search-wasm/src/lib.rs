//! The partner search in wasm for `run.mjs`: `buffer` reserves memory the
//! host fills, `load` reads a binary index from it, `search` runs one query
//! and returns the number of matches. See docs/benchmarks.md.

use hitforms_search::{Index, Query, binary};
use std::alloc::{Layout, alloc};
use std::cell::RefCell;

thread_local! {
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
}

/// Reserves `len` bytes for the host to fill; null when impossible.
#[unsafe(no_mangle)]
pub extern "C" fn buffer(len: usize) -> *mut u8 {
    match Layout::from_size_align(len.max(1), 1) {
        // SAFETY: the layout has a non-zero size.
        Ok(layout) => unsafe { alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// The bytes at `ptr`.
///
/// # Safety
/// `ptr..ptr + len` must be memory this module handed out by [`buffer`].
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    // SAFETY: the caller's promise.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// Loads the index at `ptr..ptr + len`; returns its number of records, 0 on
/// error.
///
/// # Safety
/// As [`bytes`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn load(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller's promise.
    match binary::read(unsafe { bytes(ptr, len) }) {
        Ok(index) => {
            let n = index.len() as u32;
            INDEX.with(|slot| *slot.borrow_mut() = Some(index));
            n
        }
        Err(_) => 0,
    }
}

/// Runs the query text at `q` (UTF-8) with the country filter at `c` (empty:
/// none); returns the number of matches.
///
/// # Safety
/// As [`bytes`], for both ranges.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn search(q: *const u8, q_len: usize, c: *const u8, c_len: usize) -> u32 {
    // SAFETY: the caller's promise.
    let (text, country) = unsafe { (bytes(q, q_len), bytes(c, c_len)) };
    let mut query = Query::new(std::str::from_utf8(text).unwrap_or(""));
    let country = std::str::from_utf8(country).unwrap_or("");
    if !country.is_empty() {
        query.filters.country = Some(country.to_owned());
    }
    INDEX.with(|slot| slot.borrow().as_ref().map_or(0, |index| index.search(&query).total as u32))
}
