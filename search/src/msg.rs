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

/// The number `text` writes in decimal (digits only, as [`number`] writes
/// them), if it fits a `u32`.
pub fn read_number(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    for b in text.bytes() {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n = n.checked_mul(10)?.checked_add(u32::from(digit))?;
    }
    Some(n)
}

/// `template` with its first `{…}` placeholder replaced by `value` (the
/// template itself when it has none).
pub fn fill(template: &str, value: &str) -> String {
    let parts =
        template.split_once('{').and_then(|(head, rest)| Some((head, rest.split_once('}')?.1)));
    match parts {
        Some((head, tail)) => concat(&[head, value, tail]),
        None => template.to_owned(),
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
        for n in [0, 7, 10, 4_294_967_295] {
            assert_eq!(read_number(&number(u64::from(n))), Some(n));
        }
        for bad in ["", "-1", "1a", " 1", "4294967296", "+1"] {
            assert_eq!(read_number(bad), None, "{bad}");
        }
        assert_eq!(concat(&["a", "", "bc"]), "abc");
        assert_eq!(fill("{n} found", "12"), "12 found");
        assert_eq!(fill("Selected {name}.", "Łódź"), "Selected Łódź.");
        assert_eq!(fill("none", "x"), "none");
        assert_eq!(fill("open { only", "x"), "open { only");
    }
}
