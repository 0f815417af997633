//! The partner search in wasm for `run.mjs`: `buffer` reserves memory the
//! host fills, `load` reads a binary index from it, `load_chunked` reads one
//! section at a time through the host's `env.read_range` (as the widget
//! does: the whole file is never in wasm memory), `search` runs one query
//! and returns the number of matches. See docs/benchmarks.md.

use hitforms_search::binary::Source;
use hitforms_search::{Index, Query, binary};
use std::alloc::{Layout, alloc};
use std::borrow::Cow;
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

unsafe extern "C" {
    /// Copies `len` bytes of the host's file at `at` to `dst`.
    unsafe fn read_range(at: usize, len: usize, dst: *mut u8);
}

/// The host's file, `size` bytes long, fetched a range at a time.
struct Host {
    size: usize,
}

impl Source for Host {
    fn size(&self) -> usize {
        self.size
    }

    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]> {
        let mut out = vec![0u8; len];
        // SAFETY: `out` has room for `len` bytes; the host writes exactly that.
        unsafe { read_range(at, len, out.as_mut_ptr()) };
        Cow::Owned(out)
    }
}

/// Loads the host's index of `size` bytes section by section; returns its
/// number of records, 0 on error.
#[unsafe(no_mangle)]
pub extern "C" fn load_chunked(size: usize) -> u32 {
    match binary::read_from(Host { size }) {
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

/// Counts live and peak heap bytes (the figures `run.mjs` prints beside
/// the linear memory size).
struct Counting;

static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: the caller's layout.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: the caller's pointer, layout and size.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: the caller's pointer and layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap bytes in use now.
#[unsafe(no_mangle)]
pub extern "C" fn heap_live() -> usize {
    LIVE.load(std::sync::atomic::Ordering::Relaxed)
}

/// The most heap bytes in use at once so far.
#[unsafe(no_mangle)]
pub extern "C" fn heap_peak() -> usize {
    PEAK.load(std::sync::atomic::Ordering::Relaxed)
}
