//! Text folding and tokens: lower case, diacritics removed with a small
//! table over the Latin ranges (plus Greek tonos and Cyrillic ё), words split
//! at anything that is not a letter or digit. "Pädagogische" and
//! "padagogische" give the same token; so do "Łódź" and "lodz".
//!
//! A full Unicode normalisation crate would cover more scripts but costs
//! tens of KB of tables in the wasm; the partner data is Latin, Greek and
//! Cyrillic (docs/decisions.md).

/// Base letters of U+0100..=U+017F (Latin Extended-A), one per code point.
/// Ligatures (Ĳ, Œ) are handled before this table.
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded form of one lower-case character to `out`.
fn push_folded(c: char, out: &mut String) {
    let u = c as u32;
    let base: Option<&str> = match u {
        0xDF => Some("ss"),
        0xE6 => Some("ae"),
        0xFE => Some("th"),
        0x133 => Some("ij"),
        0x153 => Some("oe"),
        0xE0..=0xE5 => Some("a"),
        0xE7 => Some("c"),
        0xE8..=0xEB => Some("e"),
        0xEC..=0xEF => Some("i"),
        0xF0 => Some("d"),
        0xF1 => Some("n"),
        0xF2..=0xF6 | 0xF8 => Some("o"),
        0xF9..=0xFC => Some("u"),
        0xFD | 0xFF => Some("y"),
        0x218 | 0x219 => Some("s"),
        0x21A | 0x21B => Some("t"),
        0x3AC => Some("α"),
        0x3AD => Some("ε"),
        0x3AE => Some("η"),
        0x3AF | 0x3CA | 0x390 => Some("ι"),
        0x3CC => Some("ο"),
        0x3CD | 0x3CB | 0x3B0 => Some("υ"),
        0x3CE => Some("ω"),
        0x3C2 => Some("σ"),
        0x451 => Some("е"),
        _ => None,
    };
    match base {
        Some(b) => out.push_str(b),
        None if (0x100..0x180).contains(&u) => out.push(LATIN_EXT_A[(u - 0x100) as usize] as char),
        None => out.push(c),
    }
}

/// The folded form of `text`: lower case, without diacritics. Characters
/// that are not letters or digits are kept (tokens split at them).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                push_folded(l, &mut out);
            }
        }
    }
    out
}

/// The longest token kept, in bytes (longer ones are cut at a character
/// boundary: URLs and run-on strings must not bloat the index).
pub const MAX_TOKEN: usize = 40;

/// Calls `f` with each folded token of `text`, in order.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let folded = fold(text);
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let mut end = word.len().min(MAX_TOKEN);
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        f(&word[..end]);
    }
}

/// The tokens of `text` one space apart ("Regional public  Authority" →
/// "regional public authority"): the form values and organisation names
/// are compared in. Joined by hand: `[String]::join` and a second
/// instance of [`for_each_token`] are larger in wasm.
pub fn key(text: &str) -> String {
    // One allocation (folding rarely lengthens a text): this runs for
    // every facet value of every record while an index loads.
    let mut out = String::with_capacity(text.len());
    for token in tokens(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&token);
    }
    out
}

/// The folded tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.to_owned()));
    out
}

/// The Windows-1252 byte for the characters it places in 0x80..=0x9F.
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match c as u32 {
        0..=0xFF => Some(c as u8),
        _ => HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b),
    }
}

/// The repaired text when `text` is UTF-8 that was once decoded as
/// Windows-1252 or Latin-1 ("PÃ¤dagogische" → "Pädagogische"), else `None`.
/// The import keeps the original; the index holds the tokens of both, so
/// either spelling finds the record.
pub fn repair_mojibake(text: &str) -> Option<String> {
    let suspicious =
        text.chars().any(|c| matches!(c, 'Ã' | 'Â' | 'Å' | 'Ä' | 'Ð' | 'Ñ' | 'â' | 'Ś'));
    if !suspicious || text.is_ascii() {
        return None;
    }
    let bytes: Option<Vec<u8>> = text.chars().map(cp1252_byte).collect();
    let repaired = String::from_utf8(bytes?).ok()?;
    (repaired != text).then_some(repaired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Pädagogische Hochschule"), "padagogische hochschule");
        assert_eq!(fold("ŁÓDŹ Čačak Őrség Ștefan Țară"), "lodz cacak orseg stefan tara");
        assert_eq!(fold("Straße Æble Øresund Œuvre"), "strasse aeble oresund oeuvre");
        assert_eq!(fold("Πανεπιστήμιο Ιωαννίνων"), "πανεπιστημιο ιωαννινων");
        assert_eq!(fold("Ёлка"), "елка");
    }

    #[test]
    fn the_latin_extended_table_is_aligned() {
        // Spot checks across the whole table: a shift would break all of them.
        for (c, want) in [
            ('ā', "a"),
            ('ć', "c"),
            ('đ', "d"),
            ('ě', "e"),
            ('ğ', "g"),
            ('ħ', "h"),
            ('ı', "i"),
            ('ĵ', "j"),
            ('ķ', "k"),
            ('ł', "l"),
            ('ň', "n"),
            ('ő', "o"),
            ('ř', "r"),
            ('š', "s"),
            ('ť', "t"),
            ('ű', "u"),
            ('ŵ', "w"),
            ('ŷ', "y"),
            ('ž', "z"),
            ('ſ', "s"),
        ] {
            assert_eq!(fold(&c.to_string()), want, "{c}");
        }
    }

    #[test]
    fn keys_are_the_tokens_one_space_apart() {
        assert_eq!(key("Regional public  Authority"), "regional public authority");
        assert_eq!(key(" – MUSE, Trento "), "muse trento");
        assert_eq!(key("…"), "");
    }

    #[test]
    fn splits_and_cuts_tokens() {
        assert_eq!(
            tokens("Rural-Development, Thuringia (Erfurt) 2020"),
            ["rural", "development", "thuringia", "erfurt", "2020"]
        );
        let long = "x".repeat(100);
        assert_eq!(tokens(&long)[0].len(), MAX_TOKEN);
        assert!(tokens(" ,;- ").is_empty());
    }

    #[test]
    fn repairs_mojibake_and_leaves_good_text() {
        assert_eq!(repair_mojibake("PÃ¤dagogische").as_deref(), Some("Pädagogische"));
        assert_eq!(repair_mojibake("UniversitÃ© de Lyon").as_deref(), Some("Université de Lyon"));
        assert_eq!(repair_mojibake("Pädagogische"), None);
        assert_eq!(repair_mojibake("ASSOCIAÇÃO"), None);
        assert_eq!(repair_mojibake("plain"), None);
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn tokens_are_case_blind(s in "[a-zA-Z0-9À-ňŊ-ſ ,.-]{0,40}") {
            prop_assert_eq!(tokens(&s.to_uppercase()), tokens(&s.to_lowercase()));
        }
    }
}
