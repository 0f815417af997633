//! Structure-aware mutations for the smoke run: a seed that is JSON is
//! parsed, one of its values is replaced, removed, copied or multiplied,
//! and the result is written back as JSON. Byte mutations mostly produce
//! text the JSON parser rejects; these reach the engine's own checks.

use super::mutate::Rng;
use serde_json::{Map, Value};

/// Values worth putting anywhere: wrong types, limits, extreme numbers.
const INTERESTING: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.005",
    "1e400",
    "-1e-400",
    "99999999999999999999999999999999",
    "79228162514264337593543950336",
    "\"\"",
    "\" \"",
    "\"x\"",
    "\"2024-02-29\"",
    "\"2023-02-29\"",
    "\"12.50\"",
    "\"EN\"",
    "\"external\"",
    "\"repeat\"",
    "\"table\"",
    "\"group\"",
    "[]",
    "{}",
    "[\"green\", \"green\"]",
    "[{\"language\": \"EN\", \"translation\": \"x\"}, {\"language\": \"EN\", \"translation\": \"\"}]",
    "[{\"language\": \"DE\"}]",
    "{\"id\": \"x\", \"kind\": \"text\", \"label\": {\"en\": \"X\"}}",
];

/// A mutant of `seed` (which must be JSON, else `None`), possibly taking a
/// value from `other`.
pub fn mutate_json(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Option<Vec<u8>> {
    let mut doc: Value = serde_json::from_slice(seed).ok()?;
    let donor: Option<Value> = serde_json::from_slice(other).ok();
    for _ in 0..=rng.below(3) {
        let count = count_nodes(&doc);
        let target = rng.below(count);
        let replacement = match rng.below(3) {
            0 => donor.as_ref().map(|d| nth(d, rng.below(count_nodes(d))).clone()),
            _ => None,
        }
        .unwrap_or_else(|| {
            serde_json::from_str(INTERESTING[rng.below(INTERESTING.len())]).expect("valid JSON")
        });
        let mut n = target;
        edit_nth(&mut doc, &mut n, rng, &replacement);
    }
    serde_json::to_vec(&doc).ok()
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The `n`-th node in pre-order.
fn nth(v: &Value, n: usize) -> &Value {
    fn go<'a>(v: &'a Value, n: &mut usize) -> Option<&'a Value> {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter().find_map(|c| go(c, n)),
            Value::Object(o) => o.values().find_map(|c| go(c, n)),
            _ => None,
        }
    }
    let mut n = n;
    go(v, &mut n).unwrap_or(v)
}

/// Edits the `n`-th node in pre-order: replaces it, or (for containers)
/// removes, multiplies or renames one of its members.
fn edit_nth(v: &mut Value, n: &mut usize, rng: &mut Rng, replacement: &Value) -> bool {
    if *n == 0 {
        match (v, rng.below(4)) {
            (Value::Array(a), 0) if !a.is_empty() => {
                let i = rng.below(a.len());
                a.remove(i);
            }
            (Value::Array(a), 1) if !a.is_empty() => {
                // Enough copies to pass list limits (50 partners, 300 rows).
                let item = a[rng.below(a.len())].clone();
                let copies = [2, 51, 301][rng.below(3)];
                a.extend(std::iter::repeat_n(item, copies));
            }
            (Value::Object(o), 0) if !o.is_empty() => {
                let key = o.keys().nth(rng.below(o.len())).cloned().unwrap_or_default();
                o.remove(&key);
            }
            (Value::Object(o), 1) => rename(o, rng),
            (v, _) => *v = replacement.clone(),
        }
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|c| edit_nth(c, n, rng, replacement)),
        Value::Object(o) => o.values_mut().any(|c| edit_nth(c, n, rng, replacement)),
        _ => false,
    }
}

/// Renames one key of an object (to a nearby or an unknown name).
fn rename(o: &mut Map<String, Value>, rng: &mut Rng) {
    let Some(key) = o.keys().nth(rng.below(o.len().max(1))).cloned() else { return };
    let new = ["id", "kind", "fields", "columns", "min", "max", "value", "unknown", "a/b~c"]
        [rng.below(9)]
    .to_owned();
    if let Some(value) = o.remove(&key) {
        o.insert(new, value);
    }
}
