//! Messages built without `core::fmt`: parts joined, numbers written in
//! decimal by hand. The loader's errors and the partner-search element's
//! texts use these, so a wasm build that never prints with `format!` links
//! no formatting code at all (docs/decisions.md, "The partner-search
//! element").

/// `parts` joined into one string.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// `n` in decimal.
pub fn number(n: u64) -> String {
    let mut digits = [0u8; 20];
    let (mut n, mut at) = (n, digits.len());
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[at..].iter().map(|&d| char::from(d)).collect()
}

/// `template` with its first `{…}` placeholder replaced by `value` (the
/// template itself when it has none).
pub fn fill(template: &str, value: &str) -> String {
    let open = template.find('{');
    let close = open.and_then(|o| template[o..].find('}').map(|c| o + c + 1));
    match (open, close) {
        (Some(open), Some(close)) => concat(&[&template[..open], value, &template[close..]]),
        _ => template.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_placeholders_read_as_format_would_write_them() {
        for n in [0, 7, 10, 99, 100, 12_345, u64::MAX] {
            assert_eq!(number(n), n.to_string());
        }
        assert_eq!(concat(&["a", "", "bc"]), "abc");
        assert_eq!(fill("{n} found", "12"), "12 found");
        assert_eq!(fill("Selected {name}.", "Łódź"), "Selected Łódź.");
        assert_eq!(fill("none", "x"), "none");
        assert_eq!(fill("open { only", "x"), "open { only");
    }
}
