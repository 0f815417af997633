//! Edit distance for typo tolerance: Levenshtein, bounded (it gives up as
//! soon as the distance must exceed the bound), over characters.

/// The typos allowed in a query word of `len` characters: none up to 3,
/// one for 4 to 7, two from 8.
pub fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The Levenshtein distance between `a` and `b` when it is at most `max`,
/// else `None`. `row` is scratch space (reused between calls).
pub fn within(a: &[char], b: &str, max: usize, row: &mut Vec<usize>) -> Option<usize> {
    let b_len = b.chars().count();
    if a.len().abs_diff(b_len) > max {
        return None;
    }
    row.clear();
    row.extend(0..=a.len());
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        let mut best = row[0];
        for i in 1..=a.len() {
            let cost = usize::from(a[i - 1] != cb);
            let value = (diagonal + cost).min(row[i] + 1).min(row[i - 1] + 1);
            diagonal = row[i];
            row[i] = value;
            best = best.min(value);
        }
        if best > max {
            return None;
        }
    }
    let d = row[a.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dist(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        within(&a, b, max, &mut Vec::new())
    }

    #[test]
    fn measures_edits() {
        assert_eq!(dist("university", "univercity", 2), Some(1));
        assert_eq!(dist("kitten", "sitting", 3), Some(3));
        assert_eq!(dist("kitten", "sitting", 2), None);
        assert_eq!(dist("", "abc", 3), Some(3));
        assert_eq!(dist("erfurt", "erfurt", 0), Some(0));
        assert_eq!(dist("łodz", "lodz", 1), Some(1));
    }

    #[test]
    fn scales_with_word_length() {
        assert_eq!([3, 4, 7, 8, 20].map(allowed_typos), [0, 1, 1, 2, 2]);
    }

    proptest! {
        #[test]
        fn one_substitution_is_distance_one(s in "[a-z]{2,12}", i in 0usize..12, c in "[0-9]") {
            let i = i % s.len();
            let mut t = s.clone();
            t.replace_range(i..i + 1, &c);
            prop_assert_eq!(dist(&s, &t, 2), Some(1));
            prop_assert_eq!(dist(&s, &s, 0), Some(0));
        }
    }
}
