//! Removes wasm-bindgen exports that nothing uses from the built package.
//!
//! leptos 0.8 always enables `server_fn/browser` (not a feature it lets us
//! turn off), which links `wasm-streams`, whose `#[wasm_bindgen]` classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingSink`, `IntoUnderlyingByteSource`)
//! are exported to JS although the widget never streams: the exports keep
//! their code in the wasm and their classes in the glue. After wasm-pack,
//! this step removes those classes from the glue (`hitforms.js`) and its
//! types (`hitforms.d.ts`), keeps in the wasm only the exports the glue
//! still reads (`wasm.name`), and runs wasm-opt again so that the code only
//! the dropped exports reached goes too (docs/decisions.md, "Size,
//! measured"). The glue is edited only where it matches wasm-bindgen's
//! output exactly; anything else fails the build, so a wasm-bindgen upgrade
//! that changes its output is noticed, not silently mis-edited.

use crate::util::{self, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// Exported classes no caller uses (wasm-streams, through server_fn).
const UNUSED_CLASSES: &[&str] =
    &["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/// wasm-opt as wasm-pack runs it (widgets/Cargo.toml).
const WASM_OPT: &[&str] = &["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"];

/// Applies the step to the module `out` in `dist` (`{out}.js`, `.d.ts`,
/// `_bg.wasm`): the form widget's `pkg/dist/hitforms` and the partner
/// search's `pkg/dist/search*/partner-search`.
pub fn strip_unused(dist: &Path, out: &str) -> Result {
    let read = |name: &str| {
        let path = dist.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let write = |name: &str, text: &[u8]| {
        let path = dist.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (js_name, dts_name) = (format!("{out}.js"), format!("{out}.d.ts"));
    let mut js = read(&js_name)?;
    let mut dts = read(&dts_name)?;
    for class in UNUSED_CLASSES {
        if !js.contains(&format!("export class {class} ")) {
            continue; // not linked (any more): nothing to do
        }
        js = remove_class_js(&js, class)?;
        dts = remove_block(&dts, &format!("export class {class} {{"), "\n}\n")?;
    }
    let used = glue_exports(&js);
    let wasm_path = dist.join(format!("{out}_bg.wasm"));
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let (wasm, dropped) = keep_exports(&wasm, &used)?;
    // Their declarations in the glue's `InitOutput` type go too.
    dts = dts
        .lines()
        .filter(|l| !dropped.iter().any(|d| l.trim_start().starts_with(&format!("readonly {d}:"))))
        .map(|l| format!("{l}\n"))
        .collect();
    write(&js_name, js.as_bytes())?;
    write(&dts_name, dts.as_bytes())?;
    std::fs::write(&wasm_path, &wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    println!("dropped {} unused wasm exports: {}", dropped.len(), dropped.join(", "));
    let path = wasm_path.to_string_lossy().into_owned();
    let mut args: Vec<&str> = WASM_OPT.to_vec();
    args.extend_from_slice(&[path.as_str(), "-o", path.as_str()]);
    util::run("wasm-opt", &args)
}

/// The glue without `class`: its definition (up to wasm-bindgen's
/// `Symbol.dispose` line after it) and its finalization registry.
fn remove_class_js(js: &str, class: &str) -> Result<String> {
    let js = remove_block(
        js,
        &format!("export class {class} {{"),
        &format!(
            "if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
        ),
    )?;
    let js = remove_block(&js, &format!("const {class}Finalization = "), ");\n")?;
    if js.contains(class) {
        return Err(format!("wasm-bindgen's glue still names {class}: see xtask/src/unexport.rs"));
    }
    Ok(js)
}

/// `text` without the one span from `start` to the first `end` after it.
fn remove_block(text: &str, start: &str, end: &str) -> Result<String> {
    let unexpected =
        || format!("unexpected wasm-bindgen output near `{start}`: see xtask/src/unexport.rs");
    if text.matches(start).count() != 1 {
        return Err(unexpected());
    }
    let from = text.find(start).ok_or_else(unexpected)?;
    let len = text[from..].find(end).ok_or_else(unexpected)? + end.len();
    let mut out = text[..from].to_owned();
    // The blank line wasm-bindgen leaves between items.
    out.push_str(text[from + len..].strip_prefix('\n').unwrap_or(&text[from + len..]));
    Ok(out)
}

/// The wasm exports the glue reads: every `wasm.name`.
pub(crate) fn glue_exports(js: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = js;
    while let Some(at) = rest.find("wasm.") {
        let before_ok = rest[..at].chars().last().is_none_or(|c| !c.is_alphanumeric() && c != '_');
        rest = &rest[at + 5..];
        let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_' && c != '$');
        let name = &rest[..end.unwrap_or(rest.len())];
        if before_ok && !name.is_empty() {
            out.insert(name.to_owned());
        }
    }
    out
}

/// The module with only the exports named in `keep`; the names dropped.
fn keep_exports(wasm: &[u8], keep: &BTreeSet<String>) -> Result<(Vec<u8>, Vec<String>)> {
    let bad = || "hitforms_bg.wasm: malformed export section".to_owned();
    let mut dropped = Vec::new();
    let out = map_section(wasm, 7, |body| {
        // (name, kind byte, index LEB) entries.
        let (count, mut p) = leb(body, 0).ok_or_else(bad)?;
        let (mut kept, mut n_kept) = (Vec::new(), 0);
        for _ in 0..count {
            let start = p;
            let (name_len, name_at) = leb(body, p).ok_or_else(bad)?;
            let name = body.get(name_at..name_at + name_len).ok_or_else(bad)?;
            let name = std::str::from_utf8(name).map_err(|_| bad())?;
            let (_, end) = leb(body, name_at + name_len + 1).ok_or_else(bad)?;
            p = end;
            if keep.contains(name) {
                kept.extend_from_slice(&body[start..end]);
                n_kept += 1;
            } else {
                dropped.push(name.to_owned());
            }
        }
        let mut section = Vec::new();
        push_leb(&mut section, n_kept);
        section.extend_from_slice(&kept);
        Ok(section)
    })?;
    Ok((out, dropped))
}

/// The module with the body of its section `id` replaced by `change(body)`;
/// every other section is copied as it is.
pub(crate) fn map_section(
    wasm: &[u8],
    id: u8,
    mut change: impl FnMut(&[u8]) -> Result<Vec<u8>>,
) -> Result<Vec<u8>> {
    let bad = || "hitforms_bg.wasm: malformed module".to_owned();
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err(bad());
    }
    let (mut out, mut at) = (wasm[..8].to_vec(), 8);
    while at < wasm.len() {
        let (len, body_at) = leb(wasm, at + 1).ok_or_else(bad)?;
        let body = wasm.get(body_at..body_at + len).ok_or_else(bad)?;
        let body = if wasm[at] == id { change(body)? } else { body.to_vec() };
        out.push(wasm[at]);
        push_leb(&mut out, body.len());
        out.extend_from_slice(&body);
        at = body_at + len;
    }
    Ok(out)
}

/// An unsigned LEB128 at `at`: the value and the position after it.
pub(crate) fn leb(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let (mut value, mut shift) = (0usize, 0);
    loop {
        let b = *bytes.get(at)?;
        at += 1;
        value |= usize::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some((value, at));
        }
        shift += 7;
    }
}

/// Appends `value` as an unsigned LEB128.
pub(crate) fn push_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const GLUE: &str = "export class A {\n    free() {\n        wasm.__wbg_a_free(1);\n    }\n}\n\
        if (Symbol.dispose) A.prototype[Symbol.dispose] = A.prototype.free;\n\n\
        export class B {\n    f() { return wasm.b_f(); }\n}\n\
        const AFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? {}\n    : new FinalizationRegistry(ptr => wasm.__wbg_a_free(ptr, 1));\n\
        const x = wasm.memory;\n";

    #[test]
    fn removes_a_class_and_its_registry_from_the_glue() {
        let js = remove_class_js(GLUE, "A").unwrap();
        assert_eq!(
            js,
            "export class B {\n    f() { return wasm.b_f(); }\n}\nconst x = wasm.memory;\n"
        );
        let used: Vec<_> = glue_exports(&js).into_iter().collect();
        assert_eq!(used, ["b_f", "memory"]);
        // Glue that does not look as expected is refused, not mis-edited.
        assert!(remove_class_js(&GLUE.replace("Symbol.dispose", "X"), "A").is_err());
        assert!(remove_class_js(GLUE, "C").is_err());
    }

    /// A module exporting one function under each of `names`.
    pub(crate) fn module(names: &[&str]) -> Vec<u8> {
        let mut exports = Vec::new();
        push_leb(&mut exports, names.len());
        for n in names {
            push_leb(&mut exports, n.len());
            exports.extend_from_slice(n.as_bytes());
            exports.extend_from_slice(&[0, 0]);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0]); // type, function
        m.push(7);
        push_leb(&mut m, exports.len());
        m.extend_from_slice(&exports);
        m.extend_from_slice(&[10, 4, 1, 2, 0, 0x0b]); // code
        m
    }

    #[test]
    fn keeps_only_the_exports_asked_for() {
        let keep: BTreeSet<String> = ["b".to_owned()].into();
        let (wasm, dropped) = keep_exports(&module(&["a", "b", "c"]), &keep).unwrap();
        assert_eq!(wasm, module(&["b"]));
        assert_eq!(dropped, ["a", "c"]);
        assert!(keep_exports(b"\0asm\x01\0\0\0\x07\x05\x01", &keep).is_err());
    }
}
