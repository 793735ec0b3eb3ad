//! Mapping a slice on all cores with scoped threads, the one parallel map of
//! riskreg: loading a year's register files (a few, of very different
//! sizes) and building or rendering the rows of a national roll-up (close
//! to a million, each cheap) are both independent per item.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Items per thread for work as light as copying or rendering a table row.
pub const LIGHT: usize = 1024;
/// Items per thread for work as heavy as reading and parsing a file.
pub const HEAVY: usize = 1;

/// `items.iter().map(f).collect()` on up to one thread per core; the order
/// of the results is the order of `items`. A thread is started only for
/// every `per_thread` items ([`LIGHT`], [`HEAVY`]), so small inputs stay on
/// this thread. Items are handed out in small batches as threads come free,
/// so a thread that drew large files does not hold the others up. A panic
/// in `f` is a bug, and is raised again here rather than losing items.
pub fn map<T: Sync, R: Send>(items: &[T], per_thread: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len(), per_thread);
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let batch = batch_for(items.len(), threads);
    let next = AtomicUsize::new(0);
    on_threads(threads, items.len(), || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            let Some(part) = items.get(start..(start + batch).min(items.len())) else {
                break;
            };
            if part.is_empty() {
                break;
            }
            done.push((start, part.iter().map(&f).collect()));
        }
        done
    })
}

/// [`map`] over items it may change: `f` gets each item's index and the
/// item itself, as a summary moving texts out of registers it owns does.
pub fn map_mut<T: Send, R: Send>(
    items: &mut [T],
    per_thread: usize,
    f: impl Fn(usize, &mut T) -> R + Sync,
) -> Vec<R> {
    let len = items.len();
    let threads = threads_for(len, per_thread);
    if threads <= 1 {
        return items.iter_mut().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let batch = batch_for(len, threads);
    // the batches are handed out in turn; a thread holds the lock only to
    // take the next one
    let batches = std::sync::Mutex::new(items.chunks_mut(batch).enumerate());
    on_threads(threads, len, || {
        let mut done = Vec::new();
        loop {
            let next = batches
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .next();
            let Some((n, part)) = next else {
                break;
            };
            let start = n * batch;
            let results = part
                .iter_mut()
                .enumerate()
                .map(|(i, t)| f(start + i, t))
                .collect();
            done.push((start, results));
        }
        done
    })
}

/// Drops `items` on up to one thread per core, one for every `per_thread`
/// items: a table of hundreds of thousands of rows, each a handful of small
/// allocations, takes as long to free as parts of it took to make. The
/// vector is cut in pieces from its end (each piece copied once, which is
/// cheap next to freeing what its items hold).
pub fn drop_all<T: Send>(mut items: Vec<T>, per_thread: usize) {
    let threads = threads_for(items.len(), per_thread);
    if threads <= 1 {
        return;
    }
    let size = items.len().div_ceil(threads);
    let mut pieces = Vec::with_capacity(threads - 1);
    while items.len() > size {
        pieces.push(items.split_off(items.len() - size));
    }
    std::thread::scope(|scope| {
        for piece in pieces {
            scope.spawn(move || drop(piece));
        }
        drop(items);
    });
}

/// One thread per core, but only one for every `per_thread` items.
fn threads_for(len: usize, per_thread: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(len.div_ceil(per_thread.max(1)))
}

/// A few batches per thread: few enough that taking one costs nothing next
/// to the work, enough that the last ones even out.
fn batch_for(len: usize, threads: usize) -> usize {
    (len / (threads * 8)).max(1)
}

/// Runs `work` on `threads` scoped threads, each returning the batches it
/// did as (index of their first item, results), and puts the `len` results
/// back in the order of their items. A panic is raised again here.
fn on_threads<R: Send>(
    threads: usize,
    len: usize,
    work: impl Fn() -> Vec<(usize, Vec<R>)> + Sync,
) -> Vec<R> {
    let work = &work;
    let parts: Vec<Vec<(usize, Vec<R>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut batches: Vec<(usize, Vec<R>)> = parts.into_iter().flatten().collect();
    batches.sort_unstable_by_key(|(start, _)| *start);
    let mut out = Vec::with_capacity(len);
    for (_, results) in batches {
        out.extend(results);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{drop_all, map, map_mut};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Counts its drops.
    struct Counted(Arc<AtomicUsize>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn drop_all_drops_every_item_once() {
        for (n, per_thread) in [(0usize, 1usize), (1, 1), (7, 1), (1000, 3), (1000, 10_000)] {
            let dropped = Arc::new(AtomicUsize::new(0));
            let items: Vec<Counted> = (0..n).map(|_| Counted(dropped.clone())).collect();
            drop_all(items, per_thread);
            assert_eq!(
                dropped.load(Ordering::Relaxed),
                n,
                "{n} items, {per_thread} a thread"
            );
        }
    }

    #[test]
    fn map_mut_changes_every_item_and_keeps_order() {
        for n in [0usize, 1, 2, 5, 17, 1000] {
            let mut v: Vec<usize> = (0..n).collect();
            let out = map_mut(&mut v, 1, |i, x| {
                *x += 1;
                (i, *x)
            });
            assert_eq!(v, (1..=n).collect::<Vec<usize>>(), "items, {n}");
            assert_eq!(out, (0..n).map(|i| (i, i + 1)).collect::<Vec<_>>(), "{n}");
        }
    }

    #[test]
    fn keeps_order_on_large_and_small_inputs_light_or_heavy() {
        for n in [0usize, 1, 2, 5, 1023, 1025, 10_000] {
            let v: Vec<usize> = (0..n).collect();
            let doubled: Vec<usize> = v.iter().map(|x| x * 2).collect();
            assert_eq!(map(&v, 1024, |x| x * 2), doubled, "light, {n}");
            assert_eq!(map(&v, 1, |x| x * 2), doubled, "heavy, {n}");
        }
    }

    #[test]
    fn uneven_work_comes_back_in_order() {
        // a few slow items early on, as a large register file would be
        let v: Vec<u64> = (0..64).collect();
        let out = map(&v, 1, |&x| {
            if x < 3 {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            x + 1
        });
        assert_eq!(out, (1..=64).collect::<Vec<u64>>());
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_the_function_is_raised_again() {
        let v: Vec<usize> = (0..16).collect();
        map(&v, 1, |&x| {
            if x == 7 {
                panic!("item 7");
            }
            x
        });
    }
}
