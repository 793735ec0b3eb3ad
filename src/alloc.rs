//! The program's memory allocator: mimalloc, except that a large block
//! asked for zeroed comes fresh from the kernel.
//!
//! mimalloc rather than the C library's malloc, as polars' own documentation
//! advises for it: the summary frees, on all cores, registers that other
//! threads read and allocated, and with glibc those frees queued on the
//! locks of the arenas the memory came from (futex waits, four times the
//! context switches). With mimalloc the summary of 1 000 registers added a
//! quarter less to reading them and its peak memory fell from 315 to
//! 258 MB (docs/speed.md).
//!
//! Large zeroed blocks: polars keeps one 8 MiB block of zeroes, aligned to
//! 4 KiB, and makes it on its first query. Neither allocator hands out a
//! zeroed block with that alignment without writing every byte of it, so
//! every run of `riskreg summary` faulted in and cleared 8 MiB before its
//! first figure. Pages fresh from the kernel are zero already and are only
//! touched when used. A mapped block is remembered in a small table (a few
//! at a time are alive: zeroed blocks this large are rare), so that it is
//! unmapped when freed; when the table is full, mimalloc zeroes the block
//! as before.
//!
//! Declared with `#[global_allocator]` by the binary (and the benches, so
//! that they measure what the binary does).

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

/// From this size up a zeroed block is mapped.
const LARGE: usize = 1 << 20;

/// Mappings start on a page, so they meet any alignment up to one.
const PAGE: usize = 4096;

/// The addresses of the mapped blocks alive (0: a free entry).
static MAPPED: [AtomicUsize; 64] = [const { AtomicUsize::new(0) }; 64];

/// mimalloc, with large zeroed blocks mapped fresh.
pub struct Allocator;

/// `size` bytes of fresh, zeroed pages, remembered in [`MAPPED`]; `None`
/// when the kernel refuses or the table is full.
fn map(size: usize) -> Option<*mut u8> {
    let entry = MAPPED.iter().find(|e| {
        // reserved with an address no mapping has, until it is known
        e.compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    })?;
    // SAFETY: an anonymous private mapping at no fixed address touches no
    // existing memory.
    let p = unsafe {
        libc::mmap(
            ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        entry.store(0, Ordering::Release);
        return None;
    }
    entry.store(p as usize, Ordering::Release);
    Some(p.cast())
}

/// Unmaps `p` if it is a mapped block of `size` bytes; false if it is not
/// one (it is then mimalloc's).
fn unmap(p: *mut u8, size: usize) -> bool {
    if size < LARGE {
        return false;
    }
    let Some(entry) = MAPPED
        .iter()
        .find(|e| e.load(Ordering::Acquire) == p as usize)
    else {
        return false;
    };
    // SAFETY: `p` is a mapping of `size` bytes made by `map` (a block is
    // freed with the size it was made with) and nothing uses it any more.
    unsafe { libc::munmap(p.cast(), size) };
    entry.store(0, Ordering::Release);
    true
}

// SAFETY: a block is mimalloc's unless `map` made it, and a
// block `map` made is found in `MAPPED` by its address until it is freed,
// so every block goes back to where it came from.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on
        unsafe { MiMalloc.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= LARGE
            && layout.align() <= PAGE
            && let Some(p) = map(layout.size())
        {
            // fresh pages are zero: nothing to write
            return p;
        }
        // SAFETY: the caller's contract, passed on
        unsafe { MiMalloc.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !unmap(ptr, layout.size()) {
            // SAFETY: the caller's contract, passed on
            unsafe { MiMalloc.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let was_mapped = layout.size() >= LARGE
            && MAPPED
                .iter()
                .any(|e| e.load(Ordering::Acquire) == ptr as usize);
        if !was_mapped {
            // SAFETY: the caller's contract, passed on
            return unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        }
        // a mapped block becomes mimalloc's: copied over
        // SAFETY: the caller guarantees `new_size` with this alignment is a
        // valid layout
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a layout of non-zero size
        let p = unsafe { MiMalloc.alloc(new) };
        if !p.is_null() {
            // SAFETY: both blocks hold at least this many bytes and are
            // distinct; the old one is given back after
            unsafe {
                ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).expect("layout")
    }

    fn is_mapped(p: *mut u8) -> bool {
        MAPPED
            .iter()
            .any(|e| e.load(Ordering::Acquire) == p as usize)
    }

    #[test]
    fn a_large_zeroed_block_is_mapped_zero_and_writable_then_unmapped() {
        let a = Allocator;
        let l = layout(8 << 20, 4096);
        // SAFETY: a non-zero layout, given back below with the same layout
        unsafe {
            let p = a.alloc_zeroed(l);
            assert!(!p.is_null());
            assert!(is_mapped(p));
            assert_eq!(p as usize % 4096, 0);
            let bytes = std::slice::from_raw_parts_mut(p, l.size());
            assert!(bytes.iter().all(|b| *b == 0));
            bytes[l.size() - 1] = 7;
            assert_eq!(bytes[l.size() - 1], 7);
            a.dealloc(p, l);
            assert!(!is_mapped(p));
        }
    }

    #[test]
    fn a_mapped_block_keeps_its_bytes_when_it_grows_or_shrinks() {
        let a = Allocator;
        for new_size in [3 * LARGE + 5, 64] {
            let l = layout(2 * LARGE, 8);
            // SAFETY: each block is given back with the layout it has
            unsafe {
                let p = a.alloc_zeroed(l);
                assert!(is_mapped(p));
                for i in 0..l.size() {
                    *p.add(i) = (i % 251) as u8;
                }
                let q = a.realloc(p, l, new_size);
                assert!(!q.is_null());
                assert!(!is_mapped(p), "the old mapping is gone");
                for i in 0..l.size().min(new_size) {
                    assert_eq!(
                        *q.add(i),
                        (i % 251) as u8,
                        "byte {i} after realloc to {new_size}"
                    );
                }
                a.dealloc(q, layout(new_size, 8));
            }
        }
    }

    #[test]
    fn small_blocks_and_blocks_not_asked_zeroed_stay_mimallocs() {
        let a = Allocator;
        for (l, zeroed) in [
            (layout(LARGE - 1, 8), true),
            (layout(4 * LARGE, 8), false),
            (layout(2 * LARGE, 1 << 16), true),
        ] {
            // SAFETY: a non-zero layout, given back with the same layout
            unsafe {
                let p = if zeroed {
                    a.alloc_zeroed(l)
                } else {
                    a.alloc(l)
                };
                assert!(!p.is_null());
                assert!(!is_mapped(p));
                assert_eq!(p as usize % l.align(), 0);
                if zeroed {
                    assert_eq!(*p.add(l.size() - 1), 0);
                }
                a.dealloc(p, l);
            }
        }
    }
}
