//! A value kept until what it was computed from changes: for what a screen
//! shows that is costly to compute (a register's sorted rows, the round's
//! summary, the validator's findings), held in the screen's own state.
//! It is not state itself: it never makes two views differ, and a copy of
//! a view starts without it.

use std::cell::{Ref, RefCell};

pub struct Cached<K, V>(RefCell<Option<(K, V)>>);

impl<K: PartialEq, V> Cached<K, V> {
    /// The value for `key`, computed by `compute` only when the kept one
    /// was computed from another key (or none is kept).
    pub fn get(&self, key: K, compute: impl FnOnce() -> V) -> Ref<'_, V> {
        let fresh = self.0.borrow().as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            // computed before the borrow: `compute` may read other caches
            let value = compute();
            *self.0.borrow_mut() = Some((key, value));
        }
        self.kept()
    }

    /// The value for `key`; when the kept one was computed from another
    /// key, `renew` makes it again, handed what was kept (if anything) to
    /// bring up to date when only a part of what it depends on changed.
    pub fn get_renewed(&self, key: K, renew: impl FnOnce(Option<(K, V)>) -> V) -> Ref<'_, V> {
        let fresh = self.0.borrow().as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            let kept = self.0.borrow_mut().take();
            // computed with no borrow held: `renew` may read other caches
            let value = renew(kept);
            *self.0.borrow_mut() = Some((key, value));
        }
        self.kept()
    }

    fn kept(&self) -> Ref<'_, V> {
        Ref::map(self.0.borrow(), |kept| match kept {
            Some((_, v)) => v,
            None => unreachable!("the value was just kept"),
        })
    }
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Cached(RefCell::new(None))
    }
}

impl<K, V> Clone for Cached<K, V> {
    fn clone(&self) -> Self {
        Cached::default()
    }
}

impl<K, V> PartialEq for Cached<K, V> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<K, V> Eq for Cached<K, V> {}

impl<K, V> std::fmt::Debug for Cached<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cached")
    }
}

#[cfg(test)]
mod tests {
    use super::Cached;
    use std::cell::Cell;

    #[test]
    fn computes_again_only_when_the_key_changes() {
        let runs = Cell::new(0);
        let cache: Cached<u32, String> = Cached::default();
        let compute = |k: u32| {
            runs.set(runs.get() + 1);
            format!("v{k}")
        };
        assert_eq!(*cache.get(1, || compute(1)), "v1");
        assert_eq!(*cache.get(1, || compute(1)), "v1");
        assert_eq!(runs.get(), 1);
        assert_eq!(*cache.get(2, || compute(2)), "v2");
        assert_eq!(runs.get(), 2);
        // renewed from the value kept for the other key
        let renewed = cache.get_renewed(3, |kept| {
            let (k, v) = kept.expect("the value for 2 is handed over");
            assert_eq!(k, 2);
            format!("{v}+3")
        });
        assert_eq!(*renewed, "v2+3");
        drop(renewed);
        assert_eq!(*cache.get_renewed(3, |_| unreachable!("fresh")), "v2+3");
        assert_eq!(
            cache.clone(),
            Cached::default(),
            "not part of a view's state"
        );
    }
}
