//! `serde_json::Value` → compact JSON text, byte for byte as
//! `serde_json::to_string` writes it (keys in the map's order, numbers as
//! their literal text, the same escapes), without serde's serializer: the
//! widget writes drafts, events and exports with it, and serde_json's
//! `Serialize` machinery and number formatting stay out of the wasm
//! (docs/decisions.md, "Size, measured").

use serde_json::Value;

/// The compact JSON text of `value`.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    write_into(&mut out, value);
    out
}

/// Appends the compact JSON text of `value` to `out`.
pub fn write_into(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_into(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, key);
                out.push(':');
                write_into(out, item);
            }
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::write;
    use serde_json::json;

    #[test]
    fn writes_what_serde_json_writes() {
        let docs = [
            json!(null),
            json!({"b": [1, 2.50, -0.0, 1e300, true, false, null], "a": {"": "x"}, "c": []}),
            json!(
                "quote \" backslash \\ controls \n\r\t\u{8}\u{c}\u{1}\u{1f} del \u{7f} é 😀 </script>"
            ),
            json!([{"language": "EN", "translation": "Text"}, {}, [[]]]),
            serde_json::from_str("123456789012345678901234567890.000100").unwrap(),
        ];
        for doc in docs {
            assert_eq!(write(&doc), serde_json::to_string(&doc).unwrap(), "{doc:?}");
        }
    }
}
