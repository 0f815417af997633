//! A map from strings to values kept as one vector sorted by key, looked up
//! by binary search. The configuration's maps (visibility statuses,
//! parameter values, limit overrides) use it instead of `BTreeMap`: they
//! are small, built once and then read, and each `BTreeMap<K, V>` type is
//! its own copy of the B-tree's code in the wasm (docs/decisions.md, "Size,
//! measured"). Iteration is in key order, as a `BTreeMap`'s.

/// Values of type `V` by string key, in key order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortedMap<V>(pub(crate) Vec<(String, V)>);

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<V> SortedMap<V> {
    /// An empty map.
    pub(crate) fn new() -> Self {
        SortedMap(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value at `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    /// Sets the value at `key`, returning the one it replaced.
    pub(crate) fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// The pairs in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Whether the map is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> std::ops::Index<&str> for SortedMap<V> {
    type Output = V;

    /// The value at `key`; panics when there is none, as a `BTreeMap` does.
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no value at this key")
    }
}

impl<V> FromIterator<(String, V)> for SortedMap<V> {
    /// A later pair replaces an earlier one with the same key, as in a `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, V> IntoIterator for &'a SortedMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::SortedMap;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btreemap_of_strings() {
        let pairs = [("b", 2), ("a", 1), ("c", 3), ("a", 4), ("", 0)];
        let mut ours = SortedMap::new();
        let mut theirs = BTreeMap::new();
        for (k, v) in pairs {
            assert_eq!(ours.insert(k.to_owned(), v), theirs.insert(k.to_owned(), v));
        }
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(ours.get("a"), Some(&4));
        assert!(ours.get("").is_some() && ours.get("d").is_none());
        assert_eq!(ours.iter().count(), 4);
        assert_eq!(ours["c"], 3);
        let collected: SortedMap<i32> = pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect();
        assert_eq!(collected, ours);
    }
}
