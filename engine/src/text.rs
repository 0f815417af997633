//! Character counting as Jems does it: UTF-16 code units (hit-domain.md §3.6).

/// The length of `s` in UTF-16 code units, as JavaScript's `String.length` and
/// Kotlin's `String.length` count it: a character outside the Basic
/// Multilingual Plane (an emoji, say) counts 2.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Whether a text counts as not given (empty or only white space).
pub fn is_blank(s: &str) -> bool {
    // Most texts start with a visible ASCII character: no need to trim.
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_code_units() {
        assert_eq!(utf16_len(""), 0);
        assert_eq!(utf16_len("Pädagogik"), 9);
        assert_eq!(utf16_len("€"), 1);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("e\u{301}"), 2);
        assert_eq!(utf16_len("a\r\nb"), 4);
    }

    #[test]
    fn blank_means_only_white_space() {
        assert!(is_blank(" \n\t"));
        assert!(!is_blank(" x "));
    }
}
