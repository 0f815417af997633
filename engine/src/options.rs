//! Finding a select's options as the user types (the widget's combobox over
//! the 1,500 NUTS regions): an option matches when its label contains the
//! query or its code starts with it, both compared in lower case.

/// The options of one select, lower-cased once for matching.
#[derive(Clone, Debug, Default)]
pub struct OptionFilter {
    folded: Vec<(String, String)>,
}

impl OptionFilter {
    /// A filter over `(code, label)` options, in their order.
    pub fn new(options: &[(String, String)]) -> Self {
        OptionFilter { folded: options.iter().map(|(c, l)| (fold(c), fold(l))).collect() }
    }

    /// The indices of the options that match `query`, in option order; every
    /// option for an empty query.
    pub fn matches(&self, query: &str) -> Vec<usize> {
        let q = fold(query.trim());
        (0..self.folded.len())
            .filter(|&i| {
                let (code, label) = &self.folded[i];
                q.is_empty() || label.contains(&q) || code.starts_with(&q)
            })
            .collect()
    }
}

/// `s` in lower case, character by character (`str::to_lowercase` adds the
/// Greek final-sigma rule, and its tables, which matching does not need).
fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Vec<(String, String)> {
        [("AT13", "Wien"), ("DE21", "Oberbayern"), ("DE300", "Berlin"), ("AT3", "Westösterreich")]
            .iter()
            .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
            .collect()
    }

    #[test]
    fn labels_contain_and_codes_start_with_the_query_in_any_case() {
        let filter = OptionFilter::new(&regions());
        assert_eq!(filter.matches("ber"), [1, 2]);
        assert_eq!(filter.matches("  BER "), [1, 2]);
        assert_eq!(filter.matches("de"), [1, 2]);
        assert_eq!(filter.matches("at"), [0, 3]);
        assert_eq!(filter.matches("13"), Vec::<usize>::new(), "codes match from their start");
        assert_eq!(filter.matches("ÖSTER"), [3]);
        assert_eq!(filter.matches(""), [0, 1, 2, 3]);
        assert_eq!(filter.matches("xyz"), Vec::<usize>::new());
    }
}
