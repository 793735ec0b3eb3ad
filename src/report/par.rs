//! Mapping a slice on all cores with scoped threads: the table of a national
//! roll-up has close to a million rows, and building or rendering each row
//! is independent of the others.

/// `items.iter().map(f).collect()`, with the slice cut into one chunk per
/// core; the order of the results is the order of `items`.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len() / 1024 + 1);
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                // a panic in `f` is a bug: re-raise it rather than lose rows
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_on_large_and_small_inputs() {
        for n in [0usize, 1, 5, 10_000] {
            let v: Vec<usize> = (0..n).collect();
            assert_eq!(
                super::map(&v, |x| x * 2),
                v.iter().map(|x| x * 2).collect::<Vec<_>>()
            );
        }
    }
}
