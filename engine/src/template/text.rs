//! Translatable template text (labels, help, titles).

/// A small map of strings to strings (texts of a few languages each, the
/// loaders' "first place of an id" maps): the sorted-vector map the
/// configuration uses too, so the wasm carries no B-tree code for them
/// (docs/decisions.md, "Size, measured").
pub(crate) type StrMap = crate::sorted_map::SortedMap<String>;

/// A text in one or more UI languages, keyed by lower-case language code
/// (`en`, `de`, …). Lookups fall back to English, then to any language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub(crate) StrMap);

impl Text {
    /// The text in `lang`, else English, else the first language present.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.iter().next().map(|(_, t)| t))
            .map_or("", String::as_str)
    }

    /// Whether the text is given in `lang` itself (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some()
    }

    /// Sets the text in `lang` (replacing any there).
    pub fn insert(&mut self, lang: String, text: String) {
        self.0.insert(lang, text);
    }

    /// The languages and their texts, by language.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }
}

/// Collects (language, text) pairs; a later pair for a language replaces
/// an earlier one.
impl FromIterator<(String, String)> for Text {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Text {
        let mut text = Text::default();
        for (lang, t) in pairs {
            text.insert(lang, t);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_then_any() {
        let mut t = Text::default();
        assert_eq!(t.get("de"), "");
        t.insert("fr".into(), "Bonjour".into());
        assert_eq!(t.get("de"), "Bonjour");
        t.insert("en".into(), "Hello".into());
        t.insert("en".into(), "Hi".into());
        assert_eq!(t.get("de"), "Hi");
        assert_eq!(t.iter().collect::<Vec<_>>(), [("en", "Hi"), ("fr", "Bonjour")]);
        assert_eq!(t.get("fr"), "Bonjour");
    }
}
