//! Translatable template text (labels, help, titles).

use std::collections::BTreeMap;

/// A text in one or more UI languages, keyed by lower-case language code
/// (`en`, `de`, …). Lookups fall back to English, then to any language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, else English, else the first language present.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text is given in `lang` itself (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.contains_key(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_then_any() {
        let mut t = Text::default();
        assert_eq!(t.get("de"), "");
        t.0.insert("fr".into(), "Bonjour".into());
        assert_eq!(t.get("de"), "Bonjour");
        t.0.insert("en".into(), "Hello".into());
        assert_eq!(t.get("de"), "Hello");
        assert_eq!(t.get("fr"), "Bonjour");
    }
}
